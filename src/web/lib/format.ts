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
