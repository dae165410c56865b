import type { Bilingual, FieldProblem } from '../../platform/errors';
import { fenToYuanText } from '../../platform/money';
import { additionalCompensation, COMPENSATION_RATE, FINES, type FenRange, fineAllowed, type FineRule, type Verdict } from './cases.law';
import { CASE_STATUSES, type CaseStatus } from './cases.rules';

/**
 * When a case may end in a penalty (行政处罚, PEN-01…04, 06) or an order to pay additional
 * compensation (加付赔偿金, PEN-05), and for how much: pure, the parameters' values passed in.
 *
 * The stages come from cases.rules.ts MOVES: an order to pay (`order`: investigating → ordered),
 * then, its deadline passed with workers unpaid, `enforce` (ordered → enforcing). The Regulation's
 * fines (PEN-01…04) follow "责令限期改正；逾期不改正的" and PEN-05 follows "逾期不支付的", so both
 * are decided in `enforcing`; 监察条例 Art. 30 (PEN-06) punishes obstruction of the investigation
 * itself, from filing (立案) on. Neither moves the case: it stays in its stage.
 */

export const FINE_RULES = Object.keys(FINES) as FineRule[];
export const isFineRule = (r: string): r is FineRule => (FINE_RULES as string[]).includes(r);

/** Where each decision may be taken. */
export const PENALTY_STAGES: Record<FineRule, readonly CaseStatus[]> = {
  'PEN-01': ['enforcing'],
  'PEN-02': ['enforcing'],
  'PEN-03': ['enforcing'],
  'PEN-04': ['enforcing'],
  'PEN-06': ['investigating', 'ordered', 'enforcing'],
};
export const COMPENSATION_STAGES: readonly CaseStatus[] = ['enforcing'];

export type Open = { ok: true } | { ok: false; reason: Bilingual };
const no = (zh: string, en: string): Open => ({ ok: false, reason: { zh, en } });

/** The case's order to correct (责令改正指令书), as the decisions read it. */
export interface OrderOfCase {
  docNo: string;
  issuedOn: string;
  dueOn: string | null;
}

function stageOpen(status: CaseStatus, stages: readonly CaseStatus[], what: Bilingual): Open {
  if (stages.includes(status)) return { ok: true };
  if (status === 'ordered' && stages.includes('enforcing')) {
    return no(`责令支付期限已过的，请先记录“逾期未改正”，再作出${what.zh}`, `Record the order as unmet first, then decide the ${what.en}`);
  }
  return no(`案件当前阶段（${CASE_STATUSES[status].zh}）不能作出${what.zh}`, `A case ${CASE_STATUSES[status].en.toLowerCase()} cannot receive ${what.en}`);
}

/**
 * PEN-01…04, 06: whether a fine under `rule` may be decided on `decidedOn`. The Regulation's fines
 * need an order to correct whose time limit has run out (fineAllowed, the day of the limit still
 * within time) and the case recorded as unmet; 监察条例 Art. 30 fines from filing on.
 */
export function penaltyOpen(rule: FineRule, c: { status: CaseStatus; order: OrderOfCase | null; decidedOn: string }): Open {
  if (FINES[rule].correctionFirst) {
    const allowed = fineAllowed({ orderIssuedOn: c.order?.issuedOn ?? null, correctBy: c.order?.dueOn ?? null, correctedOn: null, today: c.decidedOn });
    if (!allowed.allowed) return { ok: false, reason: { zh: `${allowed.reason.zh}（${rule}，“逾期不改正的”方可罚款）`, en: `${allowed.reason.en} (${rule}: a fine only once the time limit passed uncorrected)` } };
  }
  return stageOpen(c.status, PENALTY_STAGES[rule], { zh: '行政处罚', en: 'a penalty' });
}

/** PEN-05: additional compensation once the order to pay ran out unpaid (监察条例 Art. 26 "逾期不支付的"). */
export function compensationOpen(c: { status: CaseStatus; order: OrderOfCase | null; decidedOn: string }): Open {
  if (!c.order?.dueOn) return no('应先责令限期支付（监察条例第26条）', 'An order to pay by a deadline must come first (Inspection Regulation, Art. 26)');
  if (c.decidedOn <= c.order.dueOn) return no(`责令支付期限至 ${c.order.dueOn}，尚未届满`, `The order to pay runs until ${c.order.dueOn}`);
  return stageOpen(c.status, COMPENSATION_STAGES, { zh: '加付赔偿金决定', en: 'an order of additional compensation' });
}

