import { fenToYuanText, parseYuanToFen } from '../../server/platform/money';
import type { Lang } from './i18n';

/** Times are shown as Beijing time whatever the browser's zone, as officials read them. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** Removes empty strings and undefined so optional fields are left out of a request body. */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** Today's date in Beijing time as YYYY-MM-DD: effective dates and deadlines are Chinese calendar days. */
export function todayInShanghai(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

/** Fen (the server's integer money) as yuan with separators: 123456789 → "¥1,234,567.89". Exact, no floating point. */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  // The sign goes before the currency: -¥9,047.41, not ¥-9,047.41.
  const [whole, cents] = fenToYuanText(Math.abs(fen)).split('.');
  return `${fen < 0 ? '-' : ''}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** Yuan typed in a form (text, as InputNumber's stringMode gives it) to fen; null when it is not an amount. */
export function yuanToFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const parsed = parseYuanToFen(typeof value === 'number' ? value : String(value));
  return parsed.ok ? parsed.fen : null;
}

/** Fen as the plain yuan text a form input starts with ("1234.50"). */
export const fenToYuanInput = (fen: number | null | undefined): string | undefined => (fen === null || fen === undefined ? undefined : fenToYuanText(fen));

/** Minutes as hours with one decimal ("7.5 h" / "7.5 小时"). */
export const formatHours = (minutes: number, lang: Lang): string => `${(Math.round(minutes / 6) / 10).toFixed(1)}${lang === 'zh' ? ' 小时' : ' h'}`;

/** A time of day in Beijing time (HH:mm) from an ISO instant. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
}
