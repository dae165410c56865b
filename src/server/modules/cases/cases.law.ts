import { addDays, monthEndOf } from '../../platform/calendar';
import type { Bilingual, FieldProblem } from '../../platform/errors';
import { labels } from '../../platform/labels';
import { fenToYuanText } from '../../platform/money';

/**
 * The law of clues and cases (线索 / 案件), pure: no I/O, values of parameters passed in. Rule ids are
 * those of RULES.md. Money is integer fen; dates are civil dates 'YYYY-MM-DD'.
 */

const yuan = fenToYuanText;
const REG = '《保障农民工工资支付条例》';
const REG_EN = 'Regulation on Ensuring Wage Payment to Migrant Workers';
const INSPECTION = '《劳动保障监察条例》';
const INSPECTION_EN = 'Regulation on Labour Security Inspection';

/** A check that names the field at fault, so a form can mark it. */
export type Verdict = { ok: true } | { ok: false; problem: FieldProblem };
const problem = (field: string, zh: string, en: string): Verdict => ({ ok: false, problem: { field, message: { zh, en } } });

const isFen = (n: number) => Number.isSafeInteger(n) && n >= 0;
function assertFen(n: number, what: string): void {
  if (!isFen(n)) throw new RangeError(`${what} must be a whole, non-negative number of fen, got ${n}`);
}

// ---------------------------------------------------------------------------------------------
// 附件4 欠薪案件线索核查表: the verification checklist

/**
 * The 11 items of 附件4 (欠薪案件线索核查表), verbatim. Each is a problem statement: "是" (true) means
 * the problem was found. Items 8–9 name the 2021 year-end clearance campaign as written on the form.
 */
export const CHECKLIST = labels({
  monthly_full_payment: ['未按月足额支付工资', 'Wages are not paid monthly and in full'],
  labor_contract: ['有工人未签订劳动合同', 'Some workers have not signed a labour contract'],
  real_name_registration: [
    '房屋市政类项目工人未在建筑工人实名制管理平台登记（非房屋市政类项目不必选填）',
    'On a housing or municipal project, workers are not registered on the construction-worker real-name platform (optional for other projects)',
  ],
  account_payout: ['总包单位未通过专用账户委托银行直接发放工资', 'The general contractor does not have the bank pay wages directly from the dedicated wage account'],
  wage_deposit: ['未落实工资保证金制度', 'The wage guarantee deposit is not in place'],
  advance_liability: [
    '建设单位或施工总承包企业未承担在欠付工程款范围内先行垫付农民工工资的责任',
    'The owner or general contractor has not advanced the wages up to the construction funds it owes',
  ],
  illegal_subcontracting_liability: [
    '建设单位或施工总承包企业未承担因违法发包、转包或违法分包及挂靠造成欠薪的清偿责任',
    'The owner or general contractor has not paid arrears caused by illegal contracting, transfer, illegal subcontracting or name-lending',
  ],
  government_project_arrears: [
    '政府投资工程项目因拖欠工程款导致的欠薪问题，在2021年底前无法全部清偿',
    'Arrears on a government-investment project caused by unpaid construction funds cannot all be cleared by the end of 2021',
  ],
  soe_project_arrears: [
    '国有企业投资或承接工程项目的欠薪问题, 在2021年底前无法全部清偿',
    'Arrears on a project invested in or contracted by a state-owned enterprise cannot all be cleared by the end of 2021',
  ],
  group_incident_50: ['因欠薪引发50人以上群体性事件', 'The arrears caused a group incident of 50 or more people'],
  extreme_incident: ['因欠薪引发极端事件并造成严重后果的案件', 'The arrears caused an extreme incident with serious consequences'],
});
export type ChecklistKey = keyof typeof CHECKLIST;
/** The items in the form's order (item n is CHECKLIST_KEYS[n − 1]). */
export const CHECKLIST_KEYS = Object.keys(CHECKLIST) as ChecklistKey[];

/** true = 是 (the problem exists), false = 否, null or absent = not answered. */
export type ChecklistAnswers = Partial<Record<ChecklistKey, boolean | null>>;

export interface ChecklistFindings {
  violations: ChecklistKey[];
  unanswered: ChecklistKey[];
  /** Item 3 on a project that is not housing or municipal, left blank as the form allows. */
  notApplicable: ChecklistKey[];
  complete: boolean;
}

/**
 * Which items are violations and which still need an answer, in the form's order. Item 3 may be left
 * blank on a non-housing/municipal project; when the project type is unknown it is required.
 */
export function checklistFindings(answers: ChecklistAnswers, opts: { housingMunicipal?: boolean } = {}): ChecklistFindings {
  const violations: ChecklistKey[] = [];
  const unanswered: ChecklistKey[] = [];
  const notApplicable: ChecklistKey[] = [];
  for (const key of CHECKLIST_KEYS) {
    const a = answers[key];
    if (a === true) violations.push(key);
    else if (a === false) continue;
    else if (key === 'real_name_registration' && opts.housingMunicipal === false) notApplicable.push(key);
    else unanswered.push(key);
  }
  return { violations, unanswered, notApplicable, complete: unanswered.length === 0 };
}

