import { CalendarRangeError, addDays, addYears, deadlineAfterWorkingDays } from '../../platform/calendar';
import type { Bilingual, FieldProblem } from '../../platform/errors';
import { labels } from '../../platform/labels';

/**
 * 工资保证金 (DEP-01…11), pure. Money is integer fen, dates 'YYYY-MM-DD' in Asia/Shanghai. Ratios
 * arrive as the parameters' fractions and are turned into parts per million (ppm) once, so every
 * amount is exact integer arithmetic.
 */

export const DEPOSIT_FORMS = labels({
  cash: ['现金（保证金专户存储）', 'Cash in a deposit account'],
  bank_guarantee: ['银行保函', 'Bank guarantee'],
  guarantee_letter: ['工程担保公司保函', 'Guarantee-company letter'],
  surety_insurance: ['工程保证保险', 'Surety insurance'],
});
export type DepositForm = keyof typeof DEPOSIT_FORMS;

export const ARREARS_SOURCES = labels({
  case: ['案件', 'Case'],
  inspection: ['检查', 'Inspection'],
  warning: ['预警', 'Warning'],
  payroll: ['工资发放', 'Payroll'],
});
export type ArrearsSource = keyof typeof ARREARS_SOURCES;

export const DEPOSIT_STATES = labels({
  exempt: ['免缴', 'Exempt'],
  missing: ['未缴存', 'Not lodged'],
  short: ['缴存不足', 'Short'],
  lodged: ['已足额缴存', 'Lodged in full'],
  awaiting_top_up: ['已动用，待补足', 'Drawn, awaiting top-up'],
  top_up_overdue: ['补足逾期', 'Top-up overdue'],
  return_applied: ['返还办理中', 'Return in progress'],
  returned: ['已返还', 'Returned'],
});
export type DepositState = keyof typeof DEPOSIT_STATES;

export const DRAW_STATES = labels({
  awaiting: ['待补足', 'Awaiting top-up'],
  overdue: ['补足逾期', 'Top-up overdue'],
  deadline_unknown: ['待补足（期限超出节假日历，暂无法计算）', 'Awaiting top-up (deadline beyond the holiday calendar)'],
  topped_up: ['已补足', 'Topped up'],
  topped_up_late: ['逾期后补足', 'Topped up late'],
});
export type DrawState = keyof typeof DRAW_STATES;

export const RETURN_STATUSES = labels({
  applied: ['已申请', 'Applied'],
  noticed: ['审核通过，公示中', 'Approved, on public notice'],
  ordered: ['已出具返还通知书', 'Return notice issued'],
  returned: ['已返还', 'Returned'],
  rejected: ['不予返还', 'Refused'],
});
export type ReturnStatus = keyof typeof RETURN_STATUSES;

