import { monthStartAfter, payDateIn } from '../../platform/calendar';
import type { Bilingual } from '../../platform/errors';
import { labels } from '../../platform/labels';

/**
 * 工资表 and 总包代发, pure. Money is integer fen; months are their first day 'YYYY-MM-01'.
 */

export const PAYROLL_STATUSES = labels({
  draft: ['编制中', 'Draft'],
  approved: ['已审核', 'Approved'],
  paying: ['代发中', 'Paying'],
  paid: ['已发放', 'Paid'],
  partially_paid: ['部分失败', 'Partly failed'],
  superseded: ['已更正（旧版本）', 'Superseded'],
});
export type PayrollStatus = keyof typeof PAYROLL_STATUSES;

export const PAY_STATUSES = labels({
  unpaid: ['未发放', 'Unpaid'],
  in_payment: ['代发中', 'In payment'],
  paid: ['已到账', 'Paid'],
  failed: ['发放失败', 'Failed'],
  nothing_due: ['无应付', 'Nothing due'],
});
export type PayStatus = keyof typeof PAY_STATUSES;

/**
 * The line checks of the general contractor's review (PAY-07). An overridable check passes with a
 * recorded reason; a blocking one must be fixed: wages go only to the worker's own card (PAY-01,
 * PAY-08), and a card that several workers share means someone holds their cards (PAY-09).
 */
export const LINE_CHECKS = {
  MIN_WAGE: { zh: '低于当地最低工资标准（按出勤天数折算）', en: 'Below the local minimum wage for the days worked', overridable: true },
  BELOW_TERMS: { zh: '低于约定工资标准', en: 'Below the agreed wage terms', overridable: true },
  SUDDEN_DROP: { zh: '日均工资较本人前几个月骤降', en: 'A sudden drop against the worker’s own recent pay', overridable: true },
  DAYS_OVER_ATTENDANCE: { zh: '计薪天数多于考勤天数', en: 'More days paid than attended', overridable: true },
  NO_CARD: { zh: '未登记本人工资卡，无法代发', en: 'No own bank card on record; cannot be paid', overridable: false },
  CARD_SHARED: { zh: '工资卡与他人共用（PAY-09 不得扣押、代管工资卡）', en: 'The card is shared with another worker (PAY-09)', overridable: false },
} as const satisfies Record<string, Bilingual & { overridable: boolean }>;
export type LineCheck = keyof typeof LINE_CHECKS;

export interface PayItem {
  code: string;
  label: string;
  amountFen: number;
}

export const sumItems = (items: readonly PayItem[]) => items.reduce((s, i) => s + i.amountFen, 0);

/** Wage terms of an employment as the line carries them. */
export interface WageTerms {
  wageType: 'daily' | 'monthly' | 'piece';
  wageAmountFen: number;
}

/**
 * What the agreed terms give for the days worked: a day rate times the days; a monthly wage in
 * proportion to the legal average of paid days a month (21.75), never above the month's wage; a
 * piece rate depends on quantities the platform does not know (null).
 */
export function termsAmountFen(t: WageTerms, days: number, monthlyPaidDays: number): number | null {
  if (t.wageType === 'piece') return null;
  if (t.wageType === 'daily') return t.wageAmountFen * days;
  const paidHundredths = Math.round(monthlyPaidDays * 100);
  return Math.floor((t.wageAmountFen * Math.min(days * 100, paidHundredths)) / paidHundredths);
}

/** The minimum wage for the days worked: the monthly minimum in proportion to 21.75 days, up to the full month; rounded up to the fen. */
export function minimumForDays(minimumMonthlyFen: number, days: number, monthlyPaidDays: number): number {
  const paidHundredths = Math.round(monthlyPaidDays * 100);
  return Math.ceil((minimumMonthlyFen * Math.min(days * 100, paidHundredths)) / paidHundredths);
}

/** A prefilled line: days from attendance, the base pay the terms give (a piece rate is left for the employer to enter). */
export function prefillItems(t: WageTerms, days: number, monthlyPaidDays: number): PayItem[] {
  const base = termsAmountFen(t, days, monthlyPaidDays);
  const label = t.wageType === 'daily' ? '计日工资' : t.wageType === 'monthly' ? '计月工资' : '计件工资';
  return [{ code: 'base', label, amountFen: base ?? 0 }];
}

