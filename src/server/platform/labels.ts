import type { Bilingual } from './errors';

/** A code list with its zh/en labels, written compactly: `labels({ code: ['中文', 'English'] })`. */
export const labels = <K extends string>(m: Record<K, [string, string]>) =>
  Object.fromEntries((Object.entries(m) as [K, [string, string]][]).map(([k, [zh, en]]) => [k, { zh, en }])) as Record<K, Bilingual>;

/** The code a person typed: the code itself, or its Chinese or English label; null if none matches. */
export function codeOf<K extends string>(table: Record<K, Bilingual>, text: string | null): K | null {
  if (!text) return null;
  const hit = (Object.entries(table) as [K, Bilingual][]).find(([k, l]) => k === text || l.zh === text || l.en === text);
  return hit ? hit[0] : null;
}
