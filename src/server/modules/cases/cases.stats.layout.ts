import type { Bilingual } from '../../platform/errors';

/**
 * 附件1《根治欠薪专项行动情况》 as data (seed 002, 含谷镇 2021 winter campaign): the column groups
 * and columns of the official table, its rows by employer type, and how figures are written
 * (户, 人, 件; money in 万元 with two decimals). Pure: the service, the spreadsheet and the web
 * page read the same layout, so the three never disagree about a column.
 */

/** Every figure the report computes, per row. Money keys end in `Fen` (integer fen). */
export const FIGURE_KEYS = [
  // 检查用人单位情况
  'checkedEmployers',
  'checkedStaff',
  'checkedMigrantWorkers',
  'checkedContracts',
  // 拖欠工资情况
  'arrearsEmployers',
  'arrearsWorkers',
  'arrearsFen',
  // 处理情况
  'filed',
  'settledWithoutFiling',
  'recoveredWorkers',
  'recoveredFen',
  // 行政处理处罚
  'ordersToCorrect',
  'handlingDecisions',
  'penaltyDecisions',
  // 涉嫌犯罪案件
  'policeTransfers',
  'policeFiled',
  // Beyond the official columns: the case flow and the money of the decisions.
  'received',
  'accepted',
  'closed',
  'finesFen',
  'compensationFen',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** A row's figures; null where the platform records nothing the figure could come from (shown 「—」). */
export type Figures = Record<FigureKey, number | null>;

export type Unit = 'household' | 'person' | 'case' | 'wan';
export const UNIT_LABELS: Record<Unit, Bilingual> = {
  household: { zh: '户', en: 'no.' },
  person: { zh: '人', en: 'people' },
  case: { zh: '件', en: 'cases' },
  wan: { zh: '万元', en: '10k yuan' },
};

export interface StatColumn {
  key: FigureKey;
  label: Bilingual;
  unit: Unit;
}

export interface StatGroup {
  key: string;
  label: Bilingual;
  columns: StatColumn[];
}

const col = (key: FigureKey, zh: string, en: string, unit: Unit): StatColumn => ({ key, label: { zh, en }, unit });

/** The official header of 附件1: five groups over sixteen columns, in the seed's order. */
export const OFFICIAL_GROUPS: StatGroup[] = [
  {
    key: 'checked',
    label: { zh: '检查用人单位情况', en: 'Employers inspected' },
    columns: [
      col('checkedEmployers', '用人单位户数', 'Employers', 'household'),
      col('checkedStaff', '涉及职工人数', 'Staff', 'person'),
      col('checkedMigrantWorkers', '其中：农民工人数', 'of whom migrant workers', 'person'),
      col('checkedContracts', '农民工签订劳动合同人数', 'Migrant workers with a labour contract', 'person'),
    ],
  },
  {
    key: 'arrears',
    label: { zh: '拖欠工资情况', en: 'Wage arrears' },
    columns: [
      col('arrearsEmployers', '用人单位户数', 'Employers', 'household'),
      col('arrearsWorkers', '涉及职工人数', 'Workers', 'person'),
      col('arrearsFen', '涉及金额', 'Amount', 'wan'),
    ],
  },
  {
    key: 'handling',
    label: { zh: '处理情况', en: 'Handling' },
    columns: [
      col('filed', '立案', 'Filed', 'case'),
      col('settledWithoutFiling', '通过协调等非立案方式解决', 'Settled without filing (mediation etc.)', 'case'),
      col('recoveredWorkers', '追发工资及赔偿金人数', 'Workers paid wages and compensation', 'person'),
      col('recoveredFen', '追发工资及赔偿金', 'Wages and compensation paid', 'wan'),
    ],
  },
  {
    key: 'sanctions',
    label: { zh: '行政处理处罚', en: 'Administrative handling and penalties' },
    columns: [
      col('ordersToCorrect', '责令改正', 'Orders to correct', 'case'),
      col('handlingDecisions', '行政处理决定', 'Handling decisions', 'case'),
      col('penaltyDecisions', '行政处罚决定', 'Penalty decisions', 'case'),
    ],
  },
  {
    key: 'criminal',
    label: { zh: '涉嫌犯罪案件', en: 'Suspected crimes' },
    columns: [
      col('policeTransfers', '移送公安机关', 'Transferred to the police', 'case'),
      col('policeFiled', '公安机关立案', 'Filed by the police', 'case'),
    ],
  },
];

export const OFFICIAL_COLUMNS: StatColumn[] = OFFICIAL_GROUPS.flatMap((g) => g.columns);

/** The figures beyond the official table (second sheet, and the page's 补充指标). */
export const SUPPLEMENTARY_COLUMNS: StatColumn[] = [
  col('received', '接收案件', 'Cases received', 'case'),
  col('accepted', '受理案件', 'Cases accepted', 'case'),
  col('closed', '办结案件', 'Cases closed', 'case'),
  col('finesFen', '行政处罚罚款金额', 'Fines imposed', 'wan'),
  col('compensationFen', '责令加付赔偿金金额', 'Additional compensation ordered', 'wan'),
];

/**
 * The rows by employer type. An employer's type is its registry entry (`enterprises.type`); an
 * employer not matched to the registry counts as a construction enterprise when the case is about
 * a registered project (the arrears arose on a site), otherwise as 其它用人单位.
 */
export const STAT_ROWS = [
  { key: 'construction', label: { zh: '建筑企业', en: 'Construction enterprises' }, enterpriseTypes: ['owner', 'general_contractor', 'subcontractor', 'labor_subcontractor'] },
  { key: 'manufacturing', label: { zh: '加工制造企业', en: 'Manufacturing enterprises' }, enterpriseTypes: ['manufacturing'] },
  { key: 'training', label: { zh: '校外培训机构', en: 'Off-campus training institutions' }, enterpriseTypes: ['training'] },
  { key: 'other', label: { zh: '其它用人单位', en: 'Other employers' }, enterpriseTypes: ['catering', 'logistics', 'other'] },
] as const;
export type RowKey = (typeof STAT_ROWS)[number]['key'];
export const ROW_KEYS = STAT_ROWS.map((r) => r.key) as RowKey[];
export const TOTAL_LABEL: Bilingual = { zh: '合计', en: 'Total' };

/**
 * Figures the platform has no record to count from, whatever the row: 涉及职工人数 (the registry
 * holds migrant workers only, not an employer's whole staff) and 公安机关立案 (the police's own
 * decision, not reported back to the platform).
 */
export const NO_SOURCE: readonly FigureKey[] = ['checkedStaff', 'policeFiled'];

/**
 * 农民工人数 and 签订劳动合同人数 of the inspected employers come from the real-name registry
 * (实名制, Reg. Art. 28), which covers construction projects only: other rows have no source.
 */
export const REGISTRY_FIGURES: readonly FigureKey[] = ['checkedMigrantWorkers', 'checkedContracts'];
export const REGISTRY_ROWS: readonly RowKey[] = ['construction'];

/** Whether a figure has a source for a row (the total has one when any row has). */
export function hasSource(key: FigureKey, row: RowKey | 'total'): boolean {
  if (NO_SOURCE.includes(key)) return false;
  if (REGISTRY_FIGURES.includes(key)) return row === 'total' || REGISTRY_ROWS.includes(row);
  return true;
}

/** An empty row: zero where a figure has a source, null where it has none. */
export const zeroFigures = (row: RowKey | 'total'): Figures =>
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, hasSource(k, row) ? 0 : null])) as Figures;

