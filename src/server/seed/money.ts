import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../db/client';
import { counterpartyAad } from '../modules/accounts/accounts.repo';
import { type ScheduledAllocation, allocationSchedule } from '../modules/accounts/accounts.rules';
import { getParamValue } from '../modules/params';
import '../modules/payroll/payroll.params';
import { payoutCardAad } from '../modules/payroll/payroll.repo';
import { type CheckParams, type LineCheck, type PayItem, lineChecks, sumItems, termsAmountFen, wageDueOn } from '../modules/payroll/payroll.rules';
import { addDays, monthEndOf, monthStartAfter } from '../platform/calendar';
import type { FieldCipher } from '../platform/context';
import { maskBankCard } from '../platform/crypto/masking';
import type { SeedBank, SeedEnterprise } from './generate';
import { personName } from './names';
import { Rng } from './rng';
import { type SeedSiteCalendar, type SeedWorkforce, type WorkforceIds, insertRecords } from './workforce';

/**
 * The demo's money: each site's 工资专用账户 with the bank's lines on it, the 人工费分账 schedule,
 * and for every past month with attendance a payroll per employer, confirmed, approved and paid
 * from the account through a payout batch with the bank's results. The lines start when the
 * platform began watching the sites (the first month of attendance): allocations are those the
 * schedule holds from then on, as `scheduleAllocations` records them when an account is registered.
 *
 * A few failures, each on its own project: a site under construction with no wage account, an
 * account opened after ACC-02's days, an owner's latest deposit late and short, a payroll
 * approved and never sent past its payday, payouts the bank failed (waiting for re-send), and one
 * account whose bank balance differs from its lines (a fee the bank never reported).
 * Results go straight onto their payouts (with the hash the service keeps); `payout_results`
 * holds only results that overtake their batch, so the demo has none there.
 *
 * `planProjectMoney` is pure: it takes the workforce, the attendance days per employment and month
 * (counted in the database, where attendance is generated) and a per-project stream.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
/** An instant on a Chinese civil date, ISO with +08:00. */
const shanghaiAt = (date: string, secondsOfDay: number) =>
  `${date}T${pad(Math.floor(secondsOfDay / 3600), 2)}:${pad(Math.floor(secondsOfDay / 60) % 60, 2)}:${pad(secondsOfDay % 60, 2)}+08:00`;
const later = (iso: string, seconds: number) => shanghaiOf(new Date(Date.parse(iso) + seconds * 1000));
function shanghaiOf(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}
const ms = (iso: string) => Date.parse(iso);
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

// ---------------------------------------------------------------------------------------------
// Output rows (indexes into the workforce and the base dataset)

export interface MoneyParams {
  graceMonths: number;
  maxCycleMonths: number;
  openWithinDays: number;
  checks: CheckParams & { historyMonths: number };
}

export interface MoneyInput {
  /** The demo's "today" in Asia/Shanghai: everything here happened before it began. */
  today: string;
  workforce: SeedWorkforce;
  banks: readonly SeedBank[];
  enterprises: readonly SeedEnterprise[];
  params: MoneyParams;
}

/** Which project carries which deliberate failure (indexes into `workforce.projects`). */
export interface MoneyRoles {
  noAccount: Set<number>;
  lateOpening: Set<number>;
  lateDeposit: Set<number>;
  overdue: Set<number>;
  failedPayouts: Set<number>;
  mismatch: Set<number>;
}

export interface SeedAccount {
  bank: number;
  accountNo: string;
  accountName: string;
  contractSignedOn: string;
  openedOn: string;
  agreementSignedOn: string | null;
  /** When the account was registered on the platform (and the schedule made). */
  createdAt: string;
  openedBy: string;
  status: 'opened' | 'in_use';
  ledgerBalanceFen: number;
  bankBalanceFen: number | null;
  bankBalanceAt: string | null;
  bankBalanceSeq: number | null;
  bankBalanceTxnId: string | null;
}

export interface SeedTransaction {
  bankTxnId: string;
  kind: 'labor_cost_deposit' | 'payout';
  amountFen: number;
  bookedAt: string;
  bankSeq: number;
  balanceAfterFen: number;
  counterpartyName: string;
  /** Index into `workforce.workers` whose card received the payout. */
  worker: number | null;
  /** The payout this debit settles: payroll and line indexes of this project. */
  payout: { payroll: number; line: number } | null;
  memo: string;
}

export interface SeedPayout {
  /** Position in its batch (1-based): the ref is the batch number and this. */
  seq: number;
  amountFen: number;
  status: 'paid' | 'failed';
  resultAt: string;
  failureReason: string | null;
  bankTxnId: string | null;
}

export interface SeedPayrollLine {
  employment: number;
  worker: number;
  wageType: 'daily' | 'monthly' | 'piece';
  wageAmountFen: number;
  attendanceDays: number;
  days: number;
  grossItems: PayItem[];
  deductionItems: PayItem[];
  grossFen: number;
  deductionFen: number;
  netFen: number;
  payableFen: number;
  checkCodes: LineCheck[];
  overrideReason: string | null;
  overrideBy: string | null;
  confirmation: 'pending' | 'confirmed';
  confirmedVia: 'worker' | 'staff' | null;
  confirmationNote: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  payStatus: 'unpaid' | 'paid' | 'failed' | 'nothing_due';
  paidFen: number;
  rowVersion: number;
  payout: SeedPayout | null;
}

export interface SeedBatch {
  submittedBy: string;
  submittedAt: string;
  fetchedAt: string;
  completedAt: string;
  lineCount: number;
  totalFen: number;
}

