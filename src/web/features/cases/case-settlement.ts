import { checkInstallments, checkPlanTotal, type InstallmentState } from '../../../server/modules/cases/cases.decisions';
import { yuanToFen } from '../../lib/format';
import type { Bilingual, Msg } from '../../lib/i18n';
import type { Built, LocalProblem } from './case-forms';

/*
 * 和解协议 and 行政处理决定 on the case page: their facts (GET /api/cases/:id `facts.documents
 * .settlement` and `.handlingDecision`, made by documentsFacts in cases.documents.ts), read
 * defensively as the route types `facts` as any JSON; the plan's running total; and the bodies of
 * POST /settlement and /handling-decision built from the forms, checked by the server's own rules
 * (cases.decisions.ts) so the form says what the server would. Pure.
 */

export interface OwedLine {
  caseWorkerId: string;
  name: string;
  unpaidFen: number;
}
export interface InstallmentView {
  dueOn: string;
  amountFen: number;
  cumulativeFen: number;
  paidByDueFen: number;
  state: InstallmentState;
}
export interface SettlementView {
  open: boolean;
  reason: Bilingual;
  mayRecord: boolean;
  owedFen: number;
  lines: OwedLine[];
  maxInstallments: number;
  agreement: { documentId: string; docNo: string; signedOn: string; amountFen: number; paidFen: number; installments: InstallmentView[] } | null;
}
export interface HandlingDecisionView {
  open: boolean;
  reason: Bilingual;
  mayDecide: boolean;
  amountFen: number;
  lines: OwedLine[];
  decision: { documentId: string; docNo: string; issuedOn: string; dueOn: string | null; amountFen: number } | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const reason = (v: unknown): Bilingual => (isObject(v) && typeof v.zh === 'string' ? { zh: v.zh, en: typeof v.en === 'string' ? v.en : null } : null);
const STATES: readonly InstallmentState[] = ['paid', 'late', 'missed', 'pending'];
const list = (v: unknown) => (Array.isArray(v) ? v.filter(isObject) : []);
const owedLines = (v: unknown): OwedLine[] => list(v).map((l) => ({ caseWorkerId: str(l.caseWorkerId), name: str(l.name), unpaidFen: num(l.unpaidFen) }));
const documentsOf = (facts: Record<string, unknown> | null | undefined) => (isObject(facts?.documents) ? (facts.documents as Record<string, unknown>) : null);

export function readSettlementFacts(facts: Record<string, unknown> | null | undefined): SettlementView | null {
  const s = documentsOf(facts)?.settlement;
  if (!isObject(s)) return null;
  const a = s.agreement;
  return {
    open: s.open === true,
    reason: reason(s.reason),
    mayRecord: s.mayRecord === true,
    owedFen: num(s.owedFen),
    lines: owedLines(s.lines),
    maxInstallments: num(s.maxInstallments) || 12,
    agreement: isObject(a)
      ? {
          documentId: str(a.documentId),
          docNo: str(a.docNo),
          signedOn: str(a.signedOn),
          amountFen: num(a.amountFen),
          paidFen: num(a.paidFen),
          installments: list(a.installments).map((i) => ({
            dueOn: str(i.dueOn),
            amountFen: num(i.amountFen),
            cumulativeFen: num(i.cumulativeFen),
            paidByDueFen: num(i.paidByDueFen),
            state: STATES.includes(i.state as InstallmentState) ? (i.state as InstallmentState) : 'pending',
          })),
        }
      : null,
  };
}

export function readHandlingDecisionFacts(facts: Record<string, unknown> | null | undefined): HandlingDecisionView | null {
  const h = documentsOf(facts)?.handlingDecision;
  if (!isObject(h)) return null;
  const d = h.decision;
  return {
    open: h.open === true,
    reason: reason(h.reason),
    mayDecide: h.mayDecide === true,
    amountFen: num(h.amountFen),
    lines: owedLines(h.lines),
    decision: isObject(d) ? { documentId: str(d.documentId), docNo: str(d.docNo), issuedOn: str(d.issuedOn), dueOn: typeof d.dueOn === 'string' ? d.dueOn : null, amountFen: num(d.amountFen) } : null,
  };
}

/** How each installment stands, as the documents tab colours it. */
export const installmentStateLabels: Record<InstallmentState, Msg> = {
  paid: { zh: '已按期支付', en: 'Paid in time' },
  late: { zh: '逾期后已补足', en: 'Made up late' },
  missed: { zh: '逾期未足额支付', en: 'Missed' },
  pending: { zh: '未到期', en: 'Not yet due' },
};
export const INSTALLMENT_STATE_COLOR: Record<InstallmentState, string> = { paid: 'green', late: 'orange', missed: 'red', pending: 'default' };

// ---- POST /api/cases/:id/settlement ----------------------------------------------------------

export interface InstallmentRow {
  dueOn?: string;
  /** Yuan, as the form holds it. */
  amount?: string | number | null;
}
export interface SettlementValues {
  docNo?: string;
  signedOn?: string;
  installments?: InstallmentRow[];
  note?: string;
}
export interface SettlementBody {
  version: number;
  docNo: string;
  signedOn: string;
  installments: { dueOn: string; amountFen: number }[];
  note: string | null;
}

/** The plan as it is being typed: the total so far and what is left to plan (negative: too much). */
export function planTotals(rows: readonly (Pick<InstallmentRow, 'amount'> | undefined)[] | undefined, owedFen: number) {
  let totalFen = 0;
  const cumulative = (rows ?? []).map((r) => {
    const fen = yuanToFen(r?.amount ?? null);
    totalFen += fen !== null && fen > 0 ? fen : 0;
    return totalFen;
  });
  return { totalFen, remainingFen: owedFen - totalFen, cumulative, balanced: totalFen === owedFen };
}

const AMOUNT_RULE: Msg = { zh: '请填写金额（元，最多两位小数）', en: 'Enter an amount in yuan, at most two decimals' };
const DATE_RULE: Msg = { zh: '请选择支付期限', en: 'Choose the day to pay by' };
const text = (v: string | null | undefined) => v?.trim() || null;

/** 'installments/1/dueOn' → ['installments', 1, 'dueOn'], the amount in fen named as the form's yuan field. */
const formName = (field: string): (string | number)[] =>
  field
    .split('/')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part === 'amountFen' ? 'amount' : part));