// ---------------------------------------------------------------------------------------------
// CASE-02 limitation (监察条例 Art. 20)

/**
 * CASE-02: the last day a violation that ended on `endedOn` can still be pursued. 民法典 Arts. 201–202:
 * the start day is not counted; the period ends on the same day `years` later, or on the month's last
 * day when that day does not exist (29 February → 28 February).
 */
export function limitationLastDay(endedOn: string, years: number): string {
  addDays(endedOn, 0); // validates the date
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`a whole number of years is required, got ${years}`);
  const [y, m, d] = endedOn.split('-').map(Number);
  const monthStart = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  const lastOfMonth = Number(monthEndOf(monthStart).slice(8));
  return `${monthStart.slice(0, 8)}${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

/**
 * CASE-02: whether a violation is still pursuable when the complaint was received (or it was found).
 * A continuing violation counts from the day it ended; `null` means it has not ended, so it is within.
 */
export function withinLimitation(violationEndedOn: string | null, receivedOn: string, years: number): boolean {
  addDays(receivedOn, 0);
  if (violationEndedOn === null) return true;
  return receivedOn <= limitationLastDay(violationEndedOn, years);
}

// ---------------------------------------------------------------------------------------------
// CASE-04 inspectors on site (监察条例 Art. 16)

/** CASE-04: an investigation or inspection needs at least `min` distinct inspectors. */
export function enoughInspectors(inspectorIds: readonly string[], min: number): Verdict {
  const distinct = new Set(inspectorIds.map((i) => i.trim()).filter(Boolean)).size;
  if (distinct >= min) return { ok: true };
  return problem(
    'inspectorIds',
    `调查、检查应有至少${min}名劳动保障监察员（现有${distinct}名，《劳动保障监察条例》第16条）`,
    `An investigation needs at least ${min} labour inspectors (${distinct} given; Regulation on Labour Security Inspection, Art. 16)`,
  );
}

// ---------------------------------------------------------------------------------------------
// CASE-07 handling conclusions (核处结论)

/**
 * CASE-07: the fixed list of handling conclusions. Tianjin's 核处规程 (2022) has 10 categories but the
 * list itself was not found (RULES.md §8.1): UNVERIFIED, a reasoned list to confirm with the province.
 */
export const CONCLUSIONS = labels({
  paid_in_full: ['已足额支付', 'Paid in full'],
  mediated: ['调解达成协议并履行', 'Settled by mediation and the agreement carried out'],
  paid_after_order: ['责令改正后支付', 'Paid after an order to correct'],
  case_filed: ['立案查处', 'Filed for investigation and penalty'],
  transferred_to_police: ['移送公安机关', 'Transferred to the police'],
  referred_to_arbitration: ['引导申请劳动仲裁或提起诉讼', 'Referred to labour arbitration or the courts'],
  transferred_to_department: ['转其他部门处理', 'Transferred to another department'],
  not_wage_arrears: ['不属于欠薪', 'Not wage arrears'],
  unverifiable: ['证据不足、无法核实', 'Insufficient evidence; cannot be verified'],
  duplicate_merged: ['重复线索已合并', 'Duplicate clue, merged'],
});
export type Conclusion = keyof typeof CONCLUSIONS;
export const CONCLUSION_KEYS = Object.keys(CONCLUSIONS) as Conclusion[];
export const isConclusion = (code: string): code is Conclusion => Object.hasOwn(CONCLUSIONS, code);

// ---------------------------------------------------------------------------------------------
// CASE-08 bank and property queries (Reg. Art. 40)

/** What an inspector may ask third parties about. Art. 40 names accounts, houses and vehicles "等". */
export const QUERY_KINDS = labels({
  bank_account: ['金融账户', 'Bank and other financial accounts'],
  real_estate: ['房屋', 'Real estate'],
  vehicle: ['车辆', 'Vehicles'],
  other_property: ['其他财产', 'Other property'],
  business_registration: ['市场主体登记信息', 'Business registration'],
  social_insurance: ['社会保险参保缴费记录', 'Social-insurance records'],
});
export type QueryKind = keyof typeof QUERY_KINDS;
const PROPERTY_QUERIES: readonly QueryKind[] = ['bank_account', 'real_estate', 'vehicle', 'other_property'];

/** CASE-08: queries of accounts and property need a head's approval; public registers do not. */
export const needsBankQueryApproval = (kind: QueryKind): boolean => PROPERTY_QUERIES.includes(kind);

/** 设区的市 (prefecture) is region level 2; the province is 1. */
export const PREFECTURE_LEVEL = 2;

/** CASE-08: the approver must head an HRSS department at prefecture level or above (level ≤ 2). */
export function bankQueryApprovable(approverRegionLevel: number, approverIsHead: boolean): { ok: true } | { ok: false; reason: Bilingual } {
  if (approverRegionLevel > PREFECTURE_LEVEL) {
    return { ok: false, reason: { zh: `须经设区的市级以上人社部门负责人批准（${REG}第40条）`, en: `Needs approval at prefecture level or above (${REG_EN}, Art. 40)` } };
  }
  if (!approverIsHead) return { ok: false, reason: { zh: `须由人社部门负责人批准（${REG}第40条）`, en: `Needs the approval of the HRSS department's head (${REG_EN}, Art. 40)` } };
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// CASE-09 matters for labour arbitration or the courts (监察条例 Art. 21)