export interface SeedPayroll {
  employer: number;
  month: string;
  dueOn: string | null;
  status: 'draft' | 'approved' | 'paid' | 'partially_paid';
  preparedBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  rowVersion: number;
  lines: SeedPayrollLine[];
  batch: SeedBatch | null;
}

export interface ProjectMoney {
  project: number;
  account: SeedAccount;
  allocations: ScheduledAllocation[];
  transactions: SeedTransaction[];
  payrolls: SeedPayroll[];
}

/** Days on site of an employment (index into `workforce.employments`) in a month ('YYYY-MM-01'). */
export type AttendanceDays = (employment: number, month: string) => number;

// ---------------------------------------------------------------------------------------------
// Roles

const BANK_ACCOUNT_PREFIX: Record<string, string> = { '102': '2105', '105': '4505', '103': '2045', '104': '6205', '301': '4510', '403': '9450', '314': '8140', '313': '7310' };
const FAILURES = ['账户已销户', '户名不符'];
const STAFF_NOTES = ['本人已在纸质工资表上签字确认，签字表已存档', '班组例会现场核对并签字确认'];
const OVERRIDE_REASON = '已核对：按实际出勤和约定工资标准计发';

const indexes = new WeakMap<SeedWorkforce, { employments: Map<number, number[]>; sites: Map<number, SeedSiteCalendar> }>();
/** Each project's employments (indexes, in order) and site calendar, built once per workforce. */
function indexOf(w: SeedWorkforce) {
  let index = indexes.get(w);
  if (!index) {
    const employments = new Map<number, number[]>();
    w.employments.forEach((e, k) => {
      const list = employments.get(e.project);
      if (list) list.push(k);
      else employments.set(e.project, [k]);
    });
    index = { employments, sites: new Map(w.attendance.sites.map((s) => [s.project, s])) };
    indexes.set(w, index);
  }
  return index;
}

/** Projects the platform watches: those with site days in the attendance window. */
const watched = (w: SeedWorkforce) => {
  const { sites } = indexOf(w);
  return w.projects.flatMap((p, i) => (p.status !== 'not_started' && (sites.get(i)?.dates.length ?? 0) > 0 ? [i] : []));
};

/** The labour cost a month against an estimate of the wages (workers on the roster today × about ¥6,000). */
function fundingRatio(w: SeedWorkforce, project: number, today: string): number {
  const p = w.projects[project];
  const months = Math.max(1, Math.round(daysBetween(p.actualStart ?? p.plannedStart, p.actualEnd ?? p.plannedEnd) / 30));
  const monthly = (p.contractPriceFen * p.laborCostShareBp) / 10_000 / months;
  const roster = (indexOf(w).employments.get(project) ?? []).filter((k) => {
    const e = w.employments[k];
    return e.entryDate <= today && (e.exitDate === null || e.exitDate >= today);
  }).length;
  return monthly / Math.max(1, roster * 600_000);
}

/**
 * The failures, on distinct projects under construction that were already under way before the
 * window (so they have an account, allocations and payrolls in every month of it).
 */
export function pickMoneyRoles(input: MoneyInput, rng: Rng): MoneyRoles {
  const w = input.workforce;
  const inProgress = watched(w).filter((i) => w.projects[i].status === 'in_progress');
  const share = (frac: number, min: number) => Math.max(min, Math.round(inProgress.length * frac));
  const settled = rng.shuffle(inProgress.filter((i) => w.projects[i].actualStart! < addDays(w.attendance.from, -90)));
  const taken = new Set<number>();
  const take = (from: number[], n: number) => {
    const got = from.filter((i) => !taken.has(i)).slice(0, n);
    for (const i of got) taken.add(i);
    return new Set(got);
  };
  // The late, short deposit must be visible against the schedule: an owner whose scheduled labour
  // cost pays the wages with room to spare never needs the top-ups that would hide it.
  const roomy = settled.filter((i) => fundingRatio(w, i, input.today) >= 1.5);
  const lateDeposit = take(roomy.length > 0 ? roomy : settled, share(0.02, 1));
  const overdue = take(settled, share(0.02, 1));
  const failedPayouts = take(settled, share(0.03, 2));
  const lateOpening = take(settled, share(0.03, 1));
  const mismatch = take(settled, 1);
  // ACC-02's days have run out for these: works began over 45 days ago.
  const noAccount = take(rng.shuffle(inProgress.filter((i) => w.projects[i].actualStart! <= addDays(input.today, -45))), share(0.03, 1));
  return { noAccount, lateOpening, lateDeposit, overdue, failedPayouts, mismatch };
}

// ---------------------------------------------------------------------------------------------
// One project

interface Timeline {
  preparedAt: string;
  approvedAt: string;
  submittedAt: string;
  fetchedAt: string;
  /** The first result; each payout's follows a few seconds after the one before. */
  resultsFrom: string;
}

/** Prepared after the month ends, approved a day or two later, sent by the payday (earlier when it comes first). */
function timeline(month: string, dueOn: string, rng: Rng): Timeline {
  const latest = addDays(dueOn, -1);
  const prepared = maxDate(month, minDate(addDays(monthEndOf(month), rng.int(1, 3)), addDays(dueOn, -3)));
  const approved = minDate(addDays(prepared, rng.int(1, 2)), maxDate(prepared, latest));
  const submitted = minDate(addDays(approved, rng.int(0, 1)), maxDate(approved, dueOn));
  const preparedAt = shanghaiAt(prepared, rng.int(9 * 3600, 11 * 3600));
  const approvedAt = shanghaiAt(approved, rng.int(14 * 3600, 16 * 3600));
  const submittedAt = submitted === approved ? later(approvedAt, rng.int(600, 3600)) : shanghaiAt(submitted, rng.int(9 * 3600, 10 * 3600));
  const fetchedAt = later(submittedAt, rng.int(300, 1800));
  return { preparedAt, approvedAt, submittedAt, fetchedAt, resultsFrom: later(fetchedAt, rng.int(1800, 5400)) };
}