/** The 合计 row: each figure the sum of the rows that have it (null when none has). */
export function totalOf(rows: readonly Figures[]): Figures {
  const total = zeroFigures('total');
  for (const k of FIGURE_KEYS) {
    const values = rows.map((r) => r[k]).filter((v): v is number => v !== null);
    total[k] = values.length ? values.reduce((s, v) => s + v, 0) : null;
  }
  return total;
}

/** Whether a report has nothing in it: every figure of the total zero or without source. */
export const isEmptyReport = (total: Figures) => FIGURE_KEYS.every((k) => !total[k]);

/**
 * Fen as 万元 with two decimals, rounded half up, exactly (no floating point): 1 万元 = 1,000,000 fen,
 * so the last shown digit is 10,000 fen (¥100). 13,500,000 → "13.50"; 1,234,567 → "1.23".
 */
export function fenToWanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const hundredths = Math.floor((Math.abs(fen) + 5_000) / 10_000);
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** A figure as the table shows it: 「—」 without a source, 万元 text for money, the count otherwise. */
export function figureText(column: StatColumn, value: number | null): string {
  if (value === null) return '—';
  return column.unit === 'wan' ? fenToWanText(value) : String(value);
}

/** 其它情况, the lines under the table: projects checked and found in arrears by investment type. */
export const PROJECT_KINDS = [
  { key: 'government', label: { zh: '政府投资工程项目', en: 'Government-investment projects' } },
  { key: 'ppp', label: { zh: '政府与社会资本合作项目', en: 'Public-private partnership projects' } },
  { key: 'soe', label: { zh: '国企项目', en: 'State-owned enterprise projects' } },
] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number]['key'];

