import { CalendarRangeError, deadlineAfterWorkingDays } from '../../platform/calendar';
import { labels } from '../../platform/labels';

/**
 * The case's life (RULES.md §8.3) as pure functions: its stages, the moves between them and the
 * deadline of each stage in working days. The law of the moves (thresholds, liability, penalties,
 * the checklist) is in cases.law.ts.
 */

export const CLUE_CHANNELS = labels({
  worker_app: ['农民工端投诉', 'Worker app'],
  public_qr: ['维权告示牌扫码投诉', 'Public QR complaint page'],
  hotline_12345: ['12345热线', '12345 hotline'],
  hotline_12333: ['12333热线', '12333 hotline'],
  petition: ['信访（来信来访）', 'Letters and visits (信访)'],
  walk_in: ['窗口来访', 'Walk-in'],
  inspection: ['检查发现', 'Inspection finding'],
  opinion: ['网络舆情', 'Public opinion'],
  warning: ['预警转办', 'From a warning'],
  national_platform: ['全国根治欠薪线索反映平台', 'National clue platform'],
  anonymous_tip: ['匿名举报', 'Anonymous tip-off'],
});
export type ClueChannel = keyof typeof CLUE_CHANNELS;
/** Entered by staff, not by the complainant. */
export const STAFF_CHANNELS = ['hotline_12345', 'hotline_12333', 'petition', 'walk_in', 'inspection', 'opinion', 'anonymous_tip'] as const satisfies readonly ClueChannel[];

export const CASE_STATUSES = labels({
  received: ['已接收待受理', 'Received, awaiting acceptance'],
  accepted: ['已受理核查中', 'Accepted, under verification'],
  mediating: ['调解中', 'In mediation'],
  investigating: ['立案调查中', 'Filed, under investigation'],
  ordered: ['已责令限期支付', 'Ordered to pay by a deadline'],
  enforcing: ['逾期未改正处理中', 'Order unmet, enforcing'],
  resolved: ['已办理待回访', 'Handled, awaiting call-back'],
  closed: ['已办结', 'Closed'],
});
export type CaseStatus = keyof typeof CASE_STATUSES;

export const CLOSURE_KINDS = labels({
  paid: ['工资已全部支付', 'Every worker paid'],
  moved: ['已转入其他程序', 'Moved to another procedure'],
  not_accepted: ['不予受理', 'Not accepted'],
  unfounded: ['经核查不属实', 'Unfounded on verification'],
  merged: ['已并案', 'Merged into another case'],
});
export type ClosureKind = keyof typeof CLOSURE_KINDS;

export const CASE_ACTIONS = labels({
  accept: ['受理', 'Accept'],
  transfer: ['转办', 'Transfer to another unit'],
  refuse: ['不予受理', 'Refuse in writing'],
  refer: ['引导仲裁、诉讼或转其他部门', 'Refer to arbitration, court or another department'],
  merge: ['并案', 'Merge into another case'],
  mediate: ['调解', 'Mediate'],
  file: ['立案调查', 'File for investigation'],
  extend: ['延长调查期限', 'Extend the investigation'],
  order: ['责令限期支付', 'Order to pay by a deadline'],
  enforce: ['逾期未改正', 'Record the order unmet'],
  transfer_police: ['移送公安机关', 'Transfer to the police'],
  unfounded: ['核查不属实', 'Close as unfounded'],
  settle: ['办理完毕', 'Mark handled (every worker paid or moved)'],
  close: ['回访办结', 'Call back and close'],
});
export type CaseAction = keyof typeof CASE_ACTIONS;

const ANY_OPEN: readonly CaseStatus[] = ['received', 'accepted', 'mediating', 'investigating', 'ordered', 'enforcing'];

