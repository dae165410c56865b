import { formatDateTime, formatYuan } from '../../lib/format';
import type { Bilingual, Lang } from '../../lib/i18n';

/**
 * A warning's evidence (raw camelCase keys, amounts in fen) as label–value rows an official can
 * read: fen as yuan, instants in Beijing time, ratios as percent, lists one item a line. Pure.
 */
export interface EvidenceRow {
  key: string;
  label: string;
  /** One line, or several for a list. */
  lines: string[];
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const pickText = (text: Bilingual, lang: Lang) => (text ? (lang === 'en' && text.en ? text.en : text.zh) : '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 'attendedWorkers' → 'Attended workers', 'unpaidFen' → 'Unpaid', when the server gives no label. */
export const humanizeKey = (key: string) => {
  const words = key.replace(/Fen$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

type Labels = Record<string, Bilingual> | null | undefined;
/** The server's label, unless it is only the key again (its fallback for a key it has no label for). */
const labelFor = (key: string, labels: Labels, lang: Lang) => {
  const label = pickText(labels?.[key], lang);
  return label && label !== key ? label : humanizeKey(key);
};

export function formatEvidenceValue(key: string, value: unknown, lang: Lang, labels?: Labels): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (/Fen$/.test(key)) return formatYuan(value);
    if (/(Ratio|Rate|Share)$/i.test(key) && Math.abs(value) <= 1) return `${Number((value * 100).toFixed(2))}%`;
    return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  }
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  if (typeof value === 'string') return INSTANT.test(value) ? formatDateTime(value, lang) : value;
  if (Array.isArray(value)) return value.map((v) => formatEvidenceValue(key, v, lang, labels)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${labelFor(k, labels, lang)}: ${formatEvidenceValue(k, v, lang, labels)}`)
      .join('；');
  }
  return String(value);
}

export function evidenceRows(evidence: Record<string, unknown> | null | undefined, labels: Labels, lang: Lang): EvidenceRow[] {
  if (!evidence) return [];
  // Record ids (`generalContractorId`) mean nothing to a reader; the names beside them do.
  const shown = Object.entries(evidence).filter(([key, value]) => !(/Id$/.test(key) && typeof value === 'string' && UUID.test(value)));
  return shown.map(([key, value]) => {
    const label = labelFor(key, labels, lang);
    // A list of records (workers, payrolls) reads better one record a line.
    const lines = Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object') ? value.map((v) => formatEvidenceValue(key, v, lang, labels)) : [formatEvidenceValue(key, value, lang, labels)];
    return { key, label, lines: lines.length > 0 ? lines : ['—'] };
  });
}