/** What a complaint claims. Inspection handles unpaid or docked wages; disputes go to arbitration. */
export const CLAIM_KINDS = labels({
  unpaid_wages: ['拖欠已约定或已确认的工资', 'Agreed or acknowledged wages unpaid'],
  deducted_wages: ['克扣工资', 'Wages docked'],
  below_minimum_wage: ['低于当地最低工资标准支付', 'Paid below the local minimum wage'],
  labour_relation_dispute: ['是否存在劳动关系有争议', 'Whether a labour relation exists is disputed'],
  wage_standard_dispute: ['工资标准、工作量有争议（非拖欠约定工资）', 'The wage rate or workload is disputed (not agreed wages unpaid)'],
  injury_compensation: ['工伤待遇或人身损害赔偿', 'Work-injury benefits or injury compensation'],
  already_filed: ['已申请劳动争议调解、仲裁或已起诉', 'Already before mediation, arbitration or a court'],
});
export type ClaimKind = keyof typeof CLAIM_KINDS;
const ARBITRATION_CLAIMS: readonly ClaimKind[] = ['labour_relation_dispute', 'wage_standard_dispute', 'injury_compensation', 'already_filed'];

/** CASE-09: the claims to refer to arbitration or litigation; the rest stay with inspection. */
export const arbitrationClaims = (claimKinds: readonly ClaimKind[]): ClaimKind[] => claimKinds.filter((k) => ARBITRATION_CLAIMS.includes(k));

/**
 * CASE-09: the whole matter is referred when it is already before arbitration or a court, when the
 * labour relation itself is disputed (every wage claim rests on it), or when nothing in it is for inspection.
 */
export function isArbitrationMatter(claimKinds: readonly ClaimKind[]): boolean {
  if (claimKinds.includes('already_filed') || claimKinds.includes('labour_relation_dispute')) return true;
  return claimKinds.length > 0 && claimKinds.every((k) => ARBITRATION_CLAIMS.includes(k));
}

// ---------------------------------------------------------------------------------------------
// CRM-01, CRM-02 拒不支付劳动报酬罪 (刑法 Art. 276-1; 法释〔2013〕3号 Art. 3)

/** Art. 3 (一): one worker unpaid for "三个月以上" (3 included). */
export const CRIME_ONE_WORKER_MONTHS = 3;
/** Art. 3 (二): "十名以上劳动者" (10 included). */
export const CRIME_MIN_WORKERS = 10;

export interface CriminalThresholdInput {
  workers: readonly { owedFen: number; monthsUnpaid: number }[];
  /** CRM-01.oneWorkerAmount, the province's figure in ¥5,000–20,000. */
  oneWorkerFen: number;
  /** CRM-01.tenWorkersAmount, the province's figure in ¥30,000–100,000. */
  tenWorkersFen: number;
  /** An order to pay (责令支付) was served and its period passed without payment (Art. 4). */
  orderUnmet: boolean;
  /** CRM-01.oneWorkerMonths and CRM-01.minWorkers (the interpretation's 3 months and 10 workers by default). */
  oneWorkerMonths?: number;
  minWorkers?: number;
}

export interface CriminalThreshold {
  /** 数额较大 and the order unmet: suspected crime. */
  met: boolean;
  /** The first clause of Art. 3 that is met, in the article's order; null when the amount is not met. */
  by: 'one_worker' | 'ten_workers' | null;
  /** 数额较大 alone, whatever the order (BL-01 combines it with the order too). */
  amountMet: boolean;
  figures: {
    /** The most owed to one worker unpaid for ≥ 3 months (0 if none). */
    largestOneWorkerFen: number;
    workersOwed: number;
    totalOwedFen: number;
  };
}

/**
 * CRM-01: 数额较大 is (一) one worker unpaid ≥ 3 months and owed ≥ the one-worker amount, or (二) ≥ 10
 * workers owed ≥ the ten-workers amount in total; "以上" includes the figure. The crime also needs an
 * unmet order to pay.
 */
export function criminalThreshold(input: CriminalThresholdInput): CriminalThreshold {
  for (const w of input.workers) assertFen(w.owedFen, 'owedFen');
  const owed = input.workers.filter((w) => w.owedFen > 0);
  const largestOneWorkerFen = Math.max(0, ...owed.filter((w) => w.monthsUnpaid >= (input.oneWorkerMonths ?? CRIME_ONE_WORKER_MONTHS)).map((w) => w.owedFen));
  const totalOwedFen = owed.reduce((s, w) => s + w.owedFen, 0);
  const oneWorker = largestOneWorkerFen > 0 && largestOneWorkerFen >= input.oneWorkerFen;
  const tenWorkers = owed.length >= (input.minWorkers ?? CRIME_MIN_WORKERS) && totalOwedFen >= input.tenWorkersFen;
  const by = oneWorker ? 'one_worker' : tenWorkers ? 'ten_workers' : null;
  return { met: by !== null && input.orderUnmet, by, amountMet: by !== null, figures: { largestOneWorkerFen, workersOwed: owed.length, totalOwedFen } };
}