interface LineContext {
  input: MoneyInput;
  days: AttendanceDays;
  history: Map<number, { month: string; grossFen: number; days: number }[]>;
}

function payItems(e: SeedWorkforce['employments'][number], days: number, monthlyPaidDays: number, rng: Rng): { gross: PayItem[]; deductions: PayItem[] } {
  const gross: PayItem[] = [];
  if (e.wageType === 'daily') {
    gross.push({ code: 'base', label: '计日工资', amountFen: e.wageAmountFen * days });
    if (days > 0 && rng.chance(0.2)) gross.push({ code: 'overtime', label: '延时加班工资', amountFen: Math.round(((e.wageAmountFen / 8) * 1.5 * rng.int(4, 24)) / 100) * 100 });
  } else if (e.wageType === 'monthly') {
    gross.push({ code: 'base', label: '计月工资', amountFen: termsAmountFen(e, days, monthlyPaidDays) ?? 0 });
  } else {
    // The platform does not know quantities: the employer enters them (8 to 11 pieces a day here).
    const pieces = days * rng.int(8, 11);
    gross.push({ code: 'piece', label: `计件工资（${pieces}件）`, amountFen: pieces * e.wageAmountFen });
  }
  const total = sumItems(gross);
  // Tax withheld on the part above ¥5,000 a month, at the first bracket's 3 % (whole yuan).
  const deductions: PayItem[] = total > 500_000 ? [{ code: 'iit', label: '代扣个人所得税', amountFen: Math.floor(((total - 500_000) * 3) / 100 / 100) * 100 }] : [];
  return { gross, deductions: deductions.filter((d) => d.amountFen > 0) };
}

/** The employer's lines for the month: everyone employed on any day of it, with their days on site. */
function linesFor(ctx: LineContext, employments: number[], month: string, rng: Rng): SeedPayrollLine[] {
  const { input } = ctx;
  const w = input.workforce;
  const { checks } = input.params;
  const historyFrom = monthStartAfter(month, -checks.historyMonths);
  return employments.map((k) => {
    const e = w.employments[k];
    const days = ctx.days(k, month);
    const { gross, deductions } = payItems(e, days, checks.monthlyPaidDays, rng);
    const grossFen = sumItems(gross);
    const deductionFen = sumItems(deductions);
    const earlier = (ctx.history.get(e.worker) ?? []).filter((h) => h.month >= historyFrom && h.month < month);
    const historyDays = earlier.reduce((s, h) => s + h.days, 0);
    const history = historyDays > 0 ? [{ grossFen: earlier.reduce((s, h) => s + h.grossFen, 0), days: historyDays }] : [];
    const checkCodes = lineChecks({ wageType: e.wageType, wageAmountFen: e.wageAmountFen, days, attendanceDays: days, grossFen, history, hasCard: true, cardShared: false }, checks);
    const list = ctx.history.get(e.worker) ?? [];
    list.push({ month, grossFen, days });
    ctx.history.set(e.worker, list);
    return {
      employment: k,
      worker: e.worker,
      wageType: e.wageType,
      wageAmountFen: e.wageAmountFen,
      attendanceDays: days,
      days,
      grossItems: gross,
      deductionItems: deductions,
      grossFen,
      deductionFen,
      netFen: grossFen - deductionFen,
      payableFen: grossFen - deductionFen,
      checkCodes,
      overrideReason: null,
      overrideBy: null,
      confirmation: 'pending',
      confirmedVia: null,
      confirmationNote: null,
      confirmedBy: null,
      confirmedAt: null,
      payStatus: grossFen - deductionFen > 0 ? 'unpaid' : 'nothing_due',
      paidFen: 0,
      rowVersion: 1,
      payout: null,
    };
  });
}

interface Deposit {
  at: string;
  amountFen: number;
  memo: string;
  /** The allocation it pays (index), or null for a top-up. */
  allocation: number | null;
}

/**
 * Everything about one project's money; null for a site the platform does not watch or one with
 * no wage account. `rng` is the project's own stream, so other projects never shift it.
 */
