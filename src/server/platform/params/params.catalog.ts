import { defineParams } from './params.registry';
import type { ParamDef } from './params.types';

/**
 * The legal parameters that exist from the start, from the rules table of RULES.md (and the
 * security bar of SECURITY.md). Amounts there are yuan; here they are fen. Modules built later
 * declare theirs with `defineParams`.
 */

interface Law {
  zh: string;
  en: string;
}

const REG: Law = { zh: '《保障农民工工资支付条例》（国务院令第724号）', en: 'Regulation on Ensuring Wage Payment to Migrant Workers (State Council Decree No. 724)' };
const ACCOUNTS: Law = { zh: '《工程建设领域农民工工资专用账户管理暂行办法》（人社部发〔2021〕53号）', en: 'Interim Measures on the Dedicated Migrant-Worker Wage Account (MOHRSS [2021] No. 53)' };
const DEPOSITS: Law = { zh: '《工程建设领域农民工工资保证金规定》（人社部发〔2021〕65号）', en: 'Rules on the Migrant-Worker Wage Guarantee Deposit (MOHRSS [2021] No. 65)' };
const FUJIAN: Law = { zh: '福建省工程建设领域农民工工资保证金规定（2024年）', en: 'Fujian wage guarantee deposit rules (2024)' };
const INSPECTION: Law = { zh: '《劳动保障监察条例》（国务院令第423号）', en: 'Regulation on Labour Security Inspection (State Council Decree No. 423)' };
const INSPECTION_RULES: Law = {
  zh: '《关于实施〈劳动保障监察条例〉若干规定》（劳社部令第25号）',
  en: 'Provisions on Implementing the Regulation on Labour Security Inspection (MOLSS Decree No. 25)',
};
const BLACKLIST: Law = {
  zh: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人社部令第45号）',
  en: 'Interim Measures on the Wage-Arrears Joint-Punishment List (MOHRSS Decree No. 45)',
};
const SETTLEMENT: Law = { zh: '《关于完善建设工程价款结算有关办法的通知》（财建〔2022〕183号）', en: 'Notice on Improving the Settlement of Construction Prices (Cai Jian [2022] No. 183)' };
const CRIME: Law = {
  zh: '《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》（法释〔2013〕3号）第3条；各省高级人民法院数额标准',
  en: 'SPC Interpretation on Criminal Cases of Refusing to Pay Labour Remuneration (Fa Shi [2013] No. 3), Art. 3; provincial high-court thresholds',
};
const CLUE_127: Law = {
  zh: '全国根治欠薪线索反映平台“127”处置机制（地方实践）',
  en: 'The "127" practice for clues from the national wage-arrears clue platform (local practice)',
};
const WARNING_PRACTICE: Law = { zh: '预警处置时限（省级平台实践归纳）', en: 'Warning disposal deadlines (synthesised from provincial platforms)' };

const cite = (law: Law, zh: string, en: string, source: string) => ({ zh: `${law.zh}${zh}`, en: `${law.en}${en}`, source });

const WD = { zh: '个工作日', en: 'working days' };
const DAYS = { zh: '天', en: 'days' };
const MONTHS = { zh: '个月', en: 'months' };
const YEARS = { zh: '年', en: 'years' };
const FEN = { zh: '分', en: 'fen' };

