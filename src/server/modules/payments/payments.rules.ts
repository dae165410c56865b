import { addDays, monthEndOf, monthStartAfter } from '../../platform/calendar';
import { labels } from '../../platform/labels';

/**
 * 工程款 (construction payments), pure: SET-01 and SET-02 of 财建〔2022〕183号 and LIA-02 (Reg. Art. 29).
 * Money is integer fen; ratios are basis points and compared by cross-multiplication in BigInt, so
 * "exactly 80 %" and "one fen short" are decided exactly. Dates are 'YYYY-MM-DD' in Asia/Shanghai;
 * months 'YYYY-MM'.
 */

export const PAYMENT_KINDS = labels({
  progress: ['进度款', 'Progress payment'],
  advance: ['预付款', 'Advance payment'],
  retention_release: ['质保金返还', 'Retention release'],
  refund: ['超付退回', 'Refund of overpayment'],
});
export type PaymentKind = keyof typeof PAYMENT_KINDS;

export const SETTLEMENT_KINDS = labels({
  interim: ['过程结算', 'Interim settlement'],
  final: ['竣工结算', 'Final settlement'],
});
export type SettlementKind = keyof typeof SETTLEMENT_KINDS;

/** A refund flows back from the contractor; every other kind counts as paid (an advance is recovered from later progress payments, so it is money towards the works). */
export const paidEffect = (kind: PaymentKind, amountFen: number) => (kind === 'refund' ? -amountFen : amountFen);

/** A ratio parameter (0.8) as basis points (8000). */
export const ratioBp = (ratio: number) => Math.round(ratio * 10_000);

/**
 * Whether SET-01 applies. 183号 addresses projects of government bodies, public institutions
 * (事业单位) and state-owned enterprises. The ledger records this as the investment type
 * (government, soe) or the ownership tier: 区属 and 市属 are projects a district or city answers for
 * (its departments, public institutions and enterprises, and PPP projects by default), 国企 the
 * SOEs'. Private investment in the 社会 tier does not qualify; nor does a PPP project whose tier
 * was set to 社会.
 */
export function qualifiesForSet01(investmentType: string, ownershipTier: string): boolean {
  return investmentType === 'government' || investmentType === 'soe' || ['district', 'city', 'soe'].includes(ownershipTier);
}

export interface ProgressCheck {
  /** paid ÷ completed in basis points, rounded down; null with no completed value. */
  ratioBp: number | null;
  /** The least the owner must have paid: completed × ratio, rounded up to the fen. */
  requiredFen: number;
  shortfallFen: number;
  meets: boolean;
}

/** SET-01: cumulative paid ≥ minBp of cumulative completed value. Nothing completed, nothing due. */
export function progressCheck(completedFen: number, paidFen: number, minBp: number): ProgressCheck {
  const completed = BigInt(completedFen);
  const paid = BigInt(paidFen);
  const bp = BigInt(minBp);
  if (completed <= 0n) return { ratioBp: null, requiredFen: 0, shortfallFen: 0, meets: true };
  const required = (completed * bp + 9_999n) / 10_000n;
  const meets = paid * 10_000n >= completed * bp;
  return {
    ratioBp: Number((paid > 0n ? paid : 0n) * 10_000n / completed),
    requiredFen: Number(required),
    shortfallFen: meets ? 0 : Number(required - paid),
    meets,
  };
}

export interface RetentionCheck {
  capFen: number;
  within: boolean;
}

/** SET-01: the quality retention held is at most maxBp of the total contract price. */
export function retentionCheck(heldFen: number, contractPriceFen: number, maxBp: number): RetentionCheck {
  const contract = BigInt(contractPriceFen);
  return { capFen: Number((contract * BigInt(maxBp)) / 10_000n), within: BigInt(heldFen) * 10_000n <= contract * BigInt(maxBp) };
}

/**
 * LIA-02 (Reg. Art. 29): when wages are owed because the owner paid late, the owner advances them
 * up to the construction funds still unsettled: the work's value (the final settlement once there
 * is one, else the completed value) less what was paid. Never negative.
 */
export function builderAdvanceCap(f: { completedFen: number; paidFen: number; finalSettlementFen: number | null }): number {
  const basis = f.finalSettlementFen ?? f.completedFen;
  return Math.max(0, basis - f.paidFen);
}

export type RefundState = 'none' | 'due' | 'overdue' | 'refunded';

export interface RefundStatus {
  state: RefundState;
  /** What is paid above the settled price now. */
  outstandingFen: number;
  dueOn: string | null;
}

/**
 * SET-01: progress payments above the settled price are refunded within refundDays after the final
 * settlement. `refunded` when there was an excess at settlement and none is left.
 */