export function planProjectMoney(input: MoneyInput, roles: MoneyRoles, project: number, days: AttendanceDays, rng: Rng): ProjectMoney | null {
  const { today, params } = input;
  const w = input.workforce;
  const p = w.projects[project];
  const site = indexOf(w).sites.get(project);
  if (p.status === 'not_started' || !p.actualStart || !site || site.dates.length === 0 || roles.noAccount.has(project)) return null;
  // Only what happened before today, so the same date gives the same money at any hour.
  const nowMs = ms(`${today}T00:00:00+08:00`);
  const gc = input.enterprises[p.generalContractor];
  const officer = p.laborOfficer?.name ?? `${gc.name}劳资专管员`;

  // The account: opened within ACC-02's days of the construction contract, before works start.
  const contractSignedOn = addDays(p.actualStart, -rng.int(10, 45));
  const openedOn = roles.lateOpening.has(project)
    ? minDate(addDays(contractSignedOn, params.openWithinDays + rng.int(8, 40)), addDays(today, -1))
    : minDate(minDate(addDays(contractSignedOn, rng.int(3, params.openWithinDays - 2)), addDays(p.actualStart, 3)), addDays(today, -1));
  const bank = rng.weighted(input.banks.map((_, i) => [i, i === 0 ? 4 : i < 4 ? 2 : 1] as const));
  const bankCode = input.banks[bank].bankCode;
  const accountNo = `${BANK_ACCOUNT_PREFIX[bankCode.slice(0, 3)] ?? bankCode.slice(0, 4)}${pad(project + 1, 6)}${pad(rng.int(0, 999_999_999), 9)}`;
  const registeredOn = maxDate(openedOn, addDays(w.attendance.from, -1));
  const createdAt = shanghaiAt(registeredOn, rng.int(9 * 3600, 17 * 3600));

  // 人工费分账 as the schedule holds it from the day the account was registered on.
  const { allocations: all } = allocationSchedule({
    contractPriceFen: p.contractPriceFen,
    laborCostShareBp: p.laborCostShareBp,
    cycleMonths: Math.min(p.allocationCycleMonths, params.maxCycleMonths),
    start: p.actualStart,
    end: p.actualEnd ?? p.plannedEnd,
    payday: p.payday,
    graceMonths: params.graceMonths,
  });
  const allocations = all.filter((a) => a.dueOn > registeredOn);

  // Payrolls: each past month with attendance, per employer.
  const currentMonth = `${today.slice(0, 7)}-01`;
  const months = w.attendance.months.filter((m) => m < currentMonth);
  const dueOf = (m: string) => wageDueOn(m, p.payday, params.graceMonths);
  const overdueMonth = roles.overdue.has(project) ? [...months].reverse().find((m) => (dueOf(m) ?? '9999') < today) : undefined;
  const mine = indexOf(w).employments.get(project) ?? [];
  const employers = [...new Set(mine.map((k) => w.employments[k].employer))].sort((a, b) => a - b);
  const clerks = new Map(employers.map((e) => [e, e === p.generalContractor ? officer : personName(rng)]));
  const ctx: LineContext = { input, days, history: new Map() };
  const payrolls: SeedPayroll[] = [];
  for (const month of months) {
    if (overdueMonth && month > overdueMonth) break;
    const end = monthEndOf(month);
    for (const employer of employers) {
      const staff = mine
        .filter((k) => {
          const e = w.employments[k];
          return e.employer === employer && e.entryDate <= end && (e.exitDate === null || e.exitDate >= month);
        })
        .sort((a, b) => w.employments[a].worker - w.employments[b].worker);
      if (staff.length === 0) continue;
      const lines = linesFor(ctx, staff, month, rng);
      if (lines.every((l) => l.days === 0)) continue; // no work that month, nothing to pay
      const dueOn = dueOf(month);
      // Beyond the holiday calendar the due day is unknown; the timeline takes the agreed payday.
      const t = timeline(month, dueOn ?? `${monthStartAfter(month, params.graceMonths).slice(0, 8)}${pad(Math.min(p.payday, 28), 2)}`, rng);
      if (ms(t.preparedAt) > nowMs) continue;
      const approved = ms(t.approvedAt) <= nowMs;
      const submitted = approved && dueOn !== null && month !== overdueMonth && ms(t.resultsFrom) + lines.length * 3000 <= nowMs;
      const clerk = clerks.get(employer)!;
      const span = Math.max(3600, (ms(t.approvedAt) - ms(t.preparedAt)) / 1000 - 3600);
      for (const l of lines) {
        if (l.checkCodes.length > 0) {
          l.overrideReason = OVERRIDE_REASON;
          l.overrideBy = officer;
          l.rowVersion++;
        }
        if (l.grossFen === 0 && l.days === 0) continue;
        const at = later(t.preparedAt, rng.int(1800, span));
        if (!approved && ms(at) > nowMs) continue;
        const byWorker = rng.chance(0.85);
        l.confirmation = 'confirmed';
        l.confirmedVia = byWorker ? 'worker' : 'staff';
        l.confirmationNote = byWorker ? null : rng.pick(STAFF_NOTES);
        l.confirmedBy = byWorker ? w.workers[l.worker].name : clerk;
        l.confirmedAt = approved && ms(at) > ms(t.approvedAt) ? later(t.approvedAt, -600) : at;
        l.rowVersion++;
      }
      const payroll: SeedPayroll = {
        employer,
        month,
        dueOn,
        status: approved ? 'approved' : 'draft',
        preparedBy: clerk,
        approvedBy: approved ? officer : null,
        approvedAt: approved ? t.approvedAt : null,
        createdAt: t.preparedAt,
        updatedAt: approved ? t.approvedAt : t.preparedAt,
        rowVersion: approved ? 2 : 1,
        lines,
        batch: null,
      };
      if (submitted) {
        const due = lines.filter((l) => l.payableFen > 0);
        let at = t.resultsFrom;
        due.forEach((l, i) => {
          l.payout = { seq: i + 1, amountFen: l.payableFen, status: 'paid', resultAt: at, failureReason: null, bankTxnId: null };
          l.payStatus = 'paid';
          l.paidFen = l.payableFen;
          at = later(at, rng.int(1, 3));
        });
        const completedAt = later(at, 60);
        payroll.batch = { submittedBy: officer, submittedAt: t.submittedAt, fetchedAt: t.fetchedAt, completedAt, lineCount: due.length, totalFen: due.reduce((s, l) => s + l.payableFen, 0) };
        payroll.status = 'paid';
        payroll.rowVersion = 3;
        payroll.updatedAt = completedAt;
      }
      payrolls.push(payroll);
    }
  }

  // Failed payouts: one or two lines of the latest month paid, left for the re-send.
  if (roles.failedPayouts.has(project)) {
    const paidMonths = payrolls.filter((r) => r.batch && r.batch.lineCount >= 3);
    const lastMonth = paidMonths.at(-1)?.month;
    const candidates = paidMonths.filter((r) => r.month === lastMonth);
    if (candidates.length > 0) {
      const r = rng.pick(candidates);
      const paid = r.lines.filter((l) => l.payout);
      for (const l of rng.shuffle(paid).slice(0, rng.int(1, 2))) {
        l.payout!.status = 'failed';
        l.payout!.failureReason = rng.pick(FAILURES);
        l.payStatus = 'failed';
        l.paidFen = 0;
      }
      r.status = 'partially_paid';
    }
  }

  // The owner's deposits: each allocation a few days before it is due and before the month's
  // first batch; the contractor's wages never wait for money (a top-up comes first when short).
  const firstBatch = new Map<string, string>();
  for (const r of payrolls) if (r.batch && (!firstBatch.has(r.month) || r.batch.submittedAt < firstBatch.get(r.month)!)) firstBatch.set(r.month, r.batch.submittedAt);
  const lateTarget = roles.lateDeposit.has(project) ? allocations.reduce<number>((found, a, i) => (a.dueOn <= addDays(today, -2) ? i : found), -1) : -1;
  const floor = maxDate(openedOn, w.attendance.from);
  const deposits: Deposit[] = [];
  allocations.forEach((a, i) => {
    if (lateTarget >= 0 && i > lateTarget) return; // the owner has paid nothing since
    if (i === lateTarget) return; // placed below, once the rest is known
    const month = `${a.periodStart.slice(0, 7)}-01`;
    let on = addDays(a.dueOn, -rng.int(3, 8));
    const batch = firstBatch.get(month);
    if (batch) on = minDate(on, addDays(batch.slice(0, 10), -1));
    on = maxDate(on, floor);
    const at = shanghaiAt(on, rng.int(9 * 3600 + 1800, 11 * 3600 + 1800));
    if (ms(at) > nowMs) return;
    deposits.push({ at, amountFen: a.expectedFen, memo: `人工费用拨付（${monthLabel(month)}）`, allocation: i });
  });
  const owner = input.enterprises[p.owner].name;

  // Walk in time: money in, batches out (a batch holds its total until the bank answers).
  type Batch = { at: string; totalFen: number; paidFen: number };
  const batches: Batch[] = payrolls.flatMap((r) => (r.batch ? [{ at: r.batch.submittedAt, totalFen: r.batch.totalFen, paidFen: r.lines.reduce((s, l) => s + (l.payout?.status === 'paid' ? l.payout.amountFen : 0), 0) }] : []));
  const events = [...deposits.map((d) => ({ at: d.at, deposit: d })), ...batches.map((b) => ({ at: b.at, batch: b }))].sort((x, y) => ms(x.at) - ms(y.at));
  let available = 0;
  for (const e of events) {
    if ('deposit' in e && e.deposit) available += e.deposit.amountFen;
    else if ('batch' in e && e.batch) {
      if (available < e.batch.totalFen) {
        const topUp = Math.ceil(((e.batch.totalFen - available) * 1.1) / 1_000_000) * 1_000_000; // whole 万元
        deposits.push({ at: later(e.batch.at, -rng.int(3600, 7200)), amountFen: topUp, memo: '人工费用追加拨付', allocation: null });
        available += topUp;
      }
      available -= e.batch.totalFen;
    }
  }
  if (lateTarget >= 0) {
    // Late and short: by its due day the deposits to date fall short of the schedule by 40 % of this period or more.
    const a = allocations[lateTarget];
    const on = minDate(addDays(a.dueOn, rng.int(4, 12)), addDays(today, -1));
    const at = shanghaiAt(on, rng.int(14 * 3600, 16 * 3600));
    const expected = allocations.slice(0, lateTarget + 1).reduce((s, x) => s + x.expectedFen, 0);
    const before = deposits.filter((d) => ms(d.at) <= ms(at)).reduce((s, d) => s + d.amountFen, 0);
    const amountFen = Math.floor((expected - before - Math.ceil(a.expectedFen * 0.4)) / 100_000) * 100_000;
    if (amountFen > 0 && ms(at) <= nowMs) deposits.push({ at, amountFen, memo: `人工费用拨付（${monthLabel(`${a.periodStart.slice(0, 7)}-01`)}，部分）`, allocation: lateTarget });
  }

  // The bank's lines in booking order, numbered and with the running balance.
  const booked: Omit<SeedTransaction, 'bankSeq' | 'balanceAfterFen' | 'bankTxnId'>[] = [
    ...deposits.map((d) => ({ kind: 'labor_cost_deposit' as const, amountFen: d.amountFen, bookedAt: d.at, counterpartyName: owner, worker: null, payout: null, memo: d.memo })),
    ...payrolls.flatMap((r, pi) =>
      r.lines.flatMap((l, li) =>
        l.payout?.status === 'paid'
          ? [{ kind: 'payout' as const, amountFen: -l.payout.amountFen, bookedAt: l.payout.resultAt, counterpartyName: w.workers[l.worker].name, worker: l.worker, payout: { payroll: pi, line: li }, memo: `代发工资（${monthLabel(r.month)}）` }]
          : [],
      ),
    ),
  ].sort((x, y) => ms(x.bookedAt) - ms(y.bookedAt) || y.amountFen - x.amountFen);
  let balance = 0;
  const transactions: SeedTransaction[] = booked.map((l, i) => {
    balance += l.amountFen;
    const bankTxnId = `${l.bookedAt.slice(0, 10).replaceAll('-', '')}${bankCode.slice(0, 3)}${pad(project + 1, 6)}${pad(i + 1, 6)}`;
    return { ...l, bankTxnId, bankSeq: i + 1, balanceAfterFen: balance };
  });
  for (const t of transactions) {
    if (!t.payout) continue;
    const line = payrolls[t.payout.payroll].lines[t.payout.line];
    line.payout!.bankTxnId = t.bankTxnId;
  }
  // The one mismatch: a ¥20 fee from the last month the bank charged but never reported.
  if (roles.mismatch.has(project) && transactions.length > 0) {
    const cut = Math.floor(transactions.length / 2);
    const from = transactions.findIndex((t, i) => i >= cut && transactions.slice(i).every((x) => x.balanceAfterFen >= 2_000));
    if (from >= 0) for (const t of transactions.slice(from)) t.balanceAfterFen -= 2_000;
  }
  const last = transactions.at(-1);
  const account: SeedAccount = {
    bank,
    accountNo,
    accountName: `${gc.name}${p.name}农民工工资专用账户`,
    contractSignedOn,
    openedOn,
    agreementSignedOn: minDate(addDays(openedOn, rng.int(0, 6)), today),
    createdAt,
    openedBy: officer,
    status: transactions.length > 0 ? 'in_use' : 'opened',
    ledgerBalanceFen: balance,
    bankBalanceFen: last?.balanceAfterFen ?? null,
    bankBalanceAt: last?.bookedAt ?? null,
    bankBalanceSeq: last?.bankSeq ?? null,
    bankBalanceTxnId: last?.bankTxnId ?? null,
  };
  return { project, account, allocations, transactions, payrolls };
}

