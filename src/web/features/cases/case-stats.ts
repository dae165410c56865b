import {
  type FigureKey,
  type Figures,
  OFFICIAL_GROUPS,
  PROJECT_KINDS,
  REPORT_NOTES,
  type StatColumn,
  SUPPLEMENTARY_COLUMNS,
  UNIT_LABELS,
  fenToWanText,
  figureText,
} from '../../../server/modules/cases/cases.stats.layout';
import type { Lang } from '../../lib/i18n';

/*
 * The 附件1 page's pure helpers: the period in the address, its presets, the grouped header from
 * the server's layout (the same one the .xlsx is written from), and each cell's text. No runtime
 * import of lib/i18n, so they are tested without a DOM.
 */

export { OFFICIAL_GROUPS, PROJECT_KINDS, REPORT_NOTES, SUPPLEMENTARY_COLUMNS, fenToWanText, type FigureKey, type Figures, type StatColumn };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^[0-9]{6}([0-9]{3})?([0-9]{3})?$/;

export interface StatsQuery {
  from: string;
  to: string;
  regionCode?: string;
  campaign?: string;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const addMonths = (day: string, n: number) => {
  const d = new Date(`${monthStart(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const quarterStart = (day: string) => `${day.slice(0, 4)}-${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;

/** The page's period, region and campaign from the address; this month to today when none is given. */
export function readStatsQuery(search: URLSearchParams, today: string): StatsQuery {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const region = search.get('region') ?? '';
  const campaign = search.get('campaign')?.trim() ?? '';
  const valid = DAY.test(from) && DAY.test(to) && from <= to;
  return {
    from: valid ? from : monthStart(today),
    to: valid ? to : today,
    regionCode: REGION.test(region) ? region : undefined,
    campaign: campaign ? campaign.slice(0, 60) : undefined,
  };
}

export function statsSearch(q: StatsQuery): URLSearchParams {
  const s = new URLSearchParams({ from: q.from, to: q.to });
  if (q.regionCode) s.set('region', q.regionCode);
  if (q.campaign) s.set('campaign', q.campaign);
  return s;
}

/** The periods officials report on: this month, last month, this quarter, this year (to today). */
export function periodPresets(today: string): { key: 'month' | 'lastMonth' | 'quarter' | 'year'; from: string; to: string }[] {
  const lastMonthStart = addMonths(today, -1);
  return [
    { key: 'month', from: monthStart(today), to: today },
    { key: 'lastMonth', from: lastMonthStart, to: dayBefore(monthStart(today)) },
    { key: 'quarter', from: quarterStart(today), to: today },
    { key: 'year', from: `${today.slice(0, 4)}-01-01`, to: today },
  ];
}

/** A column's heading with its unit, e.g. 「涉及金额（万元）」. */
export const columnTitle = (c: StatColumn, lang: Lang) => (lang === 'zh' ? `${c.label.zh}（${UNIT_LABELS[c.unit].zh}）` : `${c.label.en} (${UNIT_LABELS[c.unit].en})`);

/** A cell as the table shows it: 「—」 without a source, 万元 with two decimals, counts as they are. */
export const cellText = (c: StatColumn, figures: Figures) => figureText(c, figures[c.key]);

/** The share recovered of what is owed, as a whole percent for a progress bar (0 when nothing is owed). */
export const recoveredPercent = (recoveredFen: number, owedFen: number) => (owedFen > 0 ? Math.min(100, Math.floor((recoveredFen * 100) / owedFen)) : 0);