// ---------------------------------------------------------------------------------------------
// The fines' ranges, from the parameters

export interface FineRanges {
  unit: FenRange;
  individual: FenRange | null;
  stoppage: boolean;
}

/** The parameter ids of cases.params.ts that hold the fines (`PEN-01.unitMinFen` …). */
export const FINE_PARAM_IDS = FINE_RULES.flatMap((r) => [
  `${r}.unitMinFen`,
  `${r}.unitMaxFen`,
  ...(FINES[r].individual ? [`${r}.individualMinFen`, `${r}.individualMaxFen`] : []),
]);
export const COMPENSATION_PARAM_IDS = ['PEN-05.rateMin', 'PEN-05.rateMax'] as const;

/** The ranges as the parameters set them for the region and the day. */
export function fineRangesOf(values: Record<string, unknown>): Record<FineRule, FineRanges> {
  const n = (id: string) => Number(values[id]);
  return Object.fromEntries(
    FINE_RULES.map((r) => [
      r,
      {
        unit: { minFen: n(`${r}.unitMinFen`), maxFen: n(`${r}.unitMaxFen`) },
        individual: FINES[r].individual ? { minFen: n(`${r}.individualMinFen`), maxFen: n(`${r}.individualMaxFen`) } : null,
        stoppage: FINES[r].stoppage,
      },
    ]),
  ) as Record<FineRule, FineRanges>;
}

export const compensationRangeOf = (values: Record<string, unknown>) => ({
  min: Number(values['PEN-05.rateMin'] ?? COMPENSATION_RATE.min),
  max: Number(values['PEN-05.rateMax'] ?? COMPENSATION_RATE.max),
});

