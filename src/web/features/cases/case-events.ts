import { formatYuan } from '../../lib/format';
import type { Lang, Msg } from '../../lib/i18n';
import { checklistLabels, clueChannelLabels, paymentSourceLabels, referralLabels, refuseReasonLabels, satisfactionLabels, supervisionLabels } from './labels';

/*
 * A timeline event's `data` as lines an official reads: labelled, codes as their labels, fen as
 * yuan. Ids, versions and the note (shown on its own) are left out; a key this table does not know
 * is shown under its own name, so nothing the server records is hidden. Pure.
 */
type Render = (value: unknown, lang: Lang) => string | null;

const label = (table: Record<string, Msg>): Render => (v, lang) => (typeof v === 'string' ? (table[v]?.[lang] ?? v) : null);
const plain: Render = (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
const yuan: Render = (v) => (typeof v === 'number' ? formatYuan(v) : null);
const yesNo: Render = (v, lang) => (typeof v === 'boolean' ? (v ? (lang === 'zh' ? '是' : 'Yes') : lang === 'zh' ? '否' : 'No') : null);
const sep = (lang: Lang) => (lang === 'zh' ? '、' : ', ');
const count = (zh: string, en: string): Render => (v, lang) => (Array.isArray(v) ? (lang === 'zh' ? zh : en).replace('{n}', String(v.length)) : typeof v === 'number' ? (lang === 'zh' ? zh : en).replace('{n}', String(v)) : null);
const names: Render = (v, lang) => (Array.isArray(v) ? v.map(String).join(sep(lang)) : plain(v, lang));

const CRIME_BY: Record<string, Msg> = {
  one_worker: { zh: '一名劳动者三个月以上的劳动报酬达到数额标准', en: 'One worker unpaid three months or more, at the amount' },
  ten_workers: { zh: '十名以上劳动者的劳动报酬达到数额标准', en: 'Ten or more workers, at the amount' },
};

const checklistItems: Render = (v, lang) => {
  if (!Array.isArray(v)) return null;
  const found = v.filter((i) => typeof i === 'object' && i !== null && (i as { violation?: unknown }).violation === true).map((i) => checklistLabels[String((i as { item: unknown }).item)]?.[lang]);
  const head = lang === 'zh' ? `已答 ${v.length} 项，发现问题 ${found.length} 项` : `${v.length} answered, ${found.length} problems found`;
  return found.length ? `${head}：${found.join(sep(lang))}` : head;
};

/** A settlement's plan: 「2026-03-10 ¥5,000.00；2026-04-10 ¥7,000.00」. */
const installmentsText: Render = (v, lang) =>
  Array.isArray(v)
    ? v
        .filter((i): i is { dueOn: unknown; amountFen: unknown } => typeof i === 'object' && i !== null)
        .map((i) => `${String(i.dueOn)} ${typeof i.amountFen === 'number' ? formatYuan(i.amountFen) : ''}`.trim())
        .join(lang === 'zh' ? '；' : '; ')
    : null;

const FIELDS: Record<string, { label: Msg; render: Render }> = {
  channel: { label: { zh: '来源渠道', en: 'Channel' }, render: label(clueChannelLabels) },
  caseNo: { label: { zh: '案件编号', en: 'Case no.' }, render: plain },
  toUnitName: { label: { zh: '转至单位', en: 'Transferred to' }, render: plain },
  reason: { label: { zh: '不予受理理由', en: 'Reason' }, render: label(refuseReasonLabels) },
  docNo: { label: { zh: '文书编号', en: 'Document no.' }, render: plain },
  to: { label: { zh: '转往', en: 'Referred to' }, render: label(referralLabels) },
  legalAid: { label: { zh: '引导法律援助', en: 'Legal aid' }, render: yesNo },
  intoCaseNo: { label: { zh: '并入案件', en: 'Merged into' }, render: plain },
  fromCaseNo: { label: { zh: '并入的案件', en: 'Case merged in' }, render: plain },
  inspectors: { label: { zh: '监察员', en: 'Inspectors' }, render: names },
  approvedBy: { label: { zh: '批准人', en: 'Approved by' }, render: plain },
  dueOn: { label: { zh: '限期', en: 'Due by' }, render: plain },
  signedOn: { label: { zh: '签订日期', en: 'Signed on' }, render: plain },
  issuedOn: { label: { zh: '决定日期', en: 'Decided on' }, render: plain },
  stageDueOn: { label: { zh: '阶段期限', en: 'Stage deadline' }, render: plain },
  installments: { label: { zh: '分期支付', en: 'Installments' }, render: installmentsText },
  installment: { label: { zh: '期次', en: 'Installment' }, render: (v, lang) => (typeof v === 'number' ? (lang === 'zh' ? `第${v}期` : `No. ${v}`) : null) },
  cumulativeFen: { label: { zh: '截至该期累计应付', en: 'Due in all by then' }, render: yuan },
  paidByDueFen: { label: { zh: '到期前已付', en: 'Paid by the day' }, render: yuan },
  amountFen: { label: { zh: '金额', en: 'Amount' }, render: yuan },
  by: { label: { zh: '达标情形', en: 'Threshold met by' }, render: label(CRIME_BY) },
  satisfaction: { label: { zh: '回访结果', en: 'Call-back' }, render: label(satisfactionLabels) },
  workerName: { label: { zh: '农民工', en: 'Worker' }, render: plain },
  paidOn: { label: { zh: '支付日期', en: 'Paid on' }, render: plain },
  source: { label: { zh: '资金来源', en: 'Source' }, render: label(paymentSourceLabels) },
  reference: { label: { zh: '凭证号', en: 'Reference' }, render: plain },
  findings: { label: { zh: '核查结果', en: 'Findings' }, render: count('{n} 名农民工', '{n} workers') },
  workers: { label: { zh: '涉及农民工', en: 'Workers' }, render: count('{n} 人', '{n}') },
  items: { label: { zh: '核查表', en: 'Checklist' }, render: checklistItems },
  supervision: { label: { zh: '督办方式', en: 'Supervision' }, render: (v, lang) => (Array.isArray(v) ? (v.length ? v.map((s) => supervisionLabels[String(s)]?.[lang] ?? String(s)).join(sep(lang)) : lang === 'zh' ? '取消督办' : 'None') : null) },
  leaderName: { label: { zh: '包案领导', en: 'Leader' }, render: plain },
  taskForceUnitIds: { label: { zh: '专案组成员单位', en: 'Task-force units' }, render: count('{n} 个', '{n}') },
  people: { label: { zh: '涉及人数', en: 'People' }, render: plain },
  place: { label: { zh: '地点', en: 'Place' }, render: plain },
  level: { label: { zh: '升级级别', en: 'Escalation level' }, render: plain },
};

const HIDDEN = new Set(['note', 'version', 'fileIds']);
const isId = (key: string) => /(^id|Id|Ids)$/.test(key);

export function eventLines(data: Record<string, unknown> | null | undefined, lang: Lang): string[] {
  if (!data) return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined || HIDDEN.has(key)) continue;
    const field = FIELDS[key];
    if (!field && isId(key)) continue;
    const shown = field ? field.render(value, lang) : typeof value === 'object' ? null : String(value);
    if (shown !== null && shown !== '') lines.push(`${field ? field.label[lang] : key}${lang === 'zh' ? '：' : ': '}${shown}`);
  }
  return lines;
}

/** The note an event carries, if any. */
export const eventNote = (data: Record<string, unknown> | null | undefined): string | null => (typeof data?.note === 'string' && data.note.trim() ? data.note : null);