export function refundStatus(f: {
  final: { amountFen: number; settledOn: string } | null;
  paidAtSettlementFen: number;
  paidNowFen: number;
  today: string;
  refundDays: number;
}): RefundStatus {
  if (!f.final) return { state: 'none', outstandingFen: 0, dueOn: null };
  const dueOn = addDays(f.final.settledOn, f.refundDays);
  const outstanding = Math.max(0, f.paidNowFen - f.final.amountFen);
  if (outstanding === 0) return { state: f.paidAtSettlementFen > f.final.amountFen ? 'refunded' : 'none', outstandingFen: 0, dueOn: f.paidAtSettlementFen > f.final.amountFen ? dueOn : null };
  return { state: f.today > dueOn ? 'overdue' : 'due', outstandingFen: outstanding, dueOn };
}

export interface InterimFlag {
  /** The works start in one year and are planned to end in a later one. */
  applies: boolean;
  flagged: boolean;
  /** First day not covered by an interim settlement. */
  unsettledFrom: string | null;
  /** Last day of the period that should have been settled. */
  periodEnd: string | null;
}

/**
 * SET-02: a project that starts in one year and cannot finish within it settles per period. Flagged
 * when a whole period (periodMonths, counted from the start or the day after the last interim
 * settlement's period) has elapsed without one. A final settlement ends the question.
 */
export function interimSettlementFlag(f: { start: string; plannedEnd: string; coveredTo: string | null; finalSettled: boolean; today: string; periodMonths: number }): InterimFlag {
  const applies = f.start.slice(0, 4) < f.plannedEnd.slice(0, 4);
  if (!applies || f.finalSettled) return { applies, flagged: false, unsettledFrom: null, periodEnd: null };
  const from = f.coveredTo && f.coveredTo >= f.start ? addDays(f.coveredTo, 1) : f.start;
  const periodEnd = addDays(monthStartAfter(from, f.periodMonths), -1);
  return { applies, flagged: f.today > periodEnd, unsettledFrom: from, periodEnd };
}

export interface MonthPoint {
  month: string;
  /** The day the point is taken: the month's last day, or today for the running month. */
  asOf: string;
  completedFen: number;
  paidFen: number;
  cumulativeCompletedFen: number;
  cumulativePaidFen: number;
  ratioBp: number | null;
  shortfallFen: number;
  meets: boolean;
}

const nextMonth = (month: string) => monthStartAfter(`${month}-01`, 1).slice(0, 7);

/**
 * SET-01 over time: at each month end, cumulative completed value (months up to and including it)
 * against cumulative net payments made by that day. Runs from the first month with a value or a
 * payment through the month of `today` (taken as of today). On a project SET-01 does not cover,
 * the ratio is shown and no shortfall is counted.
 */
export function monthlySeries(f: {
  completed: { month: string; amountFen: number }[];
  payments: { paidOn: string; kind: PaymentKind; amountFen: number }[];
  today: string;
  minBp: number;
  applies: boolean;
}): MonthPoint[] {
  const current = f.today.slice(0, 7);
  const starts = [...f.completed.map((c) => c.month), ...f.payments.map((p) => p.paidOn.slice(0, 7))].filter((m) => m <= current).sort();
  if (starts.length === 0) return [];
  const byMonth = new Map<string, number>();
  for (const c of f.completed) byMonth.set(c.month, (byMonth.get(c.month) ?? 0) + c.amountFen);
  const paidByMonth = new Map<string, number>();
  for (const p of f.payments) if (p.paidOn <= f.today) paidByMonth.set(p.paidOn.slice(0, 7), (paidByMonth.get(p.paidOn.slice(0, 7)) ?? 0) + paidEffect(p.kind, p.amountFen));
  const points: MonthPoint[] = [];
  let cumCompleted = 0;
  let cumPaid = 0;
  for (let m = starts[0]; m <= current; m = nextMonth(m)) {
    const completedFen = byMonth.get(m) ?? 0;
    const paidFen = paidByMonth.get(m) ?? 0;
    cumCompleted += completedFen;
    cumPaid += paidFen;
    const check = progressCheck(cumCompleted, cumPaid, f.minBp);
    points.push({
      month: m,
      asOf: m === current ? f.today : monthEndOf(`${m}-01`),
      completedFen,
      paidFen,
      cumulativeCompletedFen: cumCompleted,
      cumulativePaidFen: cumPaid,
      ratioBp: check.ratioBp,
      shortfallFen: f.applies ? check.shortfallFen : 0,
      meets: f.applies ? check.meets : true,
    });
  }
  return points;
}