/** PEN-01…04, 06: a whole amount of fen within the range the parameters give the party. */
export function checkFine(rule: FineRule, party: 'unit' | 'individual', amountFen: number, ranges: FineRanges): Verdict {
  const article = FINES[rule].article;
  const range = party === 'unit' ? ranges.unit : ranges.individual;
  if (!range) return { ok: false, problem: { field: 'party', message: { zh: `${article.zh}只对单位处以罚款（${rule}）`, en: `${article.en} fines only the unit (${rule})` } } };
  if (!Number.isSafeInteger(amountFen) || amountFen < range.minFen || amountFen > range.maxFen) {
    const [lo, hi] = [fenToYuanText(range.minFen), fenToYuanText(range.maxFen)];
    return {
      ok: false,
      problem: {
        field: 'amountFen',
        message: { zh: `罚款应在 ${lo} 元至 ${hi} 元之间（${article.zh}，${rule}）`, en: `The fine must be between ${lo} and ${hi} yuan (${article.en}, ${rule})` },
      },
    };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// PEN-05: the compensation, computed

export interface CompensationWorker {
  id: string;
  name: string;
  /** What verification found owed (the claim before any finding). */
  owedFen: number;
  status: 'open' | 'paid' | 'moved';
}
export interface CompensationPayment {
  caseWorkerId: string;
  amountFen: number;
  paidOn: string;
}
export interface CompensationLine {
  caseWorkerId: string;
  name: string;
  /** Owed and still unpaid when the order's time ran out: the base (应付金额). */
  baseFen: number;
  compensationFen: number;
}

/**
 * PEN-05: per worker, the wages still unpaid at the end of the order's last day (payments made
 * later do not lower the base: the compensation is for not paying in time), times the rate,
 * rounded half up to the fen. Workers whose claims moved to another procedure are not compensated
 * here; workers with nothing unpaid at the deadline have no line.
 */
export function compensationLines(workers: readonly CompensationWorker[], payments: readonly CompensationPayment[], dueOn: string, rate: number): CompensationLine[] {
  const paidInTime = new Map<string, number>();
  for (const p of payments) if (p.paidOn <= dueOn) paidInTime.set(p.caseWorkerId, (paidInTime.get(p.caseWorkerId) ?? 0) + p.amountFen);
  return workers
    .filter((w) => w.status !== 'moved')
    .map((w) => {
      const baseFen = Math.max(0, w.owedFen - (paidInTime.get(w.id) ?? 0));
      return { caseWorkerId: w.id, name: w.name, baseFen, compensationFen: baseFen > 0 ? additionalCompensation(baseFen, rate) : 0 };
    })
    .filter((l) => l.baseFen > 0);
}

/** The same party is not fined twice for the same violation (一事不再罚): the same rule and the same unit or person. */
export function alreadyFined(
  decisions: readonly { ruleId?: unknown; party?: unknown; personName?: unknown }[],
  p: { ruleId: FineRule; party: 'unit' | 'individual'; personName?: string | null },
): boolean {
  return decisions.some((d) => d.ruleId === p.ruleId && d.party === p.party && (p.party === 'unit' || String(d.personName ?? '').trim() === (p.personName ?? '').trim()));
}

// ---------------------------------------------------------------------------------------------
// What the case still pursues (和解协议 and 行政处理决定 are both for this amount)

export interface OwedWorker {
  id: string;
  name: string;
  /** What verification found owed (the claim before any finding). */
  owedFen: number;
  recoveredFen: number;
  status: 'open' | 'paid' | 'moved';
}
export interface OutstandingLine {
  caseWorkerId: string;
  name: string;
  unpaidFen: number;
}

/**
 * Per worker not yet paid nor moved to another procedure: what was found owed (the claim before a
 * finding) less what was recovered. Workers with nothing left have no line. The sum is the amount
 * a settlement's plan must cover and a handling decision orders paid; it is never typed.
 */
export function outstandingLines(workers: readonly OwedWorker[]): OutstandingLine[] {
  return workers
    .filter((w) => w.status === 'open')
    .map((w) => ({ caseWorkerId: w.id, name: w.name, unpaidFen: Math.max(0, w.owedFen - w.recoveredFen) }))
    .filter((l) => l.unpaidFen > 0);
}

const sumFen = (ns: readonly number[]) => ns.reduce((s, n) => s + n, 0);

// ---------------------------------------------------------------------------------------------
// 和解协议: the employer and the workers agree, in mediation, to pay what is owed by a plan

/** Mediation (`mediate`: accepted → mediating) is where an agreement is signed; it does not move the case. */
export const SETTLEMENT_STAGES: readonly CaseStatus[] = ['mediating'];
/** The most installments a plan may have: the platform's limit (a year paid monthly), not the law's. */
export const SETTLEMENT_MAX_INSTALLMENTS = 12;

export interface Installment {
  /** The day by which this installment is paid (the day itself still in time). */
  dueOn: string;
  amountFen: number;
}

/** What a settlement keeps in `data` besides its facts: the plan, whom it covers, the payments already counted in its amount. */
export interface SettlementData {
  installments?: Installment[];
  workers?: { caseWorkerId: string }[];
  countedPaymentIds?: string[];
}

/** One agreement per case, signed only while mediating. */
export function settlementOpen(c: { status: CaseStatus; agreement: { docNo: string } | null }): Open {
  if (c.agreement) return no(`本案已签订和解协议（${c.agreement.docNo}），不能再次签订`, `The case already has a settlement agreement (${c.agreement.docNo})`);
  if (SETTLEMENT_STAGES.includes(c.status)) return { ok: true };
  return no(`和解协议在调解中签订，案件当前阶段（${CASE_STATUSES[c.status].zh}）不能签订`, `A settlement is signed in mediation; a case ${CASE_STATUSES[c.status].en.toLowerCase()} cannot sign one`);
}

/**
 * The plan's shape, before any figure is known: 1 to 12 installments of whole positive fen, each
 * due no earlier than the day the agreement is signed and each later than the one before. Every
 * problem on its field (`installments/2/dueOn`).
 */
export function checkInstallments(installments: readonly Installment[], signedOn: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (installments.length < 1 || installments.length > SETTLEMENT_MAX_INSTALLMENTS) {
    problems.push({ field: 'installments', message: { zh: `分期支付应为1至${SETTLEMENT_MAX_INSTALLMENTS}期`, en: `A plan has 1 to ${SETTLEMENT_MAX_INSTALLMENTS} installments` } });
  }
  installments.forEach((x, i) => {
    if (!Number.isSafeInteger(x.amountFen) || x.amountFen < 1) problems.push({ field: `installments/${i}/amountFen`, message: { zh: '每期金额应大于零（以分计）', en: 'Each installment is more than zero, in whole fen' } });
    if (x.dueOn < signedOn) problems.push({ field: `installments/${i}/dueOn`, message: { zh: `支付期限不得早于协议签订日期（${signedOn}）`, en: `An installment cannot fall due before the agreement is signed (${signedOn})` } });
    else if (i > 0 && x.dueOn <= installments[i - 1].dueOn) problems.push({ field: `installments/${i}/dueOn`, message: { zh: '各期支付期限应依次推后', en: 'Each installment falls due after the one before' } });
  });
  return problems;
}

/** The plan pays exactly what is still owed: refused otherwise, with the figure it should be. */
export function checkPlanTotal(installments: readonly Installment[], owedFen: number): Verdict {
  const total = sumFen(installments.map((x) => x.amountFen));
  if (total === owedFen) return { ok: true };
  const [got, want] = [fenToYuanText(total), fenToYuanText(owedFen)];
  return {
    ok: false,
    problem: { field: 'installments', message: { zh: `分期金额合计 ${got} 元，应等于尚欠工资 ${want} 元`, en: `The installments add up to ${got} yuan; they must equal the ${want} yuan still owed` } },
  };
}

export type InstallmentState = 'paid' | 'late' | 'missed' | 'pending';
export interface InstallmentProgress extends Installment {
  /** What the plan has asked for by this installment's day, all installments so far. */
  cumulativeFen: number;
  /** Paid toward the agreement by the end of this installment's day. */
  paidByDueFen: number;
  /** paid: in time; late: short on the day, made up since; missed: the day passed short; pending: not yet due and short. */
  state: InstallmentState;
}
export interface AgreementPayment {
  id: string;
  caseWorkerId: string;
  amountFen: number;
  paidOn: string;
}

/**
 * Whether each installment was met: the payments toward the agreement (to the workers it covers,
 * not those already counted when it was signed) made by the end of the installment's day, against
 * the plan's cumulative amount by then. A payment recorded later but dated in time counts in time.
 */
export function installmentProgress(
  installments: readonly Installment[],
  payments: readonly AgreementPayment[],
  covered: { caseWorkerIds: readonly string[]; countedPaymentIds: readonly string[] },
  on: string,
): { paidFen: number; installments: InstallmentProgress[] } {
  const workers = new Set(covered.caseWorkerIds);
  const counted = new Set(covered.countedPaymentIds);
  const toward = payments.filter((p) => workers.has(p.caseWorkerId) && !counted.has(p.id));
  const paidFen = sumFen(toward.map((p) => p.amountFen));
  let cumulativeFen = 0;
  return {
    paidFen,
    installments: installments.map((x) => {
      cumulativeFen += x.amountFen;
      const paidByDueFen = sumFen(toward.filter((p) => p.paidOn <= x.dueOn).map((p) => p.amountFen));
      const state: InstallmentState = paidByDueFen >= cumulativeFen ? 'paid' : on <= x.dueOn ? 'pending' : paidFen >= cumulativeFen ? 'late' : 'missed';
      return { dueOn: x.dueOn, amountFen: x.amountFen, cumulativeFen, paidByDueFen, state };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// 行政处理决定: the inspection orders the wages paid (监察条例 Art. 18 ¶1 (二), Art. 26)

/** From filing (立案) on, and after an order ran out unmet; not while an order's own time runs. */
export const HANDLING_DECISION_STAGES: readonly CaseStatus[] = ['investigating', 'enforcing'];

/** One handling decision per case, in the stages above. */
export function handlingDecisionOpen(c: { status: CaseStatus; decision: { docNo: string } | null }): Open {
  if (c.decision) return no(`本案已作出行政处理决定（${c.decision.docNo}）`, `A handling decision was already issued (${c.decision.docNo})`);
  return stageOpen(c.status, HANDLING_DECISION_STAGES, { zh: '行政处理决定', en: 'a handling decision' });
}
