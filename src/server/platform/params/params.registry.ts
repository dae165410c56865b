import type { ParamCheck, ParamDef, ParamType } from './params.types';

/** Every declared parameter, process-wide: modules declare theirs once, at import. */
const registry = new Map<string, ParamDef>();

const WHOLE = new Set<ParamType>(['integer', 'money_fen', 'duration_wd', 'duration_days', 'duration_months', 'duration_years']);
const NON_NEGATIVE = new Set<ParamType>(['money_fen', 'ratio', 'duration_wd', 'duration_days', 'duration_months', 'duration_years']);
const MAX_TEXT = 200;
// 'ACC-02', 'ACC-02.openWithinDays', 'WRN.deadlineWD.yellow', 'W05.lookbackMonths' (a warning rule's code).
const ID = /^[A-Z]+(-?\d+)?(\.[A-Za-z][A-Za-z0-9]*)*$/;

const fail = (zh: string, en: string): ParamCheck => ({ ok: false, reason: { zh, en } });

/** Whether `value` is acceptable for the parameter: its type, then its bounds. */
export function validateParamValue(def: ParamDef, value: unknown): ParamCheck {
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : fail('应为是或否', 'Must be true or false');
    case 'enum':
      return typeof value === 'string' && def.options?.includes(value)
        ? { ok: true, value }
        : fail(`应为 ${def.options?.join('、')} 之一`, `Must be one of ${def.options?.join(', ')}`);
    case 'enum_set':
      return Array.isArray(value) && value.length > 0 && new Set(value).size === value.length && value.every((v) => def.options?.includes(v))
        ? { ok: true, value }
        : fail(`应为 ${def.options?.join('、')} 中不重复的一项或多项`, `Must be one or more distinct values of ${def.options?.join(', ')}`);
    case 'string':
      return typeof value === 'string' && value.length <= MAX_TEXT
        ? { ok: true, value }
        : fail(`应为不超过${MAX_TEXT}字的文本`, `Must be text of at most ${MAX_TEXT} characters`);
    default:
      return validateNumber(def, value);
  }
}

function validateNumber(def: ParamDef, value: unknown): ParamCheck {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail('应为数值', 'Must be a number');
  // Safe integers only: fen amounts must stay exact.
  if (WHOLE.has(def.type) && !Number.isSafeInteger(value)) return fail('应为整数', 'Must be a whole number');
  if (NON_NEGATIVE.has(def.type) && value < 0) return fail('不能为负数', 'Must not be negative');
  if (def.type === 'ratio' && value > 1) return fail('比例应在0到1之间', 'A ratio lies between 0 and 1');
  if (def.min !== undefined && value < def.min) return fail(`不能小于 ${def.min}`, `Must be at least ${def.min}`);
  if (def.max !== undefined && value > def.max) return fail(`不能大于 ${def.max}`, `Must be at most ${def.max}`);
  return { ok: true, value };
}

/**
 * Declares parameters, all or none. A malformed or duplicate id, or a default its own rules reject,
 * is a programming error.
 */
export function defineParams(defs: readonly ParamDef[]): void {
  const ids = new Set<string>();
  for (const def of defs) {
    if (!ID.test(def.id)) throw new Error(`rule parameter id ${JSON.stringify(def.id)} is not of the form RULE-NN.name`);
    if (registry.has(def.id) || ids.has(def.id)) throw new Error(`rule parameter ${def.id} is declared twice`);
    if ((def.type === 'enum' || def.type === 'enum_set') && !def.options?.length) throw new Error(`rule parameter ${def.id}: an enum needs options`);
    if (def.min !== undefined && def.max !== undefined && def.min > def.max) throw new Error(`rule parameter ${def.id}: min exceeds max`);
    const check = validateParamValue(def, def.default);
    if (!check.ok) throw new Error(`rule parameter ${def.id}: default ${JSON.stringify(def.default)} is invalid (${check.reason.en})`);
    ids.add(def.id);
  }
  for (const def of defs) registry.set(def.id, Object.freeze(def));
}

export const listParamDefs = (): ParamDef[] => [...registry.values()].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

export const getParamDef = (id: string): ParamDef | undefined => registry.get(id);