const MILLION = 1_000_000n;
/** A parameter's fraction as ppm; the parameters carry at most four decimals of a percent. */
export const toPpm = (ratio: number): number => Math.round(ratio * 1_000_000);
const pct = (ppm: number | bigint) => `${(Number(ppm) / 10_000).toFixed(4).replace(/\.?0+$/, '')}%`;
const yuan = (fen: number) => `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** ⌈a / b⌉ for non-negative bigints. */
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

export interface ArrearsRecord {
  foundOn: string;
  resolvedOn: string | null;
}
export interface ListingPeriod {
  listedOn: string;
  removedOn: string | null;
}

export interface DepositParams {
  ratio: number;
  ratioMin: number;
  ratioMax: number;
  capFen: number;
  exemptBelowFen: number;
  durationBelowMonths: number;
  smallCleanYears: number;
  concurrentRatio: number;
  reducedCleanYears: number;
  reducedRatio: number;
  exemptCleanYears: number;
  lookbackYears: number;
  arrearsIncrease: number;
  listedIncrease: number;
}

export interface DepositFacts {
  contractPriceFen: number;
  plannedStart: string;
  plannedEnd: string;
  /** The day the deposit is assessed: the contract's signing, taken as the planned start. */
  assessedOn: string;
  arrears: ArrearsRecord[];
  listings: ListingPeriod[];
  /** From when the arrears record of the contractor is complete; clean years never reach before it. */
  coveredFrom: string;
  /** The contractor's other projects under construction in the same county that came first. */
  earlierConcurrentProjects: number;
  realNameInPlace: boolean;
  wageAccountInPlace: boolean;
}

export interface ComputationStep {
  rule: string;
  text: Bilingual;
}

export interface RequiredDeposit {
  requiredFen: number;
  exempt: boolean;
  /** The ratio applied, in ppm of the contract price (0 when exempt). */
  ratioPpm: number;
  baseRatioPpm: number;
  capFen: number;
  capApplied: boolean;
  capLifted: boolean;
  cleanYears: number;
  steps: ComputationStep[];
}

/** The day `n` months after `date`, the day clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day the contractor owed wages, as known on `on` (an unsettled finding counts as owed that day). */
function lastArrearsOn(arrears: ArrearsRecord[], on: string): string | null {
  let last: string | null = null;
  for (const a of arrears) {
    if (a.foundOn > on) continue;
    const end = a.resolvedOn !== null && a.resolvedOn <= on ? a.resolvedOn : on;
    if (last === null || end > last) last = end;
  }
  return last;
}

/** Whole years without arrears up to `on`, counted from the later of the last arrears and the start of the record. */
export function cleanYearsOn(arrears: ArrearsRecord[], coveredFrom: string, on: string): number {
  const last = lastArrearsOn(arrears, on);
  const since = last !== null && last > coveredFrom ? last : coveredFrom;
  if (since > on) return 0;
  let years = 0;
  while (addYears(since, years + 1) <= on) years++;
  return years;
}

/** Whether the contractor owed wages at any time in the `years` before `on`. */
export function arrearsWithin(arrears: ArrearsRecord[], on: string, years: number): boolean {
  const last = lastArrearsOn(arrears, on);
  return last !== null && last > addYears(on, -years);
}

export const listedOn = (listings: ListingPeriod[], on: string) => listings.some((l) => l.listedOn <= on && (l.removedOn === null || l.removedOn > on));

/**
 * DEP-01…08: the deposit a project needs. Precedence, from the Fujian template: the
 * serious-dishonesty list (DEP-08) over arrears in the look-back (DEP-07), both raising the base
 * ratio with the cap lifted; without arrears, the exemptions (DEP-04 small project, DEP-06 clean
 * years with real-name and account) over the reductions (DEP-05 clean years, DEP-04 a later
 * concurrent project), the lowest reduced ratio winning; then the cap (DEP-02).
 * The amount is rounded up to the fen: the law sets a minimum, and a deposit short by a fraction
 * of a fen would otherwise pass as complete.
 */
export function requiredDeposit(f: DepositFacts, p: DepositParams): RequiredDeposit {
  const steps: ComputationStep[] = [];
  const basePpm = toPpm(p.ratio);
  const contract = BigInt(f.contractPriceFen);
  const cleanYears = cleanYearsOn(f.arrears, f.coveredFrom, f.assessedOn);
  const result = (r: Omit<RequiredDeposit, 'baseRatioPpm' | 'capFen' | 'cleanYears' | 'steps'>): RequiredDeposit => ({ ...r, baseRatioPpm: basePpm, capFen: p.capFen, cleanYears, steps });
  steps.push({
    rule: 'DEP-01',
    text: {
      zh: `合同金额 ${yuan(f.contractPriceFen)} 元，基准比例 ${pct(basePpm)}（法定区间 ${pct(toPpm(p.ratioMin))}—${pct(toPpm(p.ratioMax))}）；核定日 ${f.assessedOn}，无欠薪记录已满 ${cleanYears} 年（记录自 ${f.coveredFrom}）`,
      en: `Contract ${yuan(f.contractPriceFen)} yuan, base ratio ${pct(basePpm)} (band ${pct(toPpm(p.ratioMin))}–${pct(toPpm(p.ratioMax))}); assessed on ${f.assessedOn}, ${cleanYears} whole clean years (record from ${f.coveredFrom})`,
    },
  });

  const raise = (rule: string, increase: number, zh: string, en: string) => {
    const incPpm = BigInt(toPpm(increase));
    const amount = ceilDiv(contract * BigInt(basePpm) * (MILLION + incPpm), MILLION * MILLION);
    const ratioPpm = Number((BigInt(basePpm) * (MILLION + incPpm)) / MILLION);
    const fen = Number(amount);
    steps.push({
      rule,
      text: { zh: `${zh}：比例上浮 ${pct(incPpm)} 至 ${pct(ratioPpm)}，应缴 ${yuan(fen)} 元，不受存储上限限制`, en: `${en}: ratio raised by ${pct(incPpm)} to ${pct(ratioPpm)}, ${yuan(fen)} yuan required, cap lifted` },
    });
    return result({ requiredFen: fen, exempt: false, ratioPpm, capApplied: false, capLifted: true });
  };
  if (listedOn(f.listings, f.assessedOn)) return raise('DEP-08', p.listedIncrease, '核定日在严重失信主体名单内', 'On the serious-dishonesty list on the assessment day');
  if (arrearsWithin(f.arrears, f.assessedOn, p.lookbackYears)) return raise('DEP-07', p.arrearsIncrease, `核定日前 ${p.lookbackYears} 年内发生欠薪`, `Arrears in the ${p.lookbackYears} years before assessment`);

  const exempt = (rule: string, text: Bilingual) => {
    steps.push({ rule, text });
    return result({ requiredFen: 0, exempt: true, ratioPpm: 0, capApplied: false, capLifted: false });
  };
  const small = f.contractPriceFen < p.exemptBelowFen || f.plannedEnd < addMonths(f.plannedStart, p.durationBelowMonths);
  if (small && cleanYears >= p.smallCleanYears) {
    return exempt('DEP-04', {
      zh: `合同金额低于 ${yuan(p.exemptBelowFen)} 元或工期不足 ${p.durationBelowMonths} 个月，且签约前 ${p.smallCleanYears} 年无欠薪：免缴`,
      en: `Contract below ${yuan(p.exemptBelowFen)} yuan or works shorter than ${p.durationBelowMonths} months, no arrears in the prior ${p.smallCleanYears} year(s): exempt`,
    });
  }
  if (cleanYears >= p.exemptCleanYears && f.realNameInPlace && f.wageAccountInPlace) {
    return exempt('DEP-06', {
      zh: `连续 ${cleanYears} 年无欠薪（≥${p.exemptCleanYears} 年），且落实实名制管理和工资专用账户：免缴`,
      en: `${cleanYears} consecutive clean years (≥ ${p.exemptCleanYears}) with real-name management and the wage account in place: exempt`,
    });
  }
  if (cleanYears >= p.exemptCleanYears) {
    steps.push({
      rule: 'DEP-06',
      text: {
        zh: `无欠薪已满 ${cleanYears} 年，但${f.realNameInPlace ? '' : '未落实实名制管理'}${!f.realNameInPlace && !f.wageAccountInPlace ? '、' : ''}${f.wageAccountInPlace ? '' : '未开设工资专用账户'}，不予免缴`,
        en: `${cleanYears} clean years, but ${[!f.realNameInPlace && 'no real-name management', !f.wageAccountInPlace && 'no wage account'].filter(Boolean).join(' and ')}: not exempt`,
      },
    });
  }

  let ratioPpm = basePpm;
  if (cleanYears >= p.reducedCleanYears && toPpm(p.reducedRatio) < ratioPpm) {
    ratioPpm = toPpm(p.reducedRatio);
    steps.push({ rule: 'DEP-05', text: { zh: `连续 ${cleanYears} 年无欠薪（≥${p.reducedCleanYears} 年）：比例降至 ${pct(ratioPpm)}`, en: `${cleanYears} clean years (≥ ${p.reducedCleanYears}): ratio lowered to ${pct(ratioPpm)}` } });
  }
  if (f.earlierConcurrentProjects > 0 && toPpm(p.concurrentRatio) < ratioPpm) {
    ratioPpm = toPpm(p.concurrentRatio);
    steps.push({
      rule: 'DEP-04',
      text: { zh: `同一区域第 ${f.earlierConcurrentProjects + 1} 个在建项目且无欠薪：比例降至 ${pct(ratioPpm)}`, en: `Concurrent project no. ${f.earlierConcurrentProjects + 1} in the same area without arrears: ratio lowered to ${pct(ratioPpm)}` },
    });
  }
  const amount = Number(ceilDiv(contract * BigInt(ratioPpm), MILLION));
  const capApplied = amount > p.capFen;
  const requiredFen = capApplied ? p.capFen : amount;
  steps.push(
    capApplied
      ? { rule: 'DEP-02', text: { zh: `按比例应缴 ${yuan(amount)} 元，超过存储上限，按上限 ${yuan(p.capFen)} 元缴存`, en: `${yuan(amount)} yuan by ratio exceeds the cap; ${yuan(p.capFen)} yuan required` } }
      : { rule: 'DEP-02', text: { zh: `应缴 ${yuan(amount)} 元（未超过存储上限 ${yuan(p.capFen)} 元）`, en: `${yuan(amount)} yuan required (within the cap of ${yuan(p.capFen)} yuan)` } },
  );
  return result({ requiredFen, exempt: false, ratioPpm, capApplied, capLifted: false });
}

// ---- lodgings, draws, top-ups ----

export interface LodgingInput {
  form: DepositForm;
  amountFen: number;
  lodgedOn: string;
  bankId?: string | null;
  accountNo?: string | null;
  issuer?: string | null;
  instrumentNo?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
}

/** DEP-03: a lodging in an accepted form, with what that form needs; an instrument must still be valid. */
export function checkLodging(l: LodgingInput, acceptedForms: readonly string[], today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (field: string, zh: string, en: string) => problems.push({ field, message: { zh, en } });
  if (!acceptedForms.includes(l.form)) need('form', `本地区不接受“${DEPOSIT_FORMS[l.form].zh}”形式（DEP-03）`, `${DEPOSIT_FORMS[l.form].en} is not accepted here (DEP-03)`);
  if (l.lodgedOn > today) need('lodgedOn', '缴存日期不能晚于今天', 'The lodging date cannot be in the future');
  if (l.form === 'cash') {
    if (!l.bankId) need('bankId', '现金缴存须注明存储银行', 'Name the bank holding the cash');
    if (!l.accountNo) need('accountNo', '现金缴存须注明保证金账号', 'Give the deposit account number');
    if (l.issuer || l.instrumentNo || l.validFrom || l.validUntil) need('form', '现金缴存不填写保函信息', 'A cash lodging has no instrument details');
  } else {
    if (!l.issuer) need('issuer', '须注明出具机构', 'Name the issuer');
    if (!l.instrumentNo) need('instrumentNo', '须注明保函（保单）编号', 'Give the instrument number');
    if (!l.validFrom) need('validFrom', '须注明有效期起', 'Give the start of validity');
    if (!l.validUntil) need('validUntil', '须注明有效期止', 'Give the end of validity');
    if (l.validFrom && l.validUntil && l.validUntil < l.validFrom) need('validUntil', '有效期止不能早于有效期起', 'Validity cannot end before it starts');
    if (l.validUntil && l.validUntil < today) need('validUntil', '保函已过有效期', 'The instrument has already expired');
    if (l.bankId || l.accountNo) need('form', '保函形式不填写保证金账户', 'An instrument has no deposit account');
  }
  return problems;
}

/** What counts as held today: cash, and instruments still within their validity. */
export const effectiveLodging = (l: { form: string; amountFen: number; validUntil: string | null }, today: string) => l.form === 'cash' || (l.validUntil !== null && l.validUntil >= today);

export interface DrawInput {
  amountFen: number;
  drawnOn: string;
  orderIssuedOn: string;
  orderDueOn: string;
  orderUnmet: boolean;
  decisionOn: string;
  decisionAmountFen: number;
}

/**
 * DEP-09: the deposit is used only after HRSS ordered the contractor to pay by a deadline, the
 * deadline passed unmet, and HRSS decided the use; never more than decided, nor than is held.
 */
export function checkDraw(d: DrawInput, heldFen: number, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (field: string, zh: string, en: string) => problems.push({ field, message: { zh, en } });
  if (!d.orderUnmet) need('orderUnmet', '须先责令限期支付且逾期未支付，方可动用保证金（DEP-09）', 'An order to pay must have gone unmet before the deposit is used (DEP-09)');
  if (d.orderDueOn < d.orderIssuedOn) need('orderDueOn', '支付期限不能早于指令下达日期', 'The payment deadline cannot precede the order');
  if (d.decisionOn <= d.orderDueOn) need('decisionOn', '使用决定须在限期支付期满之后作出（DEP-09）', 'The usage decision must follow the expiry of the order (DEP-09)');
  if (d.decisionOn > today) need('decisionOn', '决定日期不能晚于今天', 'The decision date cannot be in the future');
  if (d.drawnOn < d.decisionOn) need('drawnOn', '动用日期不能早于使用决定', 'The draw cannot precede the decision');
  if (d.drawnOn > today) need('drawnOn', '动用日期不能晚于今天', 'The draw date cannot be in the future');
  if (d.amountFen > d.decisionAmountFen) need('amountFen', '动用金额超过使用决定的金额', 'The amount exceeds the decision');
  if (d.amountFen > heldFen) need('amountFen', `动用金额超过现存保证金 ${yuan(heldFen)} 元；不足部分可申请应急周转金`, `The amount exceeds the ${yuan(heldFen)} yuan held; the emergency fund covers the rest`);
  return problems;
}

/** DEP-10: the top-up deadline in working days after the draw, or null beyond the holiday calendar. */
export function topUpDeadline(drawnOn: string, withinWD: number): string | null {
  try {
    return deadlineAfterWorkingDays(drawnOn, withinWD);
  } catch (e) {
    if (e instanceof CalendarRangeError) return null;
    throw e;
  }
}

export function drawState(d: { amountFen: number; topUpDueOn: string | null; topUps: { amountFen: number; toppedOn: string }[] }, today: string): { state: DrawState; outstandingFen: number } {
  const topped = d.topUps.reduce((s, t) => s + t.amountFen, 0);
  const outstandingFen = Math.max(0, d.amountFen - topped);
  if (outstandingFen === 0) {
    const last = d.topUps.reduce((m, t) => (t.toppedOn > m ? t.toppedOn : m), '');
    return { state: d.topUpDueOn !== null && last > d.topUpDueOn ? 'topped_up_late' : 'topped_up', outstandingFen };
  }
  if (d.topUpDueOn === null) return { state: 'deadline_unknown', outstandingFen };
  return { state: today > d.topUpDueOn ? 'overdue' : 'awaiting', outstandingFen };
}

export function depositState(s: { requiredFen: number; exempt: boolean; heldFen: number; draws: DrawState[]; returnStatus: ReturnStatus | null }): DepositState {
  if (s.returnStatus === 'returned') return 'returned';
  if (s.returnStatus && s.returnStatus !== 'rejected') return 'return_applied';
  if (s.draws.includes('overdue')) return 'top_up_overdue';
  if (s.draws.some((d) => d === 'awaiting' || d === 'deadline_unknown')) return 'awaiting_top_up';
  if (s.exempt) return 'exempt';
  if (s.heldFen <= 0) return 'missing';
  return s.heldFen < s.requiredFen ? 'short' : 'lodged';
}

// ---- DEP-11 return ----

/** Who may apply: works complete, nothing owed on the project, no return already under way. */
export function checkReturnApplication(f: { projectStatus: string; openArrearsOnProject: number; returnStatus: ReturnStatus | null; heldFen: number }): Bilingual | null {
  if (f.projectStatus !== 'completed' && f.projectStatus !== 'accepted') return { zh: '工程完工后方可申请返还保证金（DEP-11）', en: 'Apply for the return after completion (DEP-11)' };
  if (f.openArrearsOnProject > 0) return { zh: '本项目尚有未结清的欠薪，不予返还（DEP-11）', en: 'Wages are still owed on the project (DEP-11)' };
  if (f.returnStatus && f.returnStatus !== 'rejected') return { zh: '已有返还申请在办理中', en: 'A return is already under way' };
  if (f.heldFen <= 0) return { zh: '没有可返还的保证金', en: 'Nothing is held to return' };
  return null;
}

/** The notice runs `days` calendar days from its first day; the return notice may follow the day after. */
export const noticeUntil = (from: string, days: number) => addDays(from, days - 1);

/**
 * The return notice: after the public notice has run without objection, and (SECURITY.md 12,
 * four eyes) by another official than the one who approved the application.
 */
export function checkReturnOrder(f: { status: ReturnStatus; noticeUntil: string | null; orderedOn: string; approverId: string | null; actorId: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.status !== 'noticed' || f.noticeUntil === null) problems.push({ field: 'orderedOn', message: { zh: '申请须先审核通过并公示', en: 'The application must first be approved and published' } });
  else if (f.orderedOn <= f.noticeUntil) problems.push({ field: 'orderedOn', message: { zh: `公示期至 ${f.noticeUntil} 届满，届满后方可出具返还通知书（DEP-11）`, en: `The notice runs until ${f.noticeUntil}; issue the return notice after it (DEP-11)` } });
  if (f.approverId !== null && f.approverId === f.actorId) problems.push({ field: 'orderedOn', message: { zh: '返还通知书须由审核人以外的另一名工作人员出具（双人复核）', en: 'Another official than the approver must issue the return notice (four eyes)' } });
  return problems;
}

/** DEP-11: the bank's deadline to pay back after the return notice, or null beyond the holiday calendar. */
export const bankReturnDeadline = topUpDeadline;
