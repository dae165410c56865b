import type { Bilingual } from '../../platform/errors';
import type { RegionLevel } from '../regions/regions.rules';
import { labels } from '../../platform/labels';
import { fenToYuanText } from '../../platform/money';

/**
 * The law of the project ledger (在建项目台账), pure: classification (the 涧西区 four classes that
 * route warnings and cases), status transitions, and the compliance checks PRJ-01…PRJ-06 and RN-05.
 */

export const PROJECT_INDUSTRIES = labels({
  building: ['房屋建筑', 'Building construction'],
  municipal: ['市政', 'Municipal works'],
  transport: ['交通', 'Transport'],
  water: ['水利', 'Water resources'],
  railway: ['铁路', 'Railway'],
  aviation: ['民航', 'Civil aviation'],
  telecom: ['通信', 'Telecommunications'],
  power: ['电力', 'Electric power'],
  other: ['其他', 'Other'],
});
export type ProjectIndustry = keyof typeof PROJECT_INDUSTRIES;

/** The department (the `orgs` industry an industry official is scoped to) that supervises a project of this industry. */
const SUPERVISING: Record<ProjectIndustry, 'housing' | 'transport' | 'water' | 'other'> = {
  building: 'housing',
  municipal: 'housing',
  transport: 'transport',
  water: 'water',
  railway: 'other',
  aviation: 'other',
  telecom: 'other',
  power: 'other',
  other: 'other',
};
export const supervisingIndustry = (industry: ProjectIndustry) => SUPERVISING[industry];

export const INVESTMENT_TYPES = labels({
  government: ['政府投资', 'Government investment'],
  soe: ['国企投资', 'State-owned enterprise'],
  ppp: ['政府与社会资本合作', 'Public-private partnership'],
  private: ['社会投资', 'Private investment'],
});
export type InvestmentType = keyof typeof INVESTMENT_TYPES;

/** The four classes of the 涧西区 plan (seed 003): they decide who answers for a warning or a case. */
export const OWNERSHIP_TIERS = labels({
  district: ['区属', 'District'],
  city: ['市属', 'City'],
  soe: ['国企', 'State-owned enterprise'],
  private: ['社会', 'Private'],
});
export type OwnershipTier = keyof typeof OWNERSHIP_TIERS;

/**
 * 区属 covers district-funded projects, district enterprises' projects and PPP projects; 市属 those
 * the city finances; 国企 and 社会 follow the investor. A government project's tier is the level of
 * the department that owns it; without one it is taken as the district's.
 */
export function deriveOwnershipTier(investmentType: InvestmentType, competentUnitLevel: RegionLevel | null): OwnershipTier {
  switch (investmentType) {
    case 'government':
      return competentUnitLevel !== null && competentUnitLevel <= 2 ? 'city' : 'district';
    case 'ppp':
      return 'district';
    case 'soe':
      return 'soe';
    case 'private':
      return 'private';
  }
}

export const PROJECT_STATUSES = labels({
  not_started: ['未开工', 'Not started'],
  in_progress: ['在建', 'Under construction'],
  suspended: ['停工', 'Suspended'],
  completed: ['完工', 'Completed'],
  accepted: ['竣工验收', 'Accepted on completion'],
});
export type ProjectStatus = keyof typeof PROJECT_STATUSES;

const TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  not_started: ['in_progress'],
  in_progress: ['suspended', 'completed'],
  suspended: ['in_progress', 'completed'],
  completed: ['accepted', 'in_progress'],
  accepted: [],
};

export interface StatusChangeFacts {
  from: ProjectStatus;
  to: ProjectStatus;
  laborOfficerName: string | null;
}

/**
 * Whether the ledger may move to `to`. RN-05 (Reg. Art. 28): works may not be under way without the
 * general contractor's 劳资专管员 named on the project.
 */
export function checkStatusChange(f: StatusChangeFacts): { ok: true } | { ok: false; reason: Bilingual } {
  if (!TRANSITIONS[f.from].includes(f.to)) {
    return {
      ok: false,
      reason: {
        zh: `项目状态不能从“${PROJECT_STATUSES[f.from].zh}”变为“${PROJECT_STATUSES[f.to].zh}”`,
        en: `A project cannot go from ${PROJECT_STATUSES[f.from].en} to ${PROJECT_STATUSES[f.to].en}`,
      },
    };
  }
  if (f.to === 'in_progress' && !f.laborOfficerName) {
    return { ok: false, reason: { zh: '开工前须登记总承包单位的劳资专管员（条例第28条）', en: 'Name the labour officer before works start (Reg. Art. 28)' } };
  }
  return { ok: true };
}

