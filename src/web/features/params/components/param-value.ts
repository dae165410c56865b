import type { Lang } from '../../../lib/i18n';
import type { ParamDef } from '../api/get-params';

/*
 * The server keeps money in fen and ratios as fractions; people read yuan and percent. These pure
 * functions convert both ways so the table, the form and the history agree.
 */
const yuan = (fen: number, lang: Lang) => `${(fen / 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} ${lang === 'zh' ? '元' : 'yuan'}`;
const percent = (ratio: number) => `${Number((ratio * 100).toFixed(4))}%`;

export function formatParamValue(def: Pick<ParamDef, 'type' | 'unit'>, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  if (def.type === 'money_fen' && typeof value === 'number') return yuan(value, lang);
  if (def.type === 'ratio' && typeof value === 'number') return percent(value);
  if (Array.isArray(value)) return value.join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  const unit = def.unit ? (lang === 'zh' ? def.unit.zh : ` ${def.unit.en}`) : '';
  return `${String(value)}${unit}`;
}

/** The allowed range in display units, or null when the law sets none. */
export function formatRange(def: ParamDef, lang: Lang): string | null {
  if (def.min === null && def.max === null) return null;
  const show = (v: number | null) => (v === null ? '' : formatParamValue(def, v, lang));
  return `${show(def.min)} ~ ${show(def.max)}`;
}

/** What the form's input shows for a stored value. */
export function toInput(def: ParamDef, value: unknown): unknown {
  if (def.type === 'money_fen' && typeof value === 'number') return value / 100;
  if (def.type === 'ratio' && typeof value === 'number') return Number((value * 100).toFixed(6));
  return value;
}

/** The value the API stores for what the form's input holds. */
export function fromInput(def: ParamDef, input: unknown): unknown {
  if (def.type === 'money_fen') return Math.round(Number(input) * 100);
  if (def.type === 'ratio') return Number((Number(input) / 100).toFixed(8));
  return input;
}

/** Input bounds in display units. */
export function inputBounds(def: ParamDef): { min?: number; max?: number } {
  const scale = (v: number | null) => (v === null ? undefined : Number(toInput(def, v)));
  return { min: scale(def.min), max: scale(def.max) };
}
