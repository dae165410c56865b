import type { Bilingual } from '../errors';
import type { ParamDef } from './params.types';

const registry = new Map<string, ParamDef>();

const INTEGER_TYPES = new Set(['integer', 'money_fen', 'duration_wd', 'duration_days', 'duration_months', 'duration_years']);

export function validateParamValue(def: ParamDef, value: unknown): { ok: true; value: unknown } | { ok: false; reason: Bilingual } {
  const fail = (zh: string, en: string) => ({ ok: false as const, reason: { zh, en } });
  if (INTEGER_TYPES.has(def.type) || def.type === 'number' || def.type === 'ratio') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail('应为数值', 'Must be a number');
    if (INTEGER_TYPES.has(def.type) && !Number.isInteger(value)) return fail('应为整数', 'Must be a whole number');
    if ((def.type === 'money_fen' || def.type.startsWith('duration')) && value < 0) return fail('不能为负数', 'Must not be negative');
    if (def.type === 'ratio' && (value < 0 || value > 1)) return fail('比例应在0到1之间', 'A ratio lies between 0 and 1');
    if (def.min !== undefined && value < def.min) return fail(`不能小于 ${def.min}`, `Must be at least ${def.min}`);
    if (def.max !== undefined && value > def.max) return fail(`不能大于 ${def.max}`, `Must be at most ${def.max}`);
    return { ok: true, value };
  }
  if (def.type === 'boolean') return typeof value === 'boolean' ? { ok: true, value } : fail('应为是或否', 'Must be true or false');
  if (def.type === 'enum') {
    return typeof value === 'string' && def.options?.includes(value) ? { ok: true, value } : fail(`应为 ${def.options?.join('、')} 之一`, `Must be one of ${def.options?.join(', ')}`);
  }
  return typeof value === 'string' && value.length <= 200 ? { ok: true, value } : fail('应为不超过200字的文本', 'Must be text of at most 200 characters');
}

/** Declares a module's parameters once, at import. A duplicate id or an invalid default is a programming error. */
export function defineParams(defs: ParamDef[]): void {
  for (const def of defs) {
    if (registry.has(def.id)) throw new Error(`rule parameter ${def.id} is declared twice`);
    const check = validateParamValue(def, def.default);
    if (!check.ok) throw new Error(`rule parameter ${def.id}: default ${JSON.stringify(def.default)} is invalid (${check.reason.en})`);
    registry.set(def.id, def);
  }
}

export const listParamDefs = () => [...registry.values()].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
export const getParamDef = (id: string) => registry.get(id);