/** The three content groups Art. 34 requires on the 维权信息告示牌 (PRJ-05). */
export const BOARD_CONTENTS = labels({
  parties: ['建设单位、总包、分包、主管部门及劳资专管员信息', 'Parties, competent department and labour officer'],
  wage_info: ['当地最低工资标准和工资支付日期', 'Local minimum wage and pay date'],
  hotlines: ['投诉举报电话、劳动争议调解仲裁和法律援助渠道', 'Complaint hotlines, mediation, arbitration and legal aid'],
});
export type BoardContent = keyof typeof BOARD_CONTENTS;

export type CheckState = 'met' | 'not_met' | 'not_applicable' | 'not_tracked';

export interface ComplianceItem {
  rule: string;
  state: CheckState;
  label: Bilingual;
  detail?: Bilingual;
}

export interface ComplianceFacts {
  /** The date the project entered the ledger (Asia/Shanghai). */
  registeredOn: string;
  plannedStart: string;
  actualStart: string | null;
  laborOfficerName: string | null;
  meteringCycle: string | null;
  settlementMethod: string | null;
  laborCostShareBp: number | null;
  allocationCycleMonths: number | null;
  investmentType: InvestmentType;
  fundsInPlace: boolean | null;
  paymentGuarantee: boolean;
  boardSetUp: boolean;
  boardContents: readonly string[];
  /** Workers on the roster now (实名制). */
  openEmployments: number;
  params: { maxAllocationCycleMonths: number; paymentGuaranteeRequired: boolean };
  /** What the money modules know (see projects.compliance.ts); an item without its facts stays `not_tracked`. */
  money?: MoneyFacts;
}

export interface MoneyFacts {
  /** The project's wage account that is not closed, if any. */
  wageAccount?: { open: boolean; frozen: boolean };
  /** The deposit's state as the deposits module assesses it (exempt, lodged, missing, short…). */
  deposit?: { state: string; shortfallFen: number };
  /** Payrolls due by now, payouts paid through the account, payrolls unpaid past their due day. */
  payouts?: { due: number; paidThroughAccount: number; overdueUnpaid: number };
}

const DEPOSIT_HELD = new Set(['lodged', 'awaiting_top_up', 'return_applied', 'returned']);

const met = (rule: string, label: Bilingual, ok: boolean, detail?: Bilingual): ComplianceItem => ({
  rule,
  state: ok ? 'met' : 'not_met',
  label,
  ...(ok || !detail ? {} : { detail }),
});

/**
 * PRJ-01…PRJ-06 for one project. The items other modules prove (the wage account, the deposit,
 * payment through the account) come from their facts; without them an item is `not_tracked`, never guessed.
 */
