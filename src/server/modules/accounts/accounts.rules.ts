import { addDays, monthEndOf, monthStartAfter, payDateIn } from '../../platform/calendar';
import type { Bilingual } from '../../platform/errors';
import { labels } from '../../platform/labels';

/**
 * 工资专用账户 and 人工费分账, pure. Money is integer fen; dates 'YYYY-MM-DD' in Asia/Shanghai.
 */

export const ACCOUNT_STATUSES = labels({
  opened: ['已开户', 'Opened'],
  in_use: ['使用中', 'In use'],
  frozen: ['已冻结', 'Frozen'],
  closed: ['已销户', 'Closed'],
});
export type AccountStatus = keyof typeof ACCOUNT_STATUSES;

export const TRANSACTION_KINDS = labels({
  labor_cost_deposit: ['人工费拨付', 'Labour-cost deposit'],
  payout: ['工资代发', 'Wage payout'],
  payout_return: ['代发退回', 'Returned payout'],
  fee: ['手续费', 'Bank fee'],
  interest: ['利息', 'Interest'],
  other: ['其他', 'Other'],
});
export type TransactionKind = keyof typeof TRANSACTION_KINDS;

/** The sign each kind carries: credits positive, debits negative; `other` may be either. */
const SIGN: Record<TransactionKind, 1 | -1 | 0> = { labor_cost_deposit: 1, payout_return: 1, interest: 1, payout: -1, fee: -1, other: 0 };

/** A bank line's signed amount, or why it cannot be: a deposit reported as a debit is a bank error, not ours to flip. */
export function signedAmount(kind: TransactionKind, direction: 'credit' | 'debit', amountFen: number): { ok: true; fen: number } | { ok: false; reason: Bilingual } {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return { ok: false, reason: { zh: '金额应为正的整数分', en: 'The amount must be a positive whole number of fen' } };
  const fen = direction === 'credit' ? amountFen : -amountFen;
  const sign = SIGN[kind];
  if (sign !== 0 && Math.sign(fen) !== sign) {
    return { ok: false, reason: { zh: `“${TRANSACTION_KINDS[kind].zh}”的收支方向不应为${direction === 'credit' ? '收入' : '支出'}`, en: `${TRANSACTION_KINDS[kind].en} cannot be a ${direction}` } };
  }
  return { ok: true, fen };
}

/**
 * ACC-05: money leaves the account only as wages to this project's workers' own cards. A debit of
 * another kind than a payout (or a fee) breaks the rule; so does a payout to a card that is not a
 * worker's on this project. The bank reports what happened: we flag it, we cannot undo it.
 */
export function transactionFlags(t: { kind: TransactionKind; amountFen: number; toRosterCard: boolean | null }): string[] {
  if (t.amountFen > 0) return [];
  if (t.kind === 'fee') return [];
  if (t.kind === 'payout' && t.toRosterCard) return [];
  return ['ACC-05'];
}

/** ACC-02: days late opening the account (0 when on time). */
export function openingDelayDays(contractSignedOn: string, openedOn: string, openWithinDays: number): number {
  const deadline = addDays(contractSignedOn, openWithinDays);
  if (openedOn <= deadline) return 0;
  let days = 0;
  for (let d = deadline; d < openedOn; d = addDays(d, 1)) days++;
  return days;
}

/** ACC-03: the 三方协议 is on file before works start (late when signed after; overdue when still missing once they have). */
export type AgreementState = 'on_file' | 'late' | 'missing' | 'overdue';
export function agreementState(a: { hasFile: boolean; signedOn: string | null; worksStart: string; today: string }): AgreementState {
  if (a.hasFile) return a.signedOn !== null && a.signedOn <= a.worksStart ? 'on_file' : 'late';
  return a.today >= a.worksStart ? 'overdue' : 'missing';
}

/**
 * ACC-09: a dispute over quantity, quality or price suspends neither the labour-cost deposits nor
 * the payouts, so an account has no "disputed" state; it is frozen only by a court or the bank
 * for this project's wages (ACC-08).
 */
const TRANSITIONS: Record<AccountStatus, AccountStatus[]> = {
  opened: ['in_use', 'frozen', 'closed'],
  in_use: ['frozen', 'closed'],
  frozen: ['in_use'],
  closed: [],
};

export interface CloseFacts {
  projectStatus: string;
  noticeFrom: string | null;
  today: string;
  closeNoticeDays: number;
  ledgerBalanceFen: number;
  unpaidWagesFen: number;
}

/**
 * Status changes. Frozen and back is a court's or the bank's act recorded with its reason (ACC-08:
 * only for this project's wages). Closing (ACC-07): works complete, no wages owed, the public
 * notice has run its days, and the balance has gone back to the contractor.
 */