/** CRM-02: transfer to the police (移送公安) only when CRM-01 is met (Reg. Art. 41). */
export const mayTransferToPolice = (threshold: CriminalThreshold): boolean => threshold.met;

// ---------------------------------------------------------------------------------------------
// LIA-01…04 who pays (Reg. Arts. 16, 29, 30, 36, 37)

export const PARTIES = labels({
  owner: ['建设单位', 'Owner (builder)'],
  general_contractor: ['施工总承包单位', 'General contractor'],
  subcontractor: ['分包单位', 'Subcontractor'],
  name_lender: ['出借资质（被挂靠）的施工单位', 'Contractor that lent its name'],
  employer: ['用人单位', 'Employer'],
});
export type Party = keyof typeof PARTIES;

export type LiabilityRule = 'LIA-01' | 'LIA-02' | 'LIA-03' | 'LIA-04';

export interface LiabilityFacts {
  owedFen: number;
  /** Who employed the unpaid workers. */
  employer: 'general_contractor' | 'subcontractor' | 'owner' | 'other';
  /** The project was transferred whole (转包): Art. 30 treats it like a subcontractor's arrears. */
  transferred?: boolean;
  /** Art. 29: the arrears arose because the owner did not pay construction funds as agreed. */
  ownerPaidLate?: boolean;
  /** The construction funds the owner still owes: the cap of its advance (unknown: null). */
  unsettledFen?: number | null;
  /** Art. 36 ¶1: who contracted the work out to an individual or an unqualified unit. */
  contractedToUnqualifiedBy?: 'owner' | 'general_contractor' | null;
  /** Art. 36 ¶2: a contractor let another unit or person take work in its name (挂靠). */
  nameLent?: boolean;
  /** Art. 37: the project breaches spatial-planning or construction law. */
  illegalProject?: boolean;
}

export interface Liability {
  party: Party;
  /** pays = bears the arrears; pays_first = 先行清偿 then recovers; advances = 先行垫付 up to the cap. */
  duty: 'pays' | 'pays_first' | 'advances';
  /** null for the employer's own duty (Reg. Art. 16), which no LIA rule shifts. */
  ruleId: LiabilityRule | null;
  /** At most this much (fen); the whole amount owed unless capped. */
  amountFen: number;
  /** Whom the payer recovers from (追偿), if the law names it. */
  recoversFrom: Party | null;
  reason: Bilingual;
}

/**
 * LIA-01…04: who pays, in the order to pursue them. Those the law makes liable in full come first
 * (LIA-04, LIA-03, then the general contractor's 先行清偿 under LIA-01, or else the employer itself);
 * the owner's capped advance (LIA-02) backs them up. One entry per party, its strongest duty.
 */