export const PLATFORM_PARAMS: readonly ParamDef[] = [
  // Wage payment and ledgers
  {
    id: 'PAY-02.graceUntil',
    module: 'payroll',
    name: { zh: '工资最迟支付至提供劳动当月后第N个月月末', en: 'Wages due by the end of the Nth month after the month worked' },
    type: 'duration_months',
    unit: MONTHS,
    default: 1,
    min: 0,
    max: 1,
    regionOverridable: true,
    citation: cite(REG, '第12—14条', ', Arts. 12–14', 'RULES.md PAY-02 (Reg. Arts. 12–14)'),
  },
  {
    id: 'PAY-04.ledgerRetentionYears',
    module: 'payroll',
    name: { zh: '工资支付台账保存年限', en: 'Wage-payment ledger retention' },
    type: 'duration_years',
    unit: YEARS,
    default: 3,
    min: 3,
    regionOverridable: false,
    citation: cite(REG, '第15条', ', Art. 15', 'RULES.md PAY-04 (Reg. Art. 15)'),
  },
  {
    id: 'PAY-06.employmentLedgerRetentionYears',
    module: 'workforce',
    name: { zh: '用工管理台账保存年限（工程完工且工资结清后）', en: 'Employment ledger retention after completion and full settlement' },
    type: 'duration_years',
    unit: YEARS,
    default: 3,
    min: 3,
    regionOverridable: false,
    citation: cite(REG, '第28条', ', Art. 28', 'RULES.md PAY-06 (Reg. Art. 28)'),
  },

  // Dedicated wage account (专户)
  {
    id: 'ACC-02.openWithinDays',
    module: 'accounts',
    name: { zh: '签订施工合同后开立工资专用账户期限', en: 'Open the dedicated wage account within, after signing the construction contract' },
    type: 'duration_days',
    unit: DAYS,
    default: 30,
    min: 1,
    max: 30,
    regionOverridable: true,
    citation: cite(ACCOUNTS, '（江苏省苏人社规〔2022〕3号第3条转述）', ' (restated by Jiangsu Su Ren She Gui [2022] No. 3, Art. 3)', 'RULES.md ACC-02 (53号 via 苏人社规〔2022〕3号 Art. 3)'),
  },
  {
    id: 'ACC-04.maxDisbursementCycleMonths',
    module: 'accounts',
    name: { zh: '人工费用拨付周期上限', en: 'Longest labour-cost disbursement cycle' },
    type: 'duration_months',
    unit: MONTHS,
    default: 1,
    min: 1,
    max: 1,
    regionOverridable: false,
    citation: cite(REG, '第24条', ', Art. 24', 'RULES.md ACC-04 (Reg. Art. 24; Beijing 2023)'),
  },
  {
    id: 'ACC-07.closeNoticeDays',
    module: 'accounts',
    name: { zh: '专用账户销户前公示天数', en: 'Public notice before closing the dedicated wage account' },
    type: 'duration_days',
    unit: DAYS,
    default: 30,
    min: 30,
    regionOverridable: false,
    citation: cite(REG, '第27条', ', Art. 27', 'RULES.md ACC-07 (Reg. Art. 27)'),
  },

  // Wage guarantee deposit (保证金)
  {
    id: 'DEP-01.ratio',
    module: 'deposits',
    name: { zh: '工资保证金缴存比例（占合同金额）', en: 'Wage deposit as a share of the contract amount' },
    type: 'ratio',
    default: 0.015,
    min: 0.01,
    max: 0.03,
    regionOverridable: true,
    unverified: true,
    citation: {
      zh: `${DEPOSITS.zh}（1%—3%区间†）；${FUJIAN.zh}（1.5%）`,
      en: `${DEPOSITS.en} (1–3% band†); ${FUJIAN.en} (1.5%)`,
      source: 'RULES.md DEP-01 (65号 (band†); Fujian 2024 (1.5%))',
    },
  },
  {
    id: 'DEP-02.cap',
    module: 'deposits',
    name: { zh: '单个项目工资保证金存储上限', en: 'Deposit cap per project' },
    type: 'money_fen',
    unit: FEN,
    default: 500_000_000,
    regionOverridable: true,
    citation: cite(FUJIAN, '（500万元）', ' (¥5,000,000)', 'RULES.md DEP-02 (Fujian 2024)'),
  },
  {
    id: 'DEP-04.exemptBelow',
    module: 'deposits',
    name: { zh: '免缴保证金的合同金额标准（上年无欠薪）', en: 'Deposit exemption below this contract amount (no arrears in the prior year)' },
    type: 'money_fen',
    unit: FEN,
    default: 400_000_000,
    regionOverridable: true,
    citation: {
      zh: `${FUJIAN.zh}（400万元）；${DEPOSITS.zh}（全国约300万元†）`,
      en: `${FUJIAN.en} (¥4,000,000); ${DEPOSITS.en} (national about ¥3,000,000†)`,
      source: 'RULES.md DEP-04 (Fujian 2024; 65号†)',
    },
  },
  {
    id: 'DEP-10.topUpWithinWD',
    module: 'deposits',
    name: { zh: '保证金动用后补足期限', en: 'Top up the deposit after use within' },
    type: 'duration_wd',
    unit: WD,
    default: 10,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: cite(DEPOSITS, '†', '†', 'RULES.md DEP-10 (65号†, secondary corroboration)'),
  },

  // Complaints, clues and cases
  {
    id: 'CASE-01.acceptWithinWD',
    module: 'cases',
    name: { zh: '投诉受理（或不予受理）期限', en: 'Accept a complaint, or refuse it in writing, within' },
    type: 'duration_wd',
    unit: WD,
    default: 5,
    min: 1,
    regionOverridable: false,
    citation: cite(INSPECTION_RULES, '第18条', ', Art. 18', 'RULES.md CASE-01 (劳社部令25号 Art. 18)'),
  },
  {
    id: 'CASE-02.limitationYears',
    module: 'cases',
    name: { zh: '违法行为查处时效', en: 'Limitation period for violations' },
    type: 'duration_years',
    unit: YEARS,
    default: 2,
    min: 2,
    max: 2,
    regionOverridable: false,
    citation: cite(INSPECTION, '第20条', ', Art. 20', 'RULES.md CASE-02 (监察条例 Art. 20)'),
  },
  {
    id: 'CASE-03.investigateWD',
    module: 'cases',
    name: { zh: '立案调查办结期限', en: 'Complete the investigation within, from filing' },
    type: 'duration_wd',
    unit: WD,
    default: 60,
    min: 1,
    regionOverridable: false,
    citation: cite(INSPECTION, '第17条', ', Art. 17', 'RULES.md CASE-03 (监察条例 Art. 17)'),
  },
  {
    id: 'CASE-03.extensionWD',
    module: 'cases',
    name: { zh: '经负责人批准可延长调查期限', en: 'Investigation extension with the head’s approval' },
    type: 'duration_wd',
    unit: WD,
    default: 30,
    regionOverridable: false,
    citation: cite(INSPECTION, '第17条', ', Art. 17', 'RULES.md CASE-03 (监察条例 Art. 17)'),
  },
  {
    id: 'CASE-04.minInspectors',
    module: 'cases',
    name: { zh: '调查检查最少劳动保障监察员人数', en: 'Minimum inspectors per investigation' },
    type: 'integer',
    unit: { zh: '人', en: 'inspectors' },
    default: 2,
    min: 2,
    regionOverridable: false,
    citation: cite(INSPECTION, '第16条', ', Art. 16', 'RULES.md CASE-04 (监察条例 Art. 16)'),
  },
  {
    id: 'CASE-05.transferWithinWD',
    module: 'cases',
    name: { zh: '首问负责制下转办期限', en: 'Transfer a matter outside one’s remit within (first-contact responsibility)' },
    type: 'duration_wd',
    unit: WD,
    default: 1,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: cite(REG, '第10条（未规定天数†）', ', Art. 10 (no day count given†)', 'RULES.md CASE-05 (Reg. Art. 10)'),
  },
  {
    id: 'CASE-06.respondWD',
    module: 'cases',
    name: { zh: '欠薪线索响应时限', en: 'Respond to a wage-arrears clue within' },
    type: 'duration_wd',
    unit: WD,
    default: 1,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: cite(CLUE_127, '', '', 'RULES.md CASE-06 (local practice, §8.1)'),
  },
  {
    id: 'CASE-06.verifyWD',
    module: 'cases',
    name: { zh: '欠薪线索核实时限', en: 'Verify a wage-arrears clue within' },
    type: 'duration_wd',
    unit: WD,
    default: 2,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: cite(CLUE_127, '', '', 'RULES.md CASE-06 (local practice, §8.1)'),
  },
  {
    id: 'CASE-06.closeWD',
    module: 'cases',
    name: { zh: '欠薪线索办结时限', en: 'Close a wage-arrears clue within' },
    type: 'duration_wd',
    unit: WD,
    default: 7,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: cite(CLUE_127, '', '', 'RULES.md CASE-06 (local practice, §8.1)'),
  },
  {
    id: 'CRM-01.oneWorkerAmount',
    module: 'cases',
    name: { zh: '拒不支付劳动报酬罪“数额较大”：拒不支付一名劳动者三个月以上', en: '“Large amount”: one worker unpaid for three months or more' },
    type: 'money_fen',
    unit: FEN,
    default: 1_000_000,
    min: 500_000,
    max: 2_000_000,
    regionOverridable: true,
    citation: {
      zh: `${CRIME.zh}（5千至2万元；辽宁、湖北、贵州1万元）`,
      en: `${CRIME.en} (¥5,000–20,000; Liaoning, Hubei, Guizhou ¥10,000)`,
      source: 'RULES.md CRM-01 (法释〔2013〕3号 Art. 3; provincial HPC notices)',
    },
  },
  {
    id: 'CRM-01.tenWorkersAmount',
    module: 'cases',
    name: { zh: '拒不支付劳动报酬罪“数额较大”：拒不支付十名以上劳动者', en: '“Large amount”: ten or more workers unpaid, in total' },
    type: 'money_fen',
    unit: FEN,
    default: 5_000_000,
    min: 3_000_000,
    max: 10_000_000,
    regionOverridable: true,
    citation: {
      zh: `${CRIME.zh}（3万至10万元；辽宁、湖北、贵州5万元）`,
      en: `${CRIME.en} (¥30,000–100,000; Liaoning, Hubei, Guizhou ¥50,000)`,
      source: 'RULES.md CRM-01 (法释〔2013〕3号 Art. 3; provincial HPC notices)',
    },
  },

  // Blacklist (失信联合惩戒对象名单)
  {
    id: 'BL-02.objectionWD',
    module: 'credit',
    name: { zh: '列入名单告知后的异议期', en: 'Objection period after the prior notice of listing' },
    type: 'duration_wd',
    unit: WD,
    default: 5,
    regionOverridable: false,
    citation: cite(BLACKLIST, '第6条', ', Art. 6', 'RULES.md BL-02 (45号 Art. 6)'),
  },
  {
    id: 'BL-02.replyWD',
    module: 'credit',
    name: { zh: '异议核实答复期限', en: 'Verify and reply to an objection within' },
    type: 'duration_wd',
    unit: WD,
    default: 5,
    regionOverridable: false,
    citation: cite(BLACKLIST, '第6条', ', Art. 6', 'RULES.md BL-02 (45号 Art. 6)'),
  },
  {
    id: 'BL-04.decideWD',
    module: 'credit',
    name: { zh: '支付期限届满后作出列入决定的期限', en: 'Decide on listing within, after the payment deadline expires' },
    type: 'duration_wd',
    unit: WD,
    default: 20,
    regionOverridable: false,
    citation: cite(BLACKLIST, '第8条', ', Art. 8', 'RULES.md BL-04 (45号 Art. 8)'),
  },
  {
    id: 'BL-04.extendWD',
    module: 'credit',
    name: { zh: '列入决定经批准可延长期限', en: 'Extension of the listing decision with the head’s approval' },
    type: 'duration_wd',
    unit: WD,
    default: 20,
    regionOverridable: false,
    citation: cite(BLACKLIST, '第8条', ', Art. 8', 'RULES.md BL-04 (45号 Art. 8)'),
  },
  {
    id: 'BL-06.listYears',
    module: 'credit',
    name: { zh: '列入名单期限（自列入决定之日起）', en: 'Time on the list, from the listing decision' },
    type: 'duration_years',
    unit: YEARS,
    default: 3,
    regionOverridable: false,
    citation: cite(BLACKLIST, '第11条', ', Art. 11', 'RULES.md BL-06 (45号 Art. 11)'),
  },
  {
    id: 'BL-07.earlyRemovalMonths',
    module: 'credit',
    name: { zh: '申请提前移出须自改正之日起满', en: 'Early removal possible once this long has passed since correction' },
    type: 'duration_months',
    unit: MONTHS,
    default: 6,
    regionOverridable: false,
    citation: cite(BLACKLIST, '第12—13条', ', Arts. 12–13', 'RULES.md BL-07 (45号 Arts. 12–13)'),
  },
  {
    id: 'BL-08.decideWD',
    module: 'credit',
    name: { zh: '提前移出申请核实决定期限', en: 'Decide on an early-removal application within' },
    type: 'duration_wd',
    unit: WD,
    default: 15,
    regionOverridable: false,
    citation: cite(BLACKLIST, '第14条', ', Art. 14', 'RULES.md BL-08 (45号 Art. 14)'),
  },
  {
    id: 'BL-09.removeWithinWD',
    module: 'credit',
    name: { zh: '移出名单并停止公示期限', en: 'Remove from the list and stop publication within' },
    type: 'duration_wd',
    unit: WD,
    default: 10,
    regionOverridable: false,
    citation: cite(BLACKLIST, '第17条', ', Art. 17', 'RULES.md BL-09 (45号 Art. 17)'),
  },

  // Construction payments (工程款)
  {
    id: 'SET-01.minProgressRatio',
    module: 'payments',
    name: { zh: '政府机关、事业单位、国企项目进度款最低支付比例（占已完工程价款）', en: 'Minimum progress payment on government and SOE projects, of completed value' },
    type: 'ratio',
    default: 0.8,
    min: 0.8,
    regionOverridable: false,
    citation: cite(SETTLEMENT, '', '', 'RULES.md SET-01 (财建〔2022〕183号)'),
  },
  {
    id: 'SET-01.maxRetention',
    module: 'payments',
    name: { zh: '质量保证金最高比例（占合同总价）', en: 'Maximum quality retention, of the total contract price' },
    type: 'ratio',
    default: 0.03,
    max: 0.03,
    regionOverridable: false,
    citation: cite(SETTLEMENT, '', '', 'RULES.md SET-01 (财建〔2022〕183号)'),
  },
  {
    id: 'SET-01.refundDays',
    module: 'payments',
    name: { zh: '结算后超付进度款退回期限', en: 'Refund progress payments above completed work within, after settlement' },
    type: 'duration_days',
    unit: DAYS,
    default: 30,
    regionOverridable: false,
    citation: cite(SETTLEMENT, '', '', 'RULES.md SET-01 (财建〔2022〕183号)'),
  },

  // Early-warning disposal deadlines
  {
    id: 'WRN.deadlineWD.yellow',
    module: 'warnings',
    name: { zh: '黄色预警处置时限', en: 'Yellow warning disposal deadline' },
    type: 'duration_wd',
    unit: WD,
    default: 10,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: cite(WARNING_PRACTICE, '†', '†', 'RULES.md WRN-* (§7.2–7.4)'),
  },
  {
    id: 'WRN.deadlineWD.orange',
    module: 'warnings',
    name: { zh: '橙色预警处置时限', en: 'Orange warning disposal deadline' },
    type: 'duration_wd',
    unit: WD,
    default: 5,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: cite(WARNING_PRACTICE, '†', '†', 'RULES.md WRN-* (§7.2–7.4)'),
  },
  {
    id: 'WRN.deadlineWD.red',
    module: 'warnings',
    name: { zh: '红色预警处置时限', en: 'Red warning disposal deadline' },
    type: 'duration_wd',
    unit: WD,
    default: 3,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: cite(WARNING_PRACTICE, '†', '†', 'RULES.md WRN-* (§7.2–7.4)'),
  },
];

defineParams(PLATFORM_PARAMS);
