import type { Bilingual } from './errors';

/** Money is integer fen. Yuan typed by people (forms, Excel) is parsed as decimal text, never through floating point. */
export type ParsedFen = { ok: true; fen: number } | { ok: false; reason: Bilingual };

export function parseYuanToFen(input: unknown): ParsedFen {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: { zh: '金额不是有效数字', en: 'Not a valid amount' } };
    // Spreadsheet numbers arrive as binary floats (0.1 + 0.2); two decimals is all money has.
    text = input.toFixed(2);
    if (Math.abs(Number(text) - input) > 1e-6) return { ok: false, reason: { zh: '金额最多保留两位小数', en: 'At most two decimals' } };
  } else if (typeof input === 'string') {
    text = input.trim().replace(/,/g, '').replace(/^¥/, '');
  } else {
    return { ok: false, reason: { zh: '请填写金额', en: 'Enter an amount' } };
  }
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return { ok: false, reason: { zh: '金额格式不正确（元，最多两位小数）', en: 'Amount must be yuan with at most two decimals' } };
  return { ok: true, fen: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
}

/** Fen as yuan text with two decimals ("1234.50"), for exports in the official layouts. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