export function liableParties(facts: LiabilityFacts): Liability[] {
  assertFen(facts.owedFen, 'owedFen');
  const out: Liability[] = [];
  const add = (l: Omit<Liability, 'amountFen'> & { amountFen?: number }) => {
    if (!out.some((o) => o.party === l.party)) out.push({ amountFen: facts.owedFen, ...l });
  };
  if (facts.illegalProject) {
    add({ party: 'owner', duty: 'pays', ruleId: 'LIA-04', recoversFrom: null, reason: { zh: `工程建设项目违反国土空间规划、工程建设等法律法规导致欠薪的，由建设单位清偿（${REG}第37条）`, en: `The project breaches planning or construction law: the owner pays (${REG_EN}, Art. 37)` } });
  }
  if (facts.contractedToUnqualifiedBy) {
    const by = facts.contractedToUnqualifiedBy;
    add({ party: by, duty: 'pays', ruleId: 'LIA-03', recoversFrom: null, reason: { zh: `${PARTIES[by].zh}将工程发包或分包给个人或不具备合法经营资格的单位导致欠薪的，由其清偿（${REG}第36条）`, en: `The ${PARTIES[by].en.toLowerCase()} contracted the work to an individual or an unqualified unit: it pays (${REG_EN}, Art. 36)` } });
  }
  if (facts.nameLent) {
    add({ party: 'name_lender', duty: 'pays', ruleId: 'LIA-03', recoversFrom: null, reason: { zh: `施工单位允许他人以其名义承揽工程导致欠薪的，由该施工单位清偿（${REG}第36条）`, en: `A contractor let others take work in its name: that contractor pays (${REG_EN}, Art. 36)` } });
  }
  if (facts.employer === 'subcontractor' || facts.transferred) {
    add({ party: 'general_contractor', duty: 'pays_first', ruleId: 'LIA-01', recoversFrom: 'subcontractor', reason: { zh: `分包单位拖欠农民工工资或工程转包的，由施工总承包单位先行清偿，再依法追偿（${REG}第30条）`, en: `A subcontractor owes the wages, or the work was transferred: the general contractor pays first and then recovers (${REG_EN}, Art. 30)` } });
  }
  if (out.length === 0) {
    const party: Party = facts.employer === 'other' ? 'employer' : facts.employer;
    add({ party, duty: 'pays', ruleId: null, recoversFrom: null, reason: { zh: `用人单位拖欠农民工工资的，应当依法清偿（${REG}第16条）`, en: `An employer that owes wages pays them (${REG_EN}, Art. 16)` } });
  }
  if (facts.ownerPaidLate) {
    const cap = facts.unsettledFen ?? null;
    if (cap !== null) assertFen(cap, 'unsettledFen');
    if (cap !== 0) {
      const capText = cap === null ? { zh: '未结清工程款（待核定）', en: 'the construction funds still owed (to be established)' } : { zh: `未结清工程款 ${yuan(cap)} 元`, en: `the ${yuan(cap)} yuan of construction funds still owed` };
      add({
        party: 'owner',
        duty: 'advances',
        ruleId: 'LIA-02',
        amountFen: cap === null ? facts.owedFen : Math.min(cap, facts.owedFen),
        recoversFrom: null,
        reason: { zh: `建设单位未按约定及时拨付工程款导致欠薪的，以${capText.zh}为限先行垫付（${REG}第29条）`, en: `The owner paid construction funds late: it advances the wages up to ${capText.en} (${REG_EN}, Art. 29)` },
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PEN-01…06 penalties

export type FineRule = 'PEN-01' | 'PEN-02' | 'PEN-03' | 'PEN-04' | 'PEN-06';
export interface FenRange {
  minFen: number;
  maxFen: number;
}
export interface FineLaw {
  article: Bilingual;
  unit: FenRange;
  /** PEN-01 also fines the legal representative and each directly responsible person. */
  individual: FenRange | null;
  /** 责令项目停工 comes with the fine. */
  stoppage: boolean;
  /** Fine only after an order to correct has passed its deadline (see fineAllowed). */
  correctionFirst: boolean;
}

/**
 * The fines of RULES.md (yuan there, fen here); "以上…以下" includes both ends. The Regulation's fines
 * (PEN-01…04) follow an unmet order to correct; 监察条例 Art. 30 (PEN-06) punishes obstruction itself.
 */
export const FINES: Record<FineRule, FineLaw> = {
  'PEN-01': { article: { zh: `${REG}第54条`, en: `${REG_EN}, Art. 54` }, unit: { minFen: 2_000_000, maxFen: 5_000_000 }, individual: { minFen: 1_000_000, maxFen: 3_000_000 }, stoppage: false, correctionFirst: true },
  'PEN-02': { article: { zh: `${REG}第55条`, en: `${REG_EN}, Art. 55` }, unit: { minFen: 5_000_000, maxFen: 10_000_000 }, individual: null, stoppage: true, correctionFirst: true },
  'PEN-03': { article: { zh: `${REG}第56条`, en: `${REG_EN}, Art. 56` }, unit: { minFen: 5_000_000, maxFen: 10_000_000 }, individual: null, stoppage: false, correctionFirst: true },
  'PEN-04': { article: { zh: `${REG}第57条`, en: `${REG_EN}, Art. 57` }, unit: { minFen: 5_000_000, maxFen: 10_000_000 }, individual: null, stoppage: true, correctionFirst: true },
  'PEN-06': { article: { zh: `${INSPECTION}第30条`, en: `${INSPECTION_EN}, Art. 30` }, unit: { minFen: 200_000, maxFen: 2_000_000 }, individual: null, stoppage: false, correctionFirst: false },
};

/** PEN-05 (监察条例 Art. 26): additional compensation of 50%–100% of the wages owed, to the worker. */
export const COMPENSATION_RATE = { min: 0.5, max: 1 } as const;

/** PEN-01…04, 06: the fine the article allows, for the unit and (PEN-01) for individuals. */
export const penaltyRange = (ruleId: FineRule): FineLaw => FINES[ruleId];

/** PEN-01…04, 06: a proposed fine must be a whole fen amount within the article's range for that party. */
export function checkPenalty(ruleId: FineRule, amountFen: number, party: 'unit' | 'individual'): Verdict {
  const law = FINES[ruleId];
  const range = party === 'unit' ? law.unit : law.individual;
  if (!range) return problem('party', `${law.article.zh}只对单位处以罚款`, `${law.article.en} fines only the unit`);
  if (!isFen(amountFen) || amountFen < range.minFen || amountFen > range.maxFen) {
    return problem(
      'amountFen',
      `罚款应在 ${yuan(range.minFen)} 元至 ${yuan(range.maxFen)} 元之间（${law.article.zh}，${ruleId}）`,
      `The fine must be between ${yuan(range.minFen)} and ${yuan(range.maxFen)} yuan (${law.article.en}, ${ruleId})`,
    );
  }
  return { ok: true };
}

/** PEN-05: the chosen rate must lie within the article's 50%–100%. */
export function checkCompensationRate(rate: number, range: { min: number; max: number } = COMPENSATION_RATE): Verdict {
  if (Number.isFinite(rate) && rate >= range.min && rate <= range.max) return { ok: true };
  return problem('rate', `加付赔偿金应为应付金额的${range.min * 100}%至${range.max * 100}%（${INSPECTION}第26条）`, `Additional compensation is ${range.min * 100}–${range.max * 100}% of the amount owed (${INSPECTION_EN}, Art. 26)`);
}

/**
 * PEN-05: additional compensation on one worker's unpaid wages (compute per worker: each receives
 * theirs). Exact integer arithmetic on the rate in millionths, rounded half up (四舍五入) to the fen.
 * A rate outside the range is a caller's error: check it first with checkCompensationRate.
 */
export function additionalCompensation(owedFen: number, rate: number): number {
  assertFen(owedFen, 'owedFen');
  if (!checkCompensationRate(rate).ok) throw new RangeError(`compensation rate must be within [0.5, 1], got ${rate}`);
  const millionths = BigInt(Math.round(rate * 1_000_000));
  return Number((BigInt(owedFen) * millionths + 500_000n) / 1_000_000n);
}

export interface CorrectionDates {
  orderIssuedOn: string | null;
  correctBy: string | null;
  correctedOn: string | null;
  today: string;
}

/**
 * "责令限期改正；逾期不改正的，处以罚款": a fine is allowed only once an order to correct was issued, its
 * deadline (a day still within time) has passed, and the violation was not corrected by then.
 * Correcting after the deadline does not undo the breach; it may lighten the fine.
 */
export function fineAllowed(d: CorrectionDates): { allowed: boolean; reason: Bilingual } {
  for (const date of [d.orderIssuedOn, d.correctBy, d.correctedOn, d.today]) if (date !== null) addDays(date, 0);
  const no = (zh: string, en: string) => ({ allowed: false, reason: { zh, en } });
  if (!d.orderIssuedOn || !d.correctBy) return no('应先责令限期改正', 'An order to correct within a time limit must come first');
  if (d.correctBy < d.orderIssuedOn) return no('改正期限早于责令改正日期', 'The correction deadline is before the order');
  if (d.correctedOn !== null && d.correctedOn <= d.correctBy) return no('已在改正期限内改正，不予罚款', 'Corrected within the time limit: no fine');
  if (d.today <= d.correctBy) return no(`改正期限至 ${d.correctBy}，尚未届满`, `The time limit runs until ${d.correctBy}`);
  return { allowed: true, reason: { zh: `逾期（${d.correctBy}）未改正，可依法处以罚款`, en: `Not corrected by ${d.correctBy}: a fine may be imposed` } };
}

// ---------------------------------------------------------------------------------------------
// Major cases and supervision

/** Ways a major case is supervised (DESIGN.md words: listedSupervision / leaderAssigned / taskForce). */
export const SUPERVISION = labels({
  listed: ['挂牌督办', 'Listed supervision'],
  leader: ['领导包案', 'Leader assigned'],
  task_force: ['专案组', 'Task force'],
});
export type Supervision = keyof typeof SUPERVISION;

/** CASE.major.* as resolved for the region; defaults are platform choices (unverified). */
export interface MajorCaseParams {
  workers: number;
  amountFen: number;
  incidentPeople: number;
}
export const MAJOR_CASE_DEFAULTS: MajorCaseParams = { workers: 30, amountFen: 50_000_000, incidentPeople: 50 };

export interface MajorCaseFacts {
  workers: number;
  claimedFen: number;
  /** A group incident caused by the arrears, with the number of people in it; null if none. */
  groupIncident: { people: number } | null;
  extremeIncident: boolean;
}

export type MajorReason = 'workers' | 'amount' | 'group_incident' | 'extreme_incident';

/**
 * Whether a case is major (重大), and why: many workers, a large amount, a group incident of 50 or
 * more people (附件4 item 10) or an extreme incident (item 11). Thresholds include the figure.
 */
export function isMajorCase(facts: MajorCaseFacts, params: MajorCaseParams): { major: boolean; reasons: { code: MajorReason; reason: Bilingual }[] } {
  const reasons: { code: MajorReason; reason: Bilingual }[] = [];
  if (facts.workers >= params.workers) reasons.push({ code: 'workers', reason: { zh: `涉及农民工 ${facts.workers} 人，达到 ${params.workers} 人`, en: `${facts.workers} workers, at least ${params.workers}` } });
  if (facts.claimedFen >= params.amountFen) reasons.push({ code: 'amount', reason: { zh: `涉及金额 ${yuan(facts.claimedFen)} 元，达到 ${yuan(params.amountFen)} 元`, en: `${yuan(facts.claimedFen)} yuan claimed, at least ${yuan(params.amountFen)}` } });
  if (facts.groupIncident && facts.groupIncident.people >= params.incidentPeople) {
    reasons.push({ code: 'group_incident', reason: { zh: `因欠薪引发 ${facts.groupIncident.people} 人群体性事件（${params.incidentPeople}人以上）`, en: `A group incident of ${facts.groupIncident.people} people (${params.incidentPeople} or more)` } });
  }
  if (facts.extremeIncident) reasons.push({ code: 'extreme_incident', reason: { zh: '因欠薪引发极端事件', en: 'The arrears caused an extreme incident' } });
  return { major: reasons.length > 0, reasons };
}

// ---------------------------------------------------------------------------------------------
// Case titles

const PROJECT_ENDING = /(工程|项目|标段|工地)$/;

/**
 * The official title, after 附件4's 「____工程拖欠____等____名农民工工资案」: the project (工程 added unless
 * the name already ends in 工程/项目/标段/工地), else the employer; one worker is named alone.
 */
export function caseTitle(t: { projectName: string | null; employerName: string | null; firstWorkerName: string | null; workerCount: number }): string {
  const project = t.projectName?.trim();
  const subject = project ? (PROJECT_ENDING.test(project) ? project : `${project}工程`) : t.employerName?.trim() || null;
  const name = t.firstWorkerName?.trim() || null;
  const n = Number.isInteger(t.workerCount) && t.workerCount > 0 ? t.workerCount : 0;
  let workers: string;
  if (n >= 2) workers = name ? `${name}等${n}名农民工` : `${n}名农民工`;
  else if (n === 1) workers = name ?? '1名农民工';
  else workers = name ?? '农民工';
  return subject ? `${subject}拖欠${workers}工资案` : `${workers}被拖欠工资案`;
}

// ---------------------------------------------------------------------------------------------
// Employer names and merging clues

const COMPANY_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '公司'];

/**
 * The name as compared: NFKC (full-width letters, digits, brackets and spaces become half-width),
 * no spaces, brackets or punctuation, lower case, and no company-form suffix. A branch (分公司) keeps it.
 */
export function normaliseEmployerName(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  if (s.endsWith('分公司')) return s;
  for (const suffix of COMPANY_SUFFIXES) {
    if (s.endsWith(suffix) && s.length > suffix.length) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}

const bigrams = (s: string): string[] => {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
};

/** Dice coefficient of the character bigrams of the normalised names: 1 the same, 0 nothing shared. */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseEmployerName(a);
  const y = normaliseEmployerName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const xs = bigrams(x);
  const counts = new Map<string, number>();
  for (const g of xs) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of bigrams(y)) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (xs.length + bigrams(y).length);
}

/** Registry employers whose names resemble a complaint's, best first (ties by id), at least `min` alike. */
export function rankEmployerMatches<T extends { id: string; name: string }>(name: string, candidates: readonly T[], opts: { min?: number; limit?: number } = {}): (T & { score: number })[] {
  const { min = 0.75, limit = 5 } = opts;
  return candidates
    .map((c) => ({ ...c, score: nameSimilarity(name, c.name) }))
    .filter((c) => c.score >= min)
    .sort((p, q) => q.score - p.score || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0))
    .slice(0, limit);
}

export interface OpenClue {
  id: string;
  projectId: string | null;
  employerId: string | null;
  employerCreditCode: string | null;
  employerName: string;
  receivedOn: string;
}

/** Weakest link first: the official should check a name match more closely than a registry match. */
export type MergeReason = 'same_project' | 'same_employer_id' | 'same_credit_code' | 'same_employer_name';
export const MERGE_REASONS = labels({
  same_project: ['同一项目', 'The same project'],
  same_employer_id: ['同一用人单位（登记库）', 'The same employer (registry)'],
  same_credit_code: ['同一统一社会信用代码', 'The same unified social credit code'],
  same_employer_name: ['用人单位名称相同（规范化后）', 'The same employer name (normalised)'],
});
const STRENGTH: Record<MergeReason, number> = { same_project: 3, same_employer_id: 2, same_credit_code: 1, same_employer_name: 0 };

export interface MergeProposal {
  /** The earliest clue: the others merge into it. */
  primaryId: string;
  /** All clues of the group, earliest first. */
  clueIds: string[];
  reason: MergeReason;
}

/**
 * Groups of ≥ 2 open clues about the same matter: the same project; or, for clues without a project,
 * the same employer by registry id, credit code, else normalised name. A name joins a clue with no id
 * or code to an identified employer only when the name points to one employer. Sorted, deterministic.
 */
export function proposeMerges(clues: readonly OpenClue[]): MergeProposal[] {
  const sorted = [...clues].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const parent = sorted.map((_, i) => i);
  const weakest = new Map<number, MergeReason>();
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const link = (i: number, j: number, reason: MergeReason) => {
    const [a, b] = [find(i), find(j)];
    if (a === b) return;
    const root = Math.min(a, b);
    const reasons = [weakest.get(a), weakest.get(b), reason].filter((r): r is MergeReason => r !== undefined);
    parent[Math.max(a, b)] = root;
    weakest.set(root, reasons.reduce((w, r) => (STRENGTH[r] < STRENGTH[w] ? r : w)));
  };
  const linkBy = (key: (c: OpenClue) => string | null, among: number[], reason: MergeReason) => {
    const first = new Map<string, number>();
    for (const i of among) {
      const k = key(sorted[i]);
      if (!k) continue;
      const f = first.get(k);
      if (f === undefined) first.set(k, i);
      else link(f, i, reason);
    }
  };
  const all = sorted.map((_, i) => i);
  const projectless = all.filter((i) => !sorted[i].projectId);
  const code = (c: OpenClue) => c.employerCreditCode?.trim().toUpperCase() || null;
  linkBy((c) => c.projectId, all, 'same_project');
  linkBy((c) => c.employerId, projectless, 'same_employer_id');
  linkBy(code, projectless, 'same_credit_code');
  // By name: anonymous clues (no id, no code) with the same name join each other, and the identified
  // employer too when the name leads to exactly one.
  const byName = new Map<string, number[]>();
  for (const i of projectless) {
    const n = normaliseEmployerName(sorted[i].employerName);
    if (n) byName.set(n, [...(byName.get(n) ?? []), i]);
  }
  for (const members of byName.values()) {
    const anonymous = members.filter((i) => !sorted[i].employerId && !code(sorted[i]));
    if (anonymous.length === 0) continue;
    const identified = new Set(members.filter((i) => !anonymous.includes(i)).map(find));
    const targets = identified.size === 1 ? [...anonymous, [...identified][0]] : anonymous;
    for (const i of targets.slice(1)) link(targets[0], i, 'same_employer_name');
  }
  const groups = new Map<number, number[]>();
  for (const i of all) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  return [...groups.entries()]
    .filter(([, members]) => members.length >= 2)
    .sort(([a], [b]) => a - b)
    .map(([root, members]) => {
      const ids = members.sort((a, b) => a - b).map((i) => sorted[i].id);
      return { primaryId: ids[0], clueIds: ids, reason: weakest.get(root)! };
    });
}

// ---------------------------------------------------------------------------------------------
// Closing a case

export interface WorkerClaim {
  workerName: string;
  foundOwedFen: number;
  recoveredFen: number;
  /** moved = formally moved to another procedure (arbitration, court, police). */
  status: 'open' | 'paid' | 'moved';
  confirmedByWorker: boolean;
}

export interface Closability {
  closable: boolean;
  blocking: { workerName: string; index: number; reason: Bilingual }[];
  /** Paid in full but the worker has not confirmed receipt: a follow-up (回访), not a blocker. */
  unconfirmed: { workerName: string; index: number }[];
}

/**
 * A case closes only when every listed worker is paid in full (recovered ≥ found owed) or formally
 * moved to another procedure. Returns the workers in the way, with the amount still short.
 */
export function closable(workers: readonly WorkerClaim[]): Closability {
  const blocking: Closability['blocking'] = [];
  const unconfirmed: Closability['unconfirmed'] = [];
  workers.forEach((w, index) => {
    assertFen(w.foundOwedFen, 'foundOwedFen');
    assertFen(w.recoveredFen, 'recoveredFen');
    if (w.status === 'moved') return;
    const shortFen = w.foundOwedFen - w.recoveredFen;
    if (shortFen > 0) {
      const reason =
        w.status === 'paid'
          ? { zh: `标记为已支付，但仍差 ${yuan(shortFen)} 元`, en: `Marked paid but ${yuan(shortFen)} yuan short` }
          : { zh: `尚欠 ${yuan(shortFen)} 元未支付`, en: `${yuan(shortFen)} yuan still unpaid` };
      blocking.push({ workerName: w.workerName, index, reason });
    } else if (!w.confirmedByWorker) unconfirmed.push({ workerName: w.workerName, index });
  });
  return { closable: blocking.length === 0, blocking, unconfirmed };
}

/**
 * The case's sums. Outstanding is per worker (an overpayment to one never offsets another) and leaves
 * out workers moved to another procedure, whose shortfall is `movedFen`.
 */
export function totals(workers: readonly WorkerClaim[]): { foundOwedFen: number; recoveredFen: number; outstandingFen: number; movedFen: number } {
  let foundOwedFen = 0;
  let recoveredFen = 0;
  let outstandingFen = 0;
  let movedFen = 0;
  for (const w of workers) {
    assertFen(w.foundOwedFen, 'foundOwedFen');
    assertFen(w.recoveredFen, 'recoveredFen');
    foundOwedFen += w.foundOwedFen;
    recoveredFen += w.recoveredFen;
    const short = Math.max(0, w.foundOwedFen - w.recoveredFen);
    if (w.status === 'moved') movedFen += short;
    else outstandingFen += short;
  }
  return { foundOwedFen, recoveredFen, outstandingFen, movedFen };
}

// ---------------------------------------------------------------------------------------------
// Who pays the workers

/**
 * Where the money that reached the workers came from. In the order of use (RULES.md §10): the employer
 * or the general contractor (先行清偿), the owner's advance up to the unsettled construction funds
 * (Reg. Art. 29), the wage deposit (65号), then the emergency fund (Reg. Art. 63); recovery (追偿) after.
 */
export const PAYMENT_SOURCES = labels({
  employer: ['用人单位支付', 'Paid by the employer'],
  general_contractor: ['总承包先行清偿', 'Paid first by the general contractor'],
  owner: ['建设单位垫付', 'Advanced by the owner'],
  deposit: ['工资保证金支付', 'Paid from the wage deposit'],
  emergency_fund: ['应急周转金垫付', 'Advanced from the emergency fund'],
});
export type PaymentSource = keyof typeof PAYMENT_SOURCES;