export function complianceChecklist(f: ComplianceFacts): ComplianceItem[] {
  const start = f.actualStart ?? f.plannedStart;
  const registeredInTime = f.registeredOn <= start;
  const prj01 = met('PRJ-01', { zh: '开工前录入项目信息（含劳资专管员）', en: 'Project entered before works start, with its labour officer' }, registeredInTime && !!f.laborOfficerName, {
    zh: !registeredInTime ? `开工日期 ${start} 早于录入日期 ${f.registeredOn}` : '未登记劳资专管员',
    en: !registeredInTime ? `Works started ${start}, before entry on ${f.registeredOn}` : 'No labour officer named',
  });
  const missingTerms = [
    !f.meteringCycle && { zh: '计量周期', en: 'metering cycle' },
    !f.settlementMethod && { zh: '进度款结算方式', en: 'settlement method' },
    f.laborCostShareBp === null && { zh: '人工费用比例', en: 'labour-cost share' },
    f.allocationCycleMonths === null && { zh: '人工费用拨付周期', en: 'labour-cost cycle' },
  ].filter((x): x is Bilingual => !!x);
  const cycleTooLong = f.allocationCycleMonths !== null && f.allocationCycleMonths > f.params.maxAllocationCycleMonths;
  const prj02 = met('PRJ-02', { zh: '施工合同约定计量周期、结算方式及人工费用拨付', en: 'Contract states metering, settlement and labour-cost terms' }, missingTerms.length === 0 && !cycleTooLong, {
    zh: cycleTooLong ? `人工费用拨付周期 ${f.allocationCycleMonths} 个月，超过 ${f.params.maxAllocationCycleMonths} 个月` : `缺少：${missingTerms.map((t) => t.zh).join('、')}`,
    en: cycleTooLong ? `Labour-cost cycle of ${f.allocationCycleMonths} months exceeds ${f.params.maxAllocationCycleMonths}` : `Missing: ${missingTerms.map((t) => t.en).join(', ')}`,
  });
  const guaranteeLabel = { zh: '建设单位提供工程款支付担保', en: 'Owner gives a payment guarantee' };
  const prj03: ComplianceItem = f.params.paymentGuaranteeRequired
    ? met('PRJ-03', guaranteeLabel, f.paymentGuarantee, { zh: '未提供工程款支付担保', en: 'No payment guarantee' })
    : { rule: 'PRJ-03', state: 'not_applicable', label: guaranteeLabel };
  const fundsLabel = { zh: '政府投资项目资金已落实，不由施工单位垫资', en: 'Government project funded, not on contractor advances' };
  const prj04: ComplianceItem =
    f.investmentType === 'government'
      ? met('PRJ-04', fundsLabel, f.fundsInPlace === true, { zh: '建设资金未落实', en: 'Funds not in place' })
      : { rule: 'PRJ-04', state: 'not_applicable', label: fundsLabel };
  const missingBoard = (Object.keys(BOARD_CONTENTS) as BoardContent[]).filter((c) => !f.boardContents.includes(c));
  const prj05 = met('PRJ-05', { zh: '设置维权信息告示牌（三类内容齐全）', en: 'Rights-information board with all three content groups' }, f.boardSetUp && missingBoard.length === 0, {
    zh: !f.boardSetUp ? '未设置维权信息告示牌' : `告示牌缺少：${missingBoard.map((c) => BOARD_CONTENTS[c].zh).join('；')}`,
    en: !f.boardSetUp ? 'No board on site' : `Board lacks: ${missingBoard.map((c) => BOARD_CONTENTS[c].en).join('; ')}`,
  });
  const notTracked = (label: Bilingual): ComplianceItem => ({
    rule: 'PRJ-06',
    state: 'not_tracked',
    label,
    detail: { zh: '由工资专户、保证金、工资表模块核验（未接入）', en: 'Verified by the wage-account, deposit and payroll modules (not connected)' },
  });
  const depositLabel = { zh: '5+1：工资保证金', en: '5+1: wage deposit' };
  const accountLabel = { zh: '5+1：工资专用账户', en: '5+1: dedicated wage account' };
  const payoutLabel = { zh: '5+1：总包代发工资', en: '5+1: payment by the general contractor' };
  const { wageAccount, deposit, payouts } = f.money ?? {};
  const depositItem: ComplianceItem = !deposit
    ? notTracked(depositLabel)
    : deposit.state === 'exempt'
      ? { rule: 'PRJ-06', state: 'not_applicable', label: depositLabel, detail: { zh: '依规免缴', en: 'Exempt by the rules' } }
      : met('PRJ-06', depositLabel, DEPOSIT_HELD.has(deposit.state), {
          zh: deposit.state === 'top_up_overdue' ? '动用后逾期未补足' : `未足额缴存，差额${fenToYuanText(deposit.shortfallFen)}元`,
          en: deposit.state === 'top_up_overdue' ? 'Not topped up after a draw' : `Short by ¥${fenToYuanText(deposit.shortfallFen)}`,
        });
  const accountItem: ComplianceItem = !wageAccount
    ? notTracked(accountLabel)
    : met('PRJ-06', accountLabel, wageAccount.open && !wageAccount.frozen, wageAccount.open ? { zh: '专户已冻结', en: 'The account is frozen' } : { zh: '尚未开立工资专用账户', en: 'No wage account opened' });
  const payoutItem: ComplianceItem = !payouts
    ? notTracked(payoutLabel)
    : payouts.due === 0
      ? { rule: 'PRJ-06', state: 'not_applicable', label: payoutLabel, detail: { zh: '尚无到期应发的工资', en: 'No wages due yet' } }
      : met('PRJ-06', payoutLabel, payouts.overdueUnpaid === 0 && payouts.paidThroughAccount > 0, {
          zh: payouts.overdueUnpaid > 0 ? `${payouts.overdueUnpaid}份工资表逾期未足额发放` : '尚无经专户代发的工资',
          en: payouts.overdueUnpaid > 0 ? `${payouts.overdueUnpaid} payrolls unpaid past their due day` : 'No wages paid through the account yet',
        });
  const sixItems: ComplianceItem[] = [
    met('PRJ-06', { zh: '5+1：实名制管理', en: '5+1: real-name registry' }, f.openEmployments > 0, { zh: '花名册无在场人员', en: 'No worker on the roster' }),
    depositItem,
    accountItem,
    payoutItem,
    { ...prj05, rule: 'PRJ-06', label: { zh: '5+1：维权信息告示牌', en: '5+1: rights-information board' } },
    { ...prj03, rule: 'PRJ-06', label: { zh: '5+1：工程款支付担保', en: '5+1: payment guarantee' } },
  ];
  return [prj01, prj02, prj03, prj04, prj05, ...sixItems];
}

/**
 * PAY-06 (Reg. Art. 28): the employment ledger is kept until completion and full settlement, then
 * `retentionYears` more. Null while the project is not yet settled: nothing may go before then.
 */
export function employmentLedgerRetainedUntil(settledOn: string | null, retentionYears: number): string | null {
  if (!settledOn) return null;
  const [y, m, d] = settledOn.split('-').map(Number);
  const until = new Date(Date.UTC(y + retentionYears, m - 1, d));
  // 29 February plus whole years lands on 1 March in a common year, which is the later and safer day.
  return until.toISOString().slice(0, 10);
}