export interface ProjectFigures {
  checkedProjects: number;
  arrearsProjects: number;
  arrearsFen: number;
  arrearsWorkers: number;
}

export interface OtherFigures {
  projects: Record<ProjectKind, ProjectFigures>;
  /** 公布欠薪严重违法单位: the platform records no publication of serious violators (PUB-01) yet. */
  publishedViolators: number | null;
  /** 列入欠薪“黑名单”: listings in the period (the deposits module's record until the credit module owns it). */
  blacklisted: number | null;
}

const n = (v: number | null) => (v === null ? '—' : String(v));

/** 其它情况 as the seed writes it, the blanks filled. */
export function otherLine(o: OtherFigures): string {
  const parts = PROJECT_KINDS.map(({ key, label }, i) => {
    const p = o.projects[key];
    return `${i + 1}.检查${label.zh}共${p.checkedProjects}个，查实存在欠薪项目${p.arrearsProjects}个（拖欠工资${fenToWanText(p.arrearsFen)}万元，涉及${p.arrearsWorkers}人）`;
  });
  parts.push(`4.公布欠薪严重违法单位数${n(o.publishedViolators)}户，列入欠薪“黑名单”${n(o.blacklisted)}件。`);
  return `其它情况：${parts.join('；')}`;
}

/** What the report counts, said once for the sheet's notes and the page. */
export const REPORT_NOTES: Bilingual[] = [
  {
    zh: '统计口径：案件按接收日期计入拖欠工资情况（经核查认定的金额，未核查的按投诉请求金额；不予受理、核查不属实和已并案的不计）；立案、非立案方式解决、追发工资、文书按各自发生日期计入；检查用人单位指本期进行一案双查核查或检查发现的案件所涉单位。',
    en: 'Arrears count cases by the day received (the amount found on verification, else the amount claimed; refused, unfounded and merged cases excluded); filing, settlement, payments and documents count by their own dates; employers inspected are those of cases verified (一案双查) or found by inspection in the period.',
  },
  {
    zh: '农民工人数、签订劳动合同人数取自实名制用工登记，仅覆盖工程建设领域（建筑企业）；其他类型无数据来源，填「—」，合计仅含建筑企业。涉及职工人数、公安机关立案平台无记录，填「—」。',
    en: 'Migrant workers and labour contracts come from the real-name registry, which covers construction only; other rows show 「—」 and the total is construction’s. Staff headcounts and police filings are not recorded on the platform (「—」).',
  },
];
