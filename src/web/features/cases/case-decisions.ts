import { additionalCompensation, type FineRule } from '../../../server/modules/cases/cases.law';
import { yuanToFen } from '../../lib/format';
import type { Bilingual, Msg } from '../../lib/i18n';
import type { Built, LocalProblem } from './case-forms';

/*
 * The documents tab's facts (GET /api/cases/:id `facts.documents`, made by documentsFacts in
 * cases.documents.ts): whether the caller may make files, and the decisions open to the case with
 * each article's legal range and the compensation's base. Read defensively (the route types
 * `facts` as any JSON); and the bodies of POST /penalty and /compensation built from the forms. Pure.
 */

export const FINE_RULE_KEYS: FineRule[] = ['PEN-01', 'PEN-02', 'PEN-03', 'PEN-04', 'PEN-06'];

/** What each article fines, as the penalty form lists them. */
export const fineRuleLabels: Record<FineRule, Msg> = {
  'PEN-01': {
    zh: 'PEN-01 以实物或有价证券支付工资、未编制保存工资支付台账或未提供工资清单、扣押社保卡或银行卡（《保障农民工工资支付条例》第54条）',
    en: 'PEN-01 Wages in kind, no wage ledger or payslips, cards withheld (Regulation Art. 54)',
  },
  'PEN-02': {
    zh: 'PEN-02 未按规定开设或使用专用账户、未存储工资保证金或提供保函、未实行实名制（第55条，并责令停工）',
    en: 'PEN-02 No dedicated account, no deposit or guarantee, no real-name registry (Art. 55, with stoppage)',
  },
  'PEN-03': {
    zh: 'PEN-03 未按月考核编制工资支付表、总包未监督分包或分包不配合、未设维权信息告示牌（第56条）',
    en: 'PEN-03 No monthly signed wage sheet, no supervision of subcontractors, no rights board (Art. 56)',
  },
  'PEN-04': {
    zh: 'PEN-04 建设单位未提供支付担保、未按约拨付人工费用、拒不提供合同或专户资料（第57条，并责令停工）',
    en: 'PEN-04 Owner: no payment guarantee, labour cost not paid in, records withheld (Art. 57, with stoppage)',
  },
  'PEN-06': {
    zh: 'PEN-06 阻挠监察、不报送材料或提供伪证、拒不改正或拒不履行处理决定（《劳动保障监察条例》第30条）',
    en: 'PEN-06 Obstruction, false or withheld materials, refusing a correction or a decision (Inspection Regulation Art. 30)',
  },
};

export interface FenRange {
  minFen: number;
  maxFen: number;
}
export interface PenaltyOption {
  open: boolean;
  reason: Bilingual;
  unit: FenRange;
  individual: FenRange | null;
  stoppage: boolean;
}
export interface CompensationFacts {
  open: boolean;
  reason: Bilingual;
  rate: { min: number; max: number };
  order: { docNo: string; issuedOn: string; dueOn: string | null } | null;
  lines: { caseWorkerId: string; name: string; baseFen: number }[];
  baseFen: number;
}
export interface Decisions {
  mayDecide: boolean;
  penalty: Partial<Record<FineRule, PenaltyOption>>;
  compensation: CompensationFacts | null;
}
export interface DocumentsFacts {
  mayRender: boolean;
  decisions: Decisions | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const range = (v: unknown): FenRange | null => (isObject(v) ? { minFen: num(v.minFen), maxFen: num(v.maxFen) } : null);
const reason = (v: unknown): Bilingual => (isObject(v) && typeof v.zh === 'string' ? { zh: v.zh, en: typeof v.en === 'string' ? v.en : null } : null);

export function readDocumentsFacts(facts: Record<string, unknown> | null | undefined): DocumentsFacts {
  const d = facts?.documents;
  if (!isObject(d)) return { mayRender: false, decisions: null };
  const x = d.decisions;
  if (!isObject(x)) return { mayRender: d.mayRender === true, decisions: null };
  const penalty: Decisions['penalty'] = {};
  for (const r of FINE_RULE_KEYS) {
    const p = isObject(x.penalty) ? x.penalty[r] : undefined;
    if (!isObject(p)) continue;
    penalty[r] = { open: p.open === true, reason: reason(p.reason), unit: range(p.unit) ?? { minFen: 0, maxFen: 0 }, individual: range(p.individual), stoppage: p.stoppage === true };
  }
  const c = x.compensation;
  const compensation: CompensationFacts | null = isObject(c)
    ? {
        open: c.open === true,
        reason: reason(c.reason),
        rate: isObject(c.rate) ? { min: num(c.rate.min), max: num(c.rate.max) } : { min: 0.5, max: 1 },
        order: isObject(c.order) && typeof c.order.docNo === 'string' ? { docNo: c.order.docNo, issuedOn: String(c.order.issuedOn ?? ''), dueOn: typeof c.order.dueOn === 'string' ? c.order.dueOn : null } : null,
        lines: (Array.isArray(c.lines) ? c.lines.filter(isObject) : []).map((l) => ({ caseWorkerId: String(l.caseWorkerId ?? ''), name: String(l.name ?? ''), baseFen: num(l.baseFen) })),
        baseFen: num(c.baseFen),
      }
    : null;
  return { mayRender: d.mayRender === true, decisions: { mayDecide: x.mayDecide === true, penalty, compensation } };
}

/** Some penalty can be decided today. */
export const anyPenaltyOpen = (d: Decisions | null) => Boolean(d && FINE_RULE_KEYS.some((r) => d.penalty[r]?.open));

// ---- POST /api/cases/:id/penalty -------------------------------------------------------------

export interface PenaltyValues {
  ruleId?: FineRule;
  party?: 'unit' | 'individual';
  personName?: string;
  personRole?: string;
  violation?: string;
  /** Yuan, as the form holds it. */
  amount?: string;
  docNo?: string;
  issuedOn?: string;
}
export interface PenaltyBody {
  version: number;
  ruleId: FineRule;
  party: 'unit' | 'individual';
  personName: string | null;
  personRole: string | null;
  violation: string;
  amountFen: number;
  docNo: string;
  issuedOn: string;
}

const AMOUNT_RULE: Msg = { zh: '请填写金额（元，最多两位小数）', en: 'Enter an amount in yuan, at most two decimals' };
const text = (v: string | null | undefined) => v?.trim() || null;
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });

/** The range the chosen article gives the chosen party, or null when it fines only the unit. */
export const rangeFor = (option: PenaltyOption | undefined, party: 'unit' | 'individual' | undefined): FenRange | null =>
  option ? (party === 'individual' ? option.individual : option.unit) : null;

/** The range as the form shows it: 「¥20,000.00 – ¥50,000.00」. */
export const rangeText = (r: FenRange | null) => (r ? `¥${yuan(r.minFen)} – ¥${yuan(r.maxFen)}` : '—');

export function buildPenaltyBody(v: PenaltyValues, version: number, options: Decisions['penalty']): Built<PenaltyBody> {
  const problems: LocalProblem[] = [];
  const party = v.party ?? 'unit';
  const fen = yuanToFen(v.amount ?? null);
  if (fen === null || fen < 1) problems.push({ name: ['amount'], message: AMOUNT_RULE });
  const r = rangeFor(v.ruleId ? options[v.ruleId] : undefined, party);
  if (v.ruleId && !r) problems.push({ name: ['party'], message: { zh: '该条款只对单位处以罚款', en: 'This article fines only the unit' } });
  if (fen !== null && r && (fen < r.minFen || fen > r.maxFen)) problems.push({ name: ['amount'], message: { zh: `罚款应在 ${rangeText(r)} 之间`, en: `The fine must be within ${rangeText(r)}` } });
  if (party === 'individual' && !text(v.personName)) problems.push({ name: ['personName'], message: { zh: '请填写被处罚人姓名', en: 'Name the person fined' } });
  if (party === 'individual' && !text(v.personRole)) problems.push({ name: ['personRole'], message: { zh: '请填写被处罚人职务', en: 'Give the person’s role' } });
  if (problems.length || !v.ruleId) return { ok: false, problems: problems.length ? problems : [{ name: ['ruleId'], message: { zh: '请选择处罚条款', en: 'Choose the article' } }] };
  return {
    ok: true,
    body: {
      version,
      ruleId: v.ruleId,
      party,
      personName: party === 'individual' ? text(v.personName) : null,
      personRole: party === 'individual' ? text(v.personRole) : null,
      violation: text(v.violation) ?? '',
      amountFen: fen!,
      docNo: text(v.docNo) ?? '',
      issuedOn: v.issuedOn ?? '',
    },
  };
}

// ---- POST /api/cases/:id/compensation --------------------------------------------------------

export interface CompensationValues {
  /** Percent, 50–100, as the form holds it. */
  rate?: number;
  docNo?: string;
  issuedOn?: string;
  dueOn?: string;
}
export interface CompensationBody {
  version: number;
  rate: number;
  docNo: string;
  issuedOn: string;
  dueOn: string;
}

/** What each worker receives at the rate, the server's own arithmetic (rounded half up per worker). */
export function compensationPreview(lines: CompensationFacts['lines'], percent: number | null | undefined) {
  const rate = typeof percent === 'number' && Number.isFinite(percent) ? percent / 100 : null;
  const inRange = rate !== null && rate >= 0.5 && rate <= 1;
  const rows = lines.map((l) => ({ ...l, compensationFen: inRange ? additionalCompensation(l.baseFen, rate) : null }));
  return { rows, totalFen: inRange ? rows.reduce((s, r) => s + (r.compensationFen ?? 0), 0) : null };
}

export function buildCompensationBody(v: CompensationValues, version: number, rate: { min: number; max: number }): Built<CompensationBody> {
  const problems: LocalProblem[] = [];
  const r = typeof v.rate === 'number' ? Math.round(v.rate * 100) / 10_000 : null;
  if (r === null || r < rate.min || r > rate.max) {
    problems.push({ name: ['rate'], message: { zh: `比例应在 ${rate.min * 100}% 至 ${rate.max * 100}% 之间（《劳动保障监察条例》第26条）`, en: `The rate lies within ${rate.min * 100}–${rate.max * 100}% (Inspection Regulation Art. 26)` } });
  }
  if (v.issuedOn && v.dueOn && v.dueOn <= v.issuedOn) problems.push({ name: ['dueOn'], message: { zh: '支付期限应晚于决定日期', en: 'The deadline lies after the decision' } });
  if (problems.length) return { ok: false, problems };
  return { ok: true, body: { version, rate: r!, docNo: text(v.docNo) ?? '', issuedOn: v.issuedOn ?? '', dueOn: v.dueOn ?? '' } };
}