// ---------------------------------------------------------------------------------------------
// Insert

export interface MoneyRefs {
  ids: WorkforceIds;
  enterpriseIds: readonly string[];
  bankIds: readonly string[];
}

/** Projects per round: attendance counted, money planned and written, then the next. */
const CHUNK = 200;

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Writes the money of every watched project inside the caller's transaction and returns the row
 * counts. Cards are encrypted under each row's own associated data, blind-indexed and masked as
 * the accounts and payroll services store them, and the content hashes are the ones the services
 * compute, so a bank re-sending any of these lines or results is told it is a duplicate.
 */
export async function insertDemoMoney(
  db: DbOrTx,
  deps: { cipher: FieldCipher; today: string; regionCode: string },
  data: { workforce: SeedWorkforce; banks: readonly SeedBank[]; enterprises: readonly SeedEnterprise[] },
  refs: MoneyRefs,
  seed: number,
): Promise<Record<string, number>> {
  const { cipher, today } = deps;
  const param = <T>(id: string) => getParamValue<T>(db, id, deps.regionCode, today);
  const params: MoneyParams = {
    graceMonths: await param<number>('PAY-02.graceUntil'),
    maxCycleMonths: await param<number>('ACC-04.maxDisbursementCycleMonths'),
    openWithinDays: await param<number>('ACC-02.openWithinDays'),
    checks: {
      minimumMonthlyFen: await param<number>('PAY-07.minimumWageMonthly'),
      monthlyPaidDays: await param<number>('PAY-07.monthlyPaidDays'),
      suddenDropRatio: await param<number>('PAY-07.suddenDropRatio'),
      historyMonths: await param<number>('PAY-07.historyMonths'),
    },
  };
  const input: MoneyInput = { today, ...data, params };
  const rng = new Rng(seed).derive('money');
  const roles = pickMoneyRoles(input, rng.derive('roles'));
  const w = data.workforce;
  const { ids } = refs;
  const counts = { wageAccounts: 0, laborCostAllocations: 0, accountTransactions: 0, payrolls: 0, payrollLines: 0, payoutBatches: 0, payouts: 0, failedPayouts: 0 };
  const projects = watched(w);
  const cards = new Map<number, { bidx: string; mask: string }>();
  const cardOf = (worker: number) => {
    let c = cards.get(worker);
    if (!c) {
      const card = w.workers[worker].bankCard;
      c = { bidx: cipher.blindIndex('bank_card', card), mask: maskBankCard(card) };
      cards.set(worker, c);
    }
    return c;
  };

  for (let c = 0; c < projects.length; c += CHUNK) {
    const chunk = projects.slice(c, c + CHUNK);
    const { rows } = await db.query<{ project_id: string; worker_id: string; month: string; days: number }>(
      `SELECT project_id, worker_id, date_trunc('month', work_date)::date::text AS month, count(*)::int AS days
         FROM attendance_daily WHERE project_id = ANY($1::uuid[]) AND coalesce(present_override, event_count > 0)
        GROUP BY 1, 2, 3`,
      [chunk.map((i) => ids.projects[i])],
    );
    const counted = new Map(rows.map((r) => [`${r.project_id}:${r.worker_id}:${r.month}`, r.days]));
    const days: AttendanceDays = (k, month) => {
      const e = w.employments[k];
      return counted.get(`${ids.projects[e.project]}:${ids.workers[e.worker]}:${month}`) ?? 0;
    };
    const planned = chunk.flatMap((i) => planProjectMoney(input, roles, i, days, rng.derive(w.projects[i].code)) ?? []);
    await writeMoney(db, cipher, planned, refs, data, cardOf, counts);
  }
  return counts;
}