export interface LineFacts extends WageTerms {
  days: number;
  attendanceDays: number;
  grossFen: number;
  /** Gross and days of the worker's lines on this project in the months before (current versions). */
  history: readonly { grossFen: number; days: number }[];
  hasCard: boolean;
  cardShared: boolean;
}

export interface CheckParams {
  minimumMonthlyFen: number;
  monthlyPaidDays: number;
  /** A drop of more than this share of the recent average day pay is sudden. */
  suddenDropRatio: number;
}

/** The checks a line fails (PAY-07 review), in catalogue order. Lines for no days pay nothing and fail none of the pay checks. */
export function lineChecks(f: LineFacts, p: CheckParams): LineCheck[] {
  const failed: LineCheck[] = [];
  if (f.days > 0) {
    if (f.grossFen < minimumForDays(p.minimumMonthlyFen, f.days, p.monthlyPaidDays)) failed.push('MIN_WAGE');
    const terms = termsAmountFen(f, f.days, p.monthlyPaidDays);
    if (terms !== null && f.grossFen < terms) failed.push('BELOW_TERMS');
    const worked = f.history.filter((h) => h.days > 0);
    if (worked.length > 0) {
      // Day pay now against the day pay of the earlier months (their gross over their days), in integers.
      const dropBp = Math.round(p.suddenDropRatio * 10000);
      const historyGross = worked.reduce((s, h) => s + h.grossFen, 0);
      const historyDays = worked.reduce((s, h) => s + h.days, 0);
      if (f.grossFen * historyDays * 10000 < historyGross * f.days * (10000 - dropBp)) failed.push('SUDDEN_DROP');
    }
  }
  if (f.days > f.attendanceDays) failed.push('DAYS_OVER_ATTENDANCE');
  if (f.grossFen > 0 && !f.hasCard) failed.push('NO_CARD');
  if (f.cardShared) failed.push('CARD_SHARED');
  return failed;
}

/** Whether a line may go to payment: every blocking check passes, and an overridable failure has its reason. */
export function lineCleared(codes: readonly string[], overrideReason: string | null): boolean {
  return codes.every((c) => LINE_CHECKS[c as LineCheck]?.overridable && overrideReason !== null && overrideReason.trim().length > 0);
}

/**
 * PAY-02 and PAY-03: wages for a month are due by the agreed payday of the month `graceMonths`
 * later, moved earlier off rest days; null beyond the official holiday calendar.
 */
export const wageDueOn = (month: string, payday: number | null, graceMonths: number): string | null => payDateIn(monthStartAfter(month, graceMonths), payday);

/**
 * Three-way reconciliation of one worker's month on a project: attendance → payroll line → bank
 * payout. Each gap is a code: worked but not on the payroll, on the payroll but not (fully) paid,
 * paid but never seen on site, paid more than the line.
 */
export const RECONCILIATION_GAPS = labels({
  worked_not_on_payroll: ['有考勤无工资表', 'Worked, not on the payroll'],
  on_payroll_not_paid: ['在工资表未到账', 'On the payroll, not paid'],
  paid_not_on_site: ['有发放无考勤', 'Paid, never on site'],
  paid_over_payroll: ['发放多于工资表', 'Paid more than the payroll line'],
});
export type ReconciliationGap = keyof typeof RECONCILIATION_GAPS;

export function reconciliationGaps(r: { attendanceDays: number; onPayroll: boolean; netFen: number; paidFen: number }): ReconciliationGap[] {
  const gaps: ReconciliationGap[] = [];
  if (r.attendanceDays > 0 && !r.onPayroll) gaps.push('worked_not_on_payroll');
  if (r.onPayroll && r.paidFen < r.netFen) gaps.push('on_payroll_not_paid');
  if (r.paidFen > 0 && r.attendanceDays === 0) gaps.push('paid_not_on_site');
  if (r.paidFen > r.netFen) gaps.push('paid_over_payroll');
  return gaps;
}

/**
 * LIA-01 (Reg. Art. 30): a subcontractor's unpaid wages are paid first by the general contractor,
 * which then recovers them from the subcontractor. The general contractor's own wages are its own.
 */
export function firstPayer(employerId: string, generalContractorId: string): { payer: string; recoverFrom: string | null } {
  return employerId === generalContractorId ? { payer: employerId, recoverFrom: null } : { payer: generalContractorId, recoverFrom: employerId };
}