export function buildSettlementBody(v: SettlementValues, version: number, owedFen: number): Built<SettlementBody> {
  const problems: LocalProblem[] = [];
  const rows = v.installments ?? [];
  const installments = rows.map((r, i) => {
    const fen = yuanToFen(r?.amount ?? null);
    if (fen === null || fen < 1) problems.push({ name: ['installments', i, 'amount'], message: AMOUNT_RULE });
    if (!r?.dueOn) problems.push({ name: ['installments', i, 'dueOn'], message: DATE_RULE });
    return { dueOn: r?.dueOn ?? '', amountFen: fen ?? 0 };
  });
  if (problems.length) return { ok: false, problems };
  const signedOn = v.signedOn ?? '';
  for (const p of checkInstallments(installments, signedOn)) problems.push({ name: formName(p.field), message: p.message });
  if (problems.length) return { ok: false, problems };
  const total = checkPlanTotal(installments, owedFen);
  if (!total.ok) return { ok: false, problems: [{ name: ['installments'], message: total.problem.message }] };
  return { ok: true, body: { version, docNo: text(v.docNo) ?? '', signedOn, installments, note: text(v.note) } };
}

// ---- POST /api/cases/:id/handling-decision ---------------------------------------------------

export interface HandlingDecisionValues {
  docNo?: string;
  issuedOn?: string;
  dueOn?: string;
  note?: string;
}
export interface HandlingDecisionBody {
  version: number;
  docNo: string;
  issuedOn: string;
  dueOn: string;
  note: string | null;
}

export function buildHandlingDecisionBody(v: HandlingDecisionValues, version: number): Built<HandlingDecisionBody> {
  if (v.issuedOn && v.dueOn && v.dueOn <= v.issuedOn) return { ok: false, problems: [{ name: ['dueOn'], message: { zh: '支付期限应晚于决定日期', en: 'The deadline lies after the decision' } }] };
  return { ok: true, body: { version, docNo: text(v.docNo) ?? '', issuedOn: v.issuedOn ?? '', dueOn: v.dueOn ?? '', note: text(v.note) } };
}