async function writeMoney(
  db: DbOrTx,
  cipher: FieldCipher,
  planned: ProjectMoney[],
  refs: MoneyRefs,
  data: { workforce: SeedWorkforce; banks: readonly SeedBank[] },
  cardOf: (worker: number) => { bidx: string; mask: string },
  counts: Record<string, number>,
) {
  const w = data.workforce;
  const { ids } = refs;
  const batchCount = planned.reduce((s, m) => s + m.payrolls.filter((r) => r.batch).length, 0);
  // Batch numbers from the service's own sequence, so the next batch sent is numbered after them.
  const numbers = batchCount === 0 ? [] : (await db.query<{ n: string }>("SELECT nextval('payout_batch_no_seq')::text AS n FROM generate_series(1, $1::int)", [batchCount])).rows.map((r) => Number(r.n)).sort((a, b) => a - b);
  let nextNumber = 0;

  const accounts: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const allocations: Record<string, unknown>[] = [];
  const transactions: Record<string, unknown>[] = [];
  const payrolls: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const batches: Record<string, unknown>[] = [];
  const payouts: Record<string, unknown>[] = [];
  for (const m of planned) {
    const projectId = ids.projects[m.project];
    const p = w.projects[m.project];
    const a = m.account;
    const accountId = uuidv7();
    const bankId = refs.bankIds[a.bank];
    accounts.push({
      id: accountId, project_id: projectId, general_contractor_id: refs.enterpriseIds[p.generalContractor], bank_id: bankId, account_no: a.accountNo,
      account_name: a.accountName, contract_signed_on: a.contractSignedOn, opened_on: a.openedOn, agreement_signed_on: a.agreementSignedOn, status: a.status,
      ledger_balance_fen: a.ledgerBalanceFen, bank_balance_fen: a.bankBalanceFen, bank_balance_at: a.bankBalanceAt, bank_balance_seq: a.bankBalanceSeq,
      bank_balance_txn_id: a.bankBalanceTxnId, created_at: a.createdAt, updated_at: a.bankBalanceAt ?? a.createdAt,
    });
    history.push({ id: uuidv7(), account_id: accountId, from_status: null, to_status: 'opened', on_date: a.openedOn, reason: null, by_name: a.openedBy, at: a.createdAt });
    for (const x of m.allocations) {
      allocations.push({ project_id: projectId, id: uuidv7(), period_start: x.periodStart, period_end: x.periodEnd, due_on: x.dueOn, expected_fen: x.expectedFen, created_at: a.createdAt });
    }

    const payrollIds = m.payrolls.map(() => uuidv7());
    const lineIds = m.payrolls.map((r) => r.lines.map(() => uuidv7()));
    const refOf = new Map<string, string>();
    m.payrolls.forEach((r, pi) => {
      payrolls.push({
        project_id: projectId, id: payrollIds[pi], employer_id: refs.enterpriseIds[r.employer], month: r.month, status: r.status, due_on: r.dueOn,
        prepared_by: r.preparedBy, approved_by: r.approvedBy, approved_at: r.approvedAt, created_at: r.createdAt, updated_at: r.updatedAt, row_version: r.rowVersion,
      });
      const batchId = uuidv7();
      const batchNo = r.batch ? `PB${pad(numbers[nextNumber++], 8)}` : '';
      if (r.batch) {
        batches.push({
          project_id: projectId, id: batchId, batch_no: batchNo, payroll_id: payrollIds[pi], account_id: accountId, bank_id: bankId, kind: 'payroll', status: 'completed',
          line_count: r.batch.lineCount, total_fen: r.batch.totalFen, submitted_by: r.batch.submittedBy, submitted_at: r.batch.submittedAt, fetched_at: r.batch.fetchedAt,
          completed_at: r.batch.completedAt,
        });
      }
      r.lines.forEach((l, li) => {
        const lineId = lineIds[pi][li];
        lines.push({
          project_id: projectId, id: lineId, payroll_id: payrollIds[pi], worker_id: ids.workers[l.worker], employment_id: ids.employments[l.employment],
          wage_type: l.wageType, wage_amount_fen: l.wageAmountFen, attendance_days: l.attendanceDays, days_worked: l.days, gross_items: l.grossItems,
          deduction_items: l.deductionItems, gross_fen: l.grossFen, deduction_fen: l.deductionFen, net_fen: l.netFen, paid_prior_fen: 0, payable_fen: l.payableFen,
          check_codes: l.checkCodes, override_reason: l.overrideReason, override_by: l.overrideBy, confirmation: l.confirmation, confirmed_via: l.confirmedVia,
          confirmation_note: l.confirmationNote, confirmed_by: l.confirmedBy, confirmed_at: l.confirmedAt, pay_status: l.payStatus, paid_fen: l.paidFen,
          row_version: l.rowVersion,
        });
        const o = l.payout;
        if (!o) return;
        const payoutId = uuidv7();
        const ref = `${batchNo}-${pad(o.seq, 4)}`;
        refOf.set(`${pi}:${li}`, ref);
        const card = cardOf(l.worker);
        payouts.push({
          project_id: projectId, id: payoutId, batch_id: batchId, payroll_line_id: lineId, worker_id: ids.workers[l.worker], ref, attempt: 1, amount_fen: o.amountFen,
          card_enc: cipher.encrypt(w.workers[l.worker].bankCard, payoutCardAad(payoutId)), card_bidx: card.bidx, card_mask: card.mask, status: o.status,
          result_at: o.resultAt, failure_reason: o.failureReason, bank_txn_id: o.bankTxnId,
          // The hash `receivePayoutResults` keeps, so the bank re-sending this result is told it is a duplicate.
          result_hash: sha256([ref, o.status, o.amountFen, new Date(o.resultAt).toISOString(), o.failureReason ?? null]),
        });
        counts.payouts++;
        if (o.status === 'failed') counts.failedPayouts++;
      });
    });

    for (const t of m.transactions) {
      const id = uuidv7();
      const card = t.worker === null ? null : w.workers[t.worker].bankCard;
      const at = new Date(t.bookedAt);
      transactions.push({
        project_id: projectId, id, account_id: accountId, bank_txn_id: t.bankTxnId, kind: t.kind, amount_fen: t.amountFen, booked_at: t.bookedAt, bank_seq: t.bankSeq,
        balance_after_fen: t.balanceAfterFen, counterparty_name: t.counterpartyName,
        counterparty_account_enc: card ? cipher.encrypt(card, counterpartyAad(id)) : null,
        counterparty_account_bidx: t.worker === null ? null : cardOf(t.worker).bidx,
        counterparty_account_mask: t.worker === null ? null : cardOf(t.worker).mask,
        payout_ref: t.payout ? refOf.get(`${t.payout.payroll}:${t.payout.line}`) : null, memo: t.memo, flags: [], source: 'api',
        // The hash `ingestLines` computes, so the same line from the bank again is a duplicate.
        content_hash: sha256([accountId, t.bankTxnId, t.kind, t.amountFen, at.toISOString(), card]),
        received_at: later(t.bookedAt, 5),
      });
    }
  }

  await insertRecords(db, 'wage_accounts', {
    id: 'uuid', project_id: 'uuid', general_contractor_id: 'uuid', bank_id: 'uuid', account_no: 'text', account_name: 'text', contract_signed_on: 'date',
    opened_on: 'date', agreement_signed_on: 'date', status: 'text', ledger_balance_fen: 'bigint', bank_balance_fen: 'bigint', bank_balance_at: 'timestamptz',
    bank_balance_seq: 'bigint', bank_balance_txn_id: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
  }, accounts);
  await insertRecords(db, 'wage_account_status_history', {
    id: 'uuid', account_id: 'uuid', from_status: 'text', to_status: 'text', on_date: 'date', reason: 'text', by_name: 'text', at: 'timestamptz',
  }, history);
  await insertRecords(db, 'labor_cost_allocations', {
    project_id: 'uuid', id: 'uuid', period_start: 'date', period_end: 'date', due_on: 'date', expected_fen: 'bigint', created_at: 'timestamptz',
  }, allocations);
  await insertRecords(db, 'account_transactions', {
    project_id: 'uuid', id: 'uuid', account_id: 'uuid', bank_txn_id: 'text', kind: 'text', amount_fen: 'bigint', booked_at: 'timestamptz', bank_seq: 'bigint',
    balance_after_fen: 'bigint', counterparty_name: 'text', counterparty_account_enc: 'text', counterparty_account_bidx: 'text', counterparty_account_mask: 'text',
    payout_ref: 'text', memo: 'text', flags: 'text[]', source: 'text', content_hash: 'text', received_at: 'timestamptz',
  }, transactions);
  await insertRecords(db, 'payrolls', {
    project_id: 'uuid', id: 'uuid', employer_id: 'uuid', month: 'date', status: 'text', due_on: 'date', prepared_by: 'text', approved_by: 'text',
    approved_at: 'timestamptz', created_at: 'timestamptz', updated_at: 'timestamptz', row_version: 'integer',
  }, payrolls);
  await insertRecords(db, 'payroll_lines', {
    project_id: 'uuid', id: 'uuid', payroll_id: 'uuid', worker_id: 'uuid', employment_id: 'uuid', wage_type: 'text', wage_amount_fen: 'bigint',
    attendance_days: 'integer', days_worked: 'integer', gross_items: 'jsonb', deduction_items: 'jsonb', gross_fen: 'bigint', deduction_fen: 'bigint',
    net_fen: 'bigint', paid_prior_fen: 'bigint', payable_fen: 'bigint', check_codes: 'text[]', override_reason: 'text', override_by: 'text',
    confirmation: 'text', confirmed_via: 'text', confirmation_note: 'text', confirmed_by: 'text', confirmed_at: 'timestamptz', pay_status: 'text',
    paid_fen: 'bigint', row_version: 'integer',
  }, lines);
  await insertRecords(db, 'payout_batches', {
    project_id: 'uuid', id: 'uuid', batch_no: 'text', payroll_id: 'uuid', account_id: 'uuid', bank_id: 'uuid', kind: 'text', status: 'text',
    line_count: 'integer', total_fen: 'bigint', submitted_by: 'text', submitted_at: 'timestamptz', fetched_at: 'timestamptz', completed_at: 'timestamptz',
  }, batches);
  await insertRecords(db, 'payouts', {
    project_id: 'uuid', id: 'uuid', batch_id: 'uuid', payroll_line_id: 'uuid', worker_id: 'uuid', ref: 'text', attempt: 'integer', amount_fen: 'bigint',
    card_enc: 'text', card_bidx: 'text', card_mask: 'text', status: 'text', result_at: 'timestamptz', failure_reason: 'text', bank_txn_id: 'text',
    result_hash: 'text',
  }, payouts);

  counts.wageAccounts += accounts.length;
  counts.laborCostAllocations += allocations.length;
  counts.accountTransactions += transactions.length;
  counts.payrolls += payrolls.length;
  counts.payrollLines += lines.length;
  counts.payoutBatches += batches.length;
}

/** A one-page PDF standing in for the scanned 三方协议 of the demo accounts. */
export function demoAgreementPdf(): Buffer {
  const text = 'Tripartite wage-account agreement (demo scan)';
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
