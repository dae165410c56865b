import { defineParams } from './params.registry';
import type { ParamDef } from './params.types';

/**
 * The legal parameters that exist from the start, from ../shared/RULES.md's rules table. Amounts
 * there are yuan; here they are fen. Modules built later add theirs with `defineParams`.
 */
const REG = '《保障农民工工资支付条例》（国务院令第724号）';
const WD = { zh: '个工作日', en: 'working days' };
const DAYS = { zh: '天', en: 'days' };
const MONTHS = { zh: '个月', en: 'months' };
const YEARS = { zh: '年', en: 'years' };
const FEN = { zh: '分', en: 'fen' };

type Def = Omit<ParamDef, 'citation' | 'name'> & { zh: string; en: string; cite: string; source: string };
const p = ({ zh, en, cite, source, ...rest }: Def): ParamDef => ({ ...rest, name: { zh, en }, citation: { zh: cite, source } });

export const PLATFORM_PARAMS: ParamDef[] = [
  p({ id: 'PAY-02.graceMonths', module: 'payroll', zh: '工资支付宽限（次月内）', en: 'Pay date may fall in the following period', type: 'duration_months', unit: MONTHS, default: 1, min: 0, max: 1, regionOverridable: true, cite: `${REG}第12—14条`, source: 'RULES.md PAY-02' }),
  p({ id: 'PAY-04.ledgerRetentionYears', module: 'payroll', zh: '工资支付台账保存年限', en: 'Wage ledger retention', type: 'duration_years', unit: YEARS, default: 3, min: 3, regionOverridable: false, cite: `${REG}第15条`, source: 'RULES.md PAY-04' }),
  p({ id: 'PAY-06.employmentLedgerRetentionYears', module: 'workforce', zh: '用工管理台账保存年限（工程完工且工资结清后）', en: 'Employment ledger retention after settlement', type: 'duration_years', unit: YEARS, default: 3, min: 3, regionOverridable: false, cite: `${REG}第28条`, source: 'RULES.md PAY-06' }),
  p({ id: 'ACC-02.openWithinDays', module: 'accounts', zh: '签订施工合同后开立工资专用账户期限', en: 'Open the wage account within days of signing', type: 'duration_days', unit: DAYS, default: 30, min: 1, max: 90, regionOverridable: true, cite: '人社部发〔2021〕53号（苏人社规〔2022〕3号第3条）', source: 'RULES.md ACC-02' }),
  p({ id: 'ACC-04.maxDisbursementCycleMonths', module: 'accounts', zh: '人工费用拨付周期上限', en: 'Maximum labour-cost disbursement cycle', type: 'duration_months', unit: MONTHS, default: 1, min: 1, max: 1, regionOverridable: false, cite: `${REG}第24条`, source: 'RULES.md ACC-04' }),
  p({ id: 'ACC-07.closeNoticeDays', module: 'accounts', zh: '专用账户销户前公示天数', en: 'Public notice before closing the wage account', type: 'duration_days', unit: DAYS, default: 30, min: 30, regionOverridable: false, cite: `${REG}第27条`, source: 'RULES.md ACC-07' }),
  p({ id: 'DEP-01.ratio', module: 'deposits', zh: '工资保证金缴存比例', en: 'Wage deposit ratio of the contract amount', type: 'ratio', default: 0.015, min: 0.01, max: 0.03, regionOverridable: true, unverified: true, cite: '人社部发〔2021〕65号；福建省2024年规定（1.5%）', source: 'RULES.md DEP-01' }),
  p({ id: 'DEP-02.capFen', module: 'deposits', zh: '单个项目保证金上限', en: 'Deposit cap per project', type: 'money_fen', unit: FEN, default: 500_000_000, regionOverridable: true, cite: '福建省2024年工资保证金规定', source: 'RULES.md DEP-02' }),
  p({ id: 'DEP-04.exemptBelowFen', module: 'deposits', zh: '免缴保证金的合同金额以下', en: 'Deposit exemption below contract amount', type: 'money_fen', unit: FEN, default: 400_000_000, regionOverridable: true, unverified: true, cite: '福建省2024年规定；人社部发〔2021〕65号（全国约300万元†）', source: 'RULES.md DEP-04' }),
  p({ id: 'DEP-10.topUpWithinWD', module: 'deposits', zh: '保证金使用后补足期限', en: 'Top up the deposit after use within', type: 'duration_wd', unit: WD, default: 10, min: 1, regionOverridable: true, unverified: true, cite: '人社部发〔2021〕65号†', source: 'RULES.md DEP-10' }),
  p({ id: 'CASE-01.acceptWithinWD', module: 'cases', zh: '投诉受理（或不予受理）期限', en: 'Accept or refuse a complaint within', type: 'duration_wd', unit: WD, default: 5, min: 1, regionOverridable: false, cite: '《关于实施〈劳动保障监察条例〉若干规定》（劳社部令第25号）第18条', source: 'RULES.md CASE-01' }),
  p({ id: 'CASE-02.limitationYears', module: 'cases', zh: '违法行为查处时效', en: 'Limitation period for violations', type: 'duration_years', unit: YEARS, default: 2, min: 2, max: 2, regionOverridable: false, cite: '《劳动保障监察条例》第20条', source: 'RULES.md CASE-02' }),
  p({ id: 'CASE-03.investigateWD', module: 'cases', zh: '立案调查办结期限', en: 'Investigation deadline after filing', type: 'duration_wd', unit: WD, default: 60, min: 1, regionOverridable: false, cite: '《劳动保障监察条例》第17条', source: 'RULES.md CASE-03' }),
  p({ id: 'CASE-03.extensionWD', module: 'cases', zh: '经批准可延长期限', en: 'Extension with the head’s approval', type: 'duration_wd', unit: WD, default: 30, min: 0, regionOverridable: false, cite: '《劳动保障监察条例》第17条', source: 'RULES.md CASE-03' }),
  p({ id: 'CASE-04.minInspectors', module: 'cases', zh: '现场调查最少监察员人数', en: 'Minimum inspectors on site', type: 'integer', unit: { zh: '人', en: 'people' }, default: 2, min: 2, regionOverridable: false, cite: '《劳动保障监察条例》第16条', source: 'RULES.md CASE-04' }),
  p({ id: 'CASE-05.transferWithinWD', module: 'cases', zh: '首问负责制转办期限', en: 'Transfer a matter outside one’s remit within', type: 'duration_wd', unit: WD, default: 1, min: 1, regionOverridable: true, unverified: true, cite: `${REG}第10条`, source: 'RULES.md CASE-05' }),
  p({ id: 'CASE-06.respondWD', module: 'cases', zh: '线索响应时限', en: 'Respond to a clue within', type: 'duration_wd', unit: WD, default: 1, min: 1, regionOverridable: true, unverified: true, cite: '全国根治欠薪线索反映平台“127”工作机制（地方实践）', source: 'RULES.md CASE-06' }),
  p({ id: 'CASE-06.verifyWD', module: 'cases', zh: '线索核实时限', en: 'Verify a clue within', type: 'duration_wd', unit: WD, default: 2, min: 1, regionOverridable: true, unverified: true, cite: '全国根治欠薪线索反映平台“127”工作机制（地方实践）', source: 'RULES.md CASE-06' }),
  p({ id: 'CASE-06.closeWD', module: 'cases', zh: '线索办结时限', en: 'Close a clue within', type: 'duration_wd', unit: WD, default: 7, min: 1, regionOverridable: true, unverified: true, cite: '全国根治欠薪线索反映平台“127”工作机制（地方实践）', source: 'RULES.md CASE-06' }),
  p({ id: 'BL-02.objectionWD', module: 'credit', zh: '列入名单前告知后的异议期', en: 'Objection period after prior notice', type: 'duration_wd', unit: WD, default: 5, regionOverridable: false, cite: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人社部令第45号）第6条', source: 'RULES.md BL-02' }),
  p({ id: 'BL-02.replyWD', module: 'credit', zh: '异议答复期限', en: 'Reply to an objection within', type: 'duration_wd', unit: WD, default: 5, regionOverridable: false, cite: '人社部令第45号第6条', source: 'RULES.md BL-02' }),
  p({ id: 'BL-04.decideWD', module: 'credit', zh: '列入名单决定期限', en: 'Decide on listing within', type: 'duration_wd', unit: WD, default: 20, regionOverridable: false, cite: '人社部令第45号第8条', source: 'RULES.md BL-04' }),
  p({ id: 'BL-04.extendWD', module: 'credit', zh: '列入名单决定可延长期限', en: 'Extension of the listing decision', type: 'duration_wd', unit: WD, default: 20, regionOverridable: false, cite: '人社部令第45号第8条', source: 'RULES.md BL-04' }),
  p({ id: 'BL-06.listYears', module: 'credit', zh: '失信名单列入期限', en: 'Time on the list', type: 'duration_years', unit: YEARS, default: 3, regionOverridable: false, cite: '人社部令第45号第11条', source: 'RULES.md BL-06' }),
  p({ id: 'BL-07.earlyRemovalMonths', module: 'credit', zh: '提前移出名单须改正满', en: 'Early removal after correction for', type: 'duration_months', unit: MONTHS, default: 6, regionOverridable: false, cite: '人社部令第45号第12—13条', source: 'RULES.md BL-07' }),
  p({ id: 'BL-08.decideWD', module: 'credit', zh: '提前移出申请决定期限', en: 'Decide on early removal within', type: 'duration_wd', unit: WD, default: 15, regionOverridable: false, cite: '人社部令第45号第14条', source: 'RULES.md BL-08' }),
  p({ id: 'BL-09.removeWithinWD', module: 'credit', zh: '移出名单并停止公示期限', en: 'Remove and stop publication within', type: 'duration_wd', unit: WD, default: 10, regionOverridable: false, cite: '人社部令第45号第17条', source: 'RULES.md BL-09' }),
  p({ id: 'SET-01.minProgressRatio', module: 'payments', zh: '政府及国企项目进度款最低支付比例', en: 'Minimum progress payment of completed value', type: 'ratio', default: 0.8, min: 0.8, max: 1, regionOverridable: false, cite: '财建〔2022〕183号', source: 'RULES.md SET-01' }),
  p({ id: 'SET-01.maxRetention', module: 'payments', zh: '质量保证金最高比例', en: 'Maximum quality retention', type: 'ratio', default: 0.03, min: 0, max: 0.03, regionOverridable: false, cite: '财建〔2022〕183号', source: 'RULES.md SET-01' }),
  p({ id: 'SET-01.refundDays', module: 'payments', zh: '结算后超付款项退回期限', en: 'Refund overpayment after settlement within', type: 'duration_days', unit: DAYS, default: 30, regionOverridable: false, cite: '财建〔2022〕183号', source: 'RULES.md SET-01' }),
  p({ id: 'CRM-01.oneWorkerFen', module: 'cases', zh: '拒不支付劳动报酬罪“数额较大”（一名劳动者三个月）', en: '“Large amount”: one worker, three months', type: 'money_fen', unit: FEN, default: 1_000_000, min: 500_000, max: 2_000_000, regionOverridable: true, cite: '法释〔2013〕3号第3条；各省高院标准（湖南6千、河南8千、辽宁/湖北/贵州1万元）', source: 'RULES.md CRM-01' }),
  p({ id: 'CRM-01.tenWorkersFen', module: 'cases', zh: '拒不支付劳动报酬罪“数额较大”（十名以上劳动者）', en: '“Large amount”: ten or more workers', type: 'money_fen', unit: FEN, default: 5_000_000, min: 3_000_000, max: 10_000_000, regionOverridable: true, cite: '法释〔2013〕3号第3条；各省高院标准（湖南/河南4万、辽宁/湖北/贵州5万元）', source: 'RULES.md CRM-01' }),
  p({ id: 'WRN.deadlineWD.yellow', module: 'warnings', zh: '黄色预警处置时限', en: 'Yellow warning disposal deadline', type: 'duration_wd', unit: WD, default: 10, min: 1, regionOverridable: true, unverified: true, cite: 'RULES.md §7.2—7.4（省级平台实践归纳）', source: 'RULES.md WRN-*' }),
  p({ id: 'WRN.deadlineWD.orange', module: 'warnings', zh: '橙色预警处置时限', en: 'Orange warning disposal deadline', type: 'duration_wd', unit: WD, default: 5, min: 1, regionOverridable: true, unverified: true, cite: 'RULES.md §7.2—7.4（省级平台实践归纳）', source: 'RULES.md WRN-*' }),
  p({ id: 'WRN.deadlineWD.red', module: 'warnings', zh: '红色预警处置时限', en: 'Red warning disposal deadline', type: 'duration_wd', unit: WD, default: 3, min: 1, regionOverridable: true, unverified: true, cite: 'RULES.md §7.2—7.4（省级平台实践归纳）', source: 'RULES.md WRN-*' }),
  p({ id: 'SEC-03.maxFailures', module: 'auth', zh: '连续登录失败锁定次数', en: 'Consecutive failures before lockout', type: 'integer', default: 5, min: 1, max: 10, regionOverridable: false, cite: 'GB/T 22239-2019 三级 身份鉴别 b)', source: 'SECURITY.md item 3' }),
  p({ id: 'SEC-03.lockoutMinutes', module: 'auth', zh: '账号锁定时长（分钟）', en: 'Lockout duration (minutes)', type: 'integer', default: 15, min: 1, regionOverridable: false, cite: 'GB/T 22239-2019 三级 身份鉴别 b)', source: 'SECURITY.md item 3' }),
  p({ id: 'SEC-04.idleMinutes', module: 'auth', zh: '管理端会话空闲超时（分钟）', en: 'Console idle timeout (minutes)', type: 'integer', default: 15, min: 1, max: 15, regionOverridable: false, cite: 'GB/T 22239-2019 三级 连接超时自动退出', source: 'SECURITY.md item 4' }),
  p({ id: 'SEC-04.absoluteHours', module: 'auth', zh: '会话绝对时限（小时）', en: 'Absolute session limit (hours)', type: 'integer', default: 12, min: 1, max: 12, regionOverridable: false, cite: 'OWASP ASVS 5.0 V7', source: 'SECURITY.md item 4' }),
  p({ id: 'SEC-02.passwordExpiryDays', module: 'auth', zh: '密码有效期', en: 'Password expiry', type: 'duration_days', unit: DAYS, default: 90, regionOverridable: false, cite: '等保测评口令策略（GB/T 22239-2019 身份鉴别 a)）', source: 'SECURITY.md item 2' }),
  p({ id: 'SEC-02.passwordHistory', module: 'auth', zh: '不得重复使用的历史密码个数', en: 'Passwords remembered', type: 'integer', default: 5, min: 0, max: 24, regionOverridable: false, cite: '等保测评口令策略（GB/T 22239-2019 身份鉴别 a)）', source: 'SECURITY.md item 2' }),
];

defineParams(PLATFORM_PARAMS);