/** Where each move may start, and where it leads (`null`: stays). */
const MOVES: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus | null }> = {
  accept: { from: ['received'], to: 'accepted' },
  // 首问负责: before acceptance the receiver hands it to the right unit and stays answerable.
  transfer: { from: ['received'], to: null },
  refuse: { from: ['received'], to: 'closed' },
  refer: { from: ['received', 'accepted', 'mediating', 'investigating'], to: 'closed' },
  merge: { from: ['received', 'accepted'], to: 'closed' },
  mediate: { from: ['accepted'], to: 'mediating' },
  file: { from: ['accepted', 'mediating'], to: 'investigating' },
  extend: { from: ['investigating'], to: null },
  order: { from: ['investigating'], to: 'ordered' },
  enforce: { from: ['ordered'], to: 'enforcing' },
  // CRM-02: the unpaid claims move to the police; the case then waits for its call-back.
  transfer_police: { from: ['investigating', 'ordered', 'enforcing'], to: 'resolved' },
  unfounded: { from: ['accepted', 'investigating'], to: 'closed' },
  settle: { from: ['accepted', 'mediating', 'investigating', 'ordered', 'enforcing'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
};

/** The status after `action`, or null when the action is not open from `from`. */
export function transition(action: CaseAction, from: CaseStatus): CaseStatus | null {
  const m = MOVES[action];
  if (!m.from.includes(from)) return null;
  return m.to ?? from;
}

export const actionsFrom = (status: CaseStatus): CaseAction[] => (Object.keys(MOVES) as CaseAction[]).filter((a) => MOVES[a].from.includes(status));
export const isOpen = (status: CaseStatus) => ANY_OPEN.includes(status);

/** The closure a move to `closed` records. */
export function closureOf(action: CaseAction, allPaid: boolean): ClosureKind | null {
  switch (action) {
    case 'refuse':
      return 'not_accepted';
    case 'refer':
      return 'moved';
    case 'merge':
      return 'merged';
    case 'unfounded':
      return 'unfounded';
    case 'close':
      return allPaid ? 'paid' : 'moved';
    default:
      return null;
  }
}

export interface StageParams {
  /** CASE-06: respond to (accept and contact on) a clue within. */
  respondWD: number;
  /** CASE-01: the legal limit to accept, or refuse in writing. */
  acceptWithinWD: number;
  /** CASE-06: verify within, from acceptance. */
  verifyWD: number;
  /** CASE-06: close a clue settled without filing within, from receipt. */
  closeWD: number;
  /** CASE-03: investigate within, from filing, and the one extension. */
  investigateWD: number;
  extensionWD: number;
  /** Call the complainant back within, from the case being handled. */
  callbackWD: number;
}

export interface StageDates {
  receivedOn: string;
  acceptedOn: string | null;
  filedOn: string | null;
  extended: boolean;
  orderDueOn: string | null;
  resolvedOn: string | null;
  /**
   * The last installment of the 和解协议 signed while mediating, if any: paying by a plan is the
   * mediation still running, so the stage lasts until then when that is later than its own limit.
   */
  settlementDueOn?: string | null;
}

/**
 * The deadline of the stage a case is in (working days on the official calendar), or null where
 * the case waits on no deadline of ours (an unmet order is in the hands of enforcement).
 */
export function stageDeadline(status: CaseStatus, d: StageDates, p: StageParams): string | null {
  const after = deadlineAfterWorkingDays;
  switch (status) {
    case 'received':
      return after(d.receivedOn, p.respondWD);
    case 'accepted':
      return after(d.acceptedOn ?? d.receivedOn, p.verifyWD);
    case 'mediating': {
      // CASE-06 closes a clue settled without filing within closeWD; a signed payment plan that runs
      // longer keeps the case in mediation (not overdue) until its last installment.
      const limit = after(d.receivedOn, p.closeWD);
      return d.settlementDueOn && d.settlementDueOn > limit ? d.settlementDueOn : limit;
    }
    case 'investigating':
      return after(d.filedOn ?? d.receivedOn, p.investigateWD + (d.extended ? p.extensionWD : 0));
    case 'ordered':
      return d.orderDueOn;
    case 'enforcing':
    case 'closed':
      return null;
    case 'resolved':
      return after(d.resolvedOn ?? d.receivedOn, p.callbackWD);
  }
}

/**
 * The stage's deadline, or null while it runs past the years the official holiday calendar covers:
 * a legal deadline is never counted on guessed holidays. The daily job fills it in once the
 * calendar (the State Council's notice, each November) covers it.
 */
export function stageDeadlineIfKnown(status: CaseStatus, d: StageDates, p: StageParams): string | null {
  try {
    return stageDeadline(status, d, p);
  } catch (e) {
    if (e instanceof CalendarRangeError) return null;
    throw e;
  }
}

/** CASE-01: the legal day by which a complaint is accepted or refused in writing. */
export function acceptBy(receivedOn: string, acceptWithinWD: number): string | null {
  try {
    return deadlineAfterWorkingDays(receivedOn, acceptWithinWD);
  } catch (e) {
    if (e instanceof CalendarRangeError) return null;
    throw e;
  }
}

export const isOverdue = (dueOn: string | null, today: string) => dueOn !== null && dueOn < today;

/** Case numbers read 「<region code>-<year>-<serial>」, e.g. 500112-2026-000042. */
export const caseNo = (regionCode: string, year: string, serial: number) => `${regionCode}-${year}-${String(serial).padStart(6, '0')}`;