export function checkAccountStatusChange(from: AccountStatus, to: AccountStatus, close?: CloseFacts): Bilingual | null {
  if (!TRANSITIONS[from].includes(to)) {
    return { zh: `账户状态不能从“${ACCOUNT_STATUSES[from].zh}”变为“${ACCOUNT_STATUSES[to].zh}”`, en: `An account cannot go from ${ACCOUNT_STATUSES[from].en} to ${ACCOUNT_STATUSES[to].en}` };
  }
  if (to !== 'closed') return null;
  if (!close) throw new Error('closing needs its facts');
  if (close.projectStatus !== 'completed' && close.projectStatus !== 'accepted') return { zh: '工程完工后方可销户（条例第27条）', en: 'Close only after completion (Reg. Art. 27)' };
  if (close.unpaidWagesFen > 0) return { zh: '尚有拖欠工资，不得销户（条例第27条）', en: 'Wages are still owed (Reg. Art. 27)' };
  if (!close.noticeFrom) return { zh: '销户前须公示', en: 'Publish the closing notice first' };
  if (close.today < addDays(close.noticeFrom, close.closeNoticeDays)) {
    return { zh: `销户公示须满${close.closeNoticeDays}日（公示起始于${close.noticeFrom}）`, en: `The notice must run ${close.closeNoticeDays} days (from ${close.noticeFrom})` };
  }
  if (close.ledgerBalanceFen !== 0) return { zh: '账户余额须先转回总承包单位', en: 'Transfer the balance back to the general contractor first' };
  return null;
}

// ---------------------------------------------------------------------------------------------
// 人工费分账

export interface ScheduleTerms {
  contractPriceFen: number;
  /** Labour-cost share of the contract price, in basis points. */
  laborCostShareBp: number;
  cycleMonths: number;
  /** First and last day of the works. */
  start: string;
  end: string;
  /** Day of the month wages are paid; null: the last day the law allows. */
  payday: number | null;
  /** PAY-02: wages for a month are paid by the end of the month this many months later. */
  graceMonths: number;
}

export interface ScheduledAllocation {
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  expectedFen: number;
}


/**
 * The owner's labour-cost deposits the contract implies (ACC-04): the labour cost, contract price ×
 * share, spread over the allocation cycles from start to end; whole fen, the remainder to the
 * earliest cycles so the parts add up exactly. Each is due by the payday of the month the wages
 * for its cycle are paid in (PAY-02's grace), moved earlier when that is a rest day (PAY-03), so
 * wages can be paid on time. Works that end before they start schedule nothing.
 * Cycles whose due day lies beyond the official holiday calendar are left for later.
 */
export function allocationSchedule(t: ScheduleTerms): { allocations: ScheduledAllocation[]; totalFen: number; beyondCalendar: number } {
  const totalFen = Math.floor((t.contractPriceFen * t.laborCostShareBp) / 10000);
  const periods: { start: string; end: string }[] = [];
  for (let m = monthStartAfter(t.start, 0); t.start <= t.end && m <= t.end; m = monthStartAfter(m, t.cycleMonths)) {
    const end = monthEndOf(monthStartAfter(m, t.cycleMonths - 1));
    periods.push({ start: m < t.start ? t.start : m, end: end > t.end ? t.end : end });
  }
  if (periods.length === 0) return { allocations: [], totalFen, beyondCalendar: 0 };
  const base = Math.floor(totalFen / periods.length);
  const remainder = totalFen - base * periods.length;
  const allocations: ScheduledAllocation[] = [];
  let beyondCalendar = 0;
  periods.forEach((p, i) => {
    const dueOn = payDateIn(monthStartAfter(p.end, t.graceMonths), t.payday);
    if (dueOn === null) {
      beyondCalendar++;
      return;
    }
    allocations.push({ periodStart: p.start, periodEnd: p.end, dueOn, expectedFen: base + (i < remainder ? 1 : 0) });
  });
  return { allocations, totalFen, beyondCalendar };
}

export type AllocationState = 'upcoming' | 'met' | 'met_late' | 'partial' | 'overdue';

export interface AllocationStatus {
  coveredFen: number;
  shortfallFen: number;
  /** The day the deposits to date first covered this allocation and every earlier one; null if they have not. */
  coveredOn: string | null;
  state: AllocationState;
}

/**
 * Deposits matched to allocations in due order (the oldest debt is paid first): allocation i is
 * covered once the deposits to date reach the expected amounts up to and including it. Order of
 * arrival does not matter; only booking dates do.
 */
export function matchAllocations(
  allocations: readonly { dueOn: string; expectedFen: number }[],
  deposits: readonly { bookedOn: string; amountFen: number }[],
  today: string,
): AllocationStatus[] {
  const sorted = [...deposits].sort((a, b) => (a.bookedOn < b.bookedOn ? -1 : a.bookedOn > b.bookedOn ? 1 : 0));
  const totalDeposited = sorted.reduce((s, d) => s + d.amountFen, 0);
  let before = 0;
  return allocations.map((a) => {
    const through = before + a.expectedFen;
    const coveredFen = Math.max(0, Math.min(a.expectedFen, totalDeposited - before));
    let coveredOn: string | null = null;
    if (coveredFen === a.expectedFen) {
      let running = 0;
      for (const d of sorted) {
        running += d.amountFen;
        if (running >= through) {
          coveredOn = d.bookedOn;
          break;
        }
      }
      if (a.expectedFen === 0) coveredOn = a.dueOn;
    }
    before = through;
    const due = a.dueOn <= today;
    const state: AllocationState =
      coveredOn !== null ? (coveredOn <= a.dueOn ? 'met' : 'met_late') : !due ? 'upcoming' : coveredFen > 0 ? 'partial' : 'overdue';
    return { coveredFen, shortfallFen: a.expectedFen - coveredFen, coveredOn, state };
  });
}
