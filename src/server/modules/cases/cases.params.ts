import { defineParams } from '../../platform/params/params.registry';
import type { ParamDef } from '../../platform/params/params.types';
import { COMPENSATION_RATE, CONCLUSION_KEYS, CRIME_MIN_WORKERS, CRIME_ONE_WORKER_MONTHS, FINES, type FineRule, MAJOR_CASE_DEFAULTS } from './cases.law';

/**
 * The cases module's parameters beyond those of params.catalog.ts (CASE-01…06, CRM-01 amounts).
 * Defaults come from the law tables of cases.law.ts, so the number shown and the number applied
 * are one. The fines are national (no regional override).
 */

const REG = { zh: '《保障农民工工资支付条例》（国务院令第724号）', en: 'Regulation on Ensuring Wage Payment to Migrant Workers (State Council Decree No. 724)' };
const INSPECTION = { zh: '《劳动保障监察条例》（国务院令第423号）', en: 'Regulation on Labour Security Inspection (State Council Decree No. 423)' };
const CRIME = { zh: '《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》（法释〔2013〕3号）第3条', en: 'SPC Interpretation on Refusing to Pay Labour Remuneration (Fa Shi [2013] No. 3), Art. 3' };
const FEN = { zh: '分', en: 'fen' };

const FINE_SOURCES: Record<FineRule, { law: typeof REG; art: number; source: string; what: string }> = {
  'PEN-01': { law: REG, art: 54, source: 'RULES.md PEN-01 (Reg. Art. 54)', what: '以实物或有价证券支付、未编制或保存工资台账、未提供工资清单、扣押社保卡或工资卡' },
  'PEN-02': { law: REG, art: 55, source: 'RULES.md PEN-02 (Reg. Art. 55)', what: '未开设或使用专用账户、未存储保证金或提供保函、未实行实名制' },
  'PEN-03': { law: REG, art: 56, source: 'RULES.md PEN-03 (Reg. Art. 56)', what: '未按月考核并编制工资支付表、总包未监督分包、未设维权信息告示牌' },
  'PEN-04': { law: REG, art: 57, source: 'RULES.md PEN-04 (Reg. Art. 57)', what: '建设单位未提供支付担保、未按时足额拨付人工费用、拒不提供合同或账户资料' },
  'PEN-06': { law: INSPECTION, art: 30, source: 'RULES.md PEN-06 (监察条例 Art. 30)', what: '阻挠监察、提供虚假材料、拒不改正或拒不履行处理决定' },
};

const fine = (rule: FineRule, who: 'unit' | 'individual', end: 'Min' | 'Max', fen: number): ParamDef => {
  const s = FINE_SOURCES[rule];
  const whoZh = who === 'unit' ? '单位' : '法定代表人及其他责任人员（每人）';
  const whoEn = who === 'unit' ? 'the unit' : 'each responsible individual';
  return {
    id: `${rule}.${who}${end}Fen`,
    module: 'cases',
    name: { zh: `${s.what}：对${whoZh}罚款${end === 'Min' ? '下限' : '上限'}`, en: `${rule} fine on ${whoEn}, ${end === 'Min' ? 'at least' : 'at most'}` },
    type: 'money_fen',
    unit: FEN,
    default: fen,
    regionOverridable: false,
    citation: { zh: `${s.law.zh}第${s.art}条`, en: `${s.law.en}, Art. ${s.art}`, source: s.source },
  };
};

const fineParams = (Object.keys(FINES) as FineRule[]).flatMap((rule) => {
  const { unit, individual } = FINES[rule];
  const defs = [fine(rule, 'unit', 'Min', unit.minFen), fine(rule, 'unit', 'Max', unit.maxFen)];
  if (individual) defs.push(fine(rule, 'individual', 'Min', individual.minFen), fine(rule, 'individual', 'Max', individual.maxFen));
  return defs;
});

const MAJOR = { zh: '重大欠薪案件认定标准（平台设定†，待省级确认）', en: 'Major-case criteria (platform default†, to confirm with the province)' };

export const CASE_PARAMS: readonly ParamDef[] = [
  ...fineParams,
  {
    id: 'PEN-05.rateMin',
    module: 'cases',
    name: { zh: '逾期未支付工资的加付赔偿金比例下限（占应付金额）', en: 'Additional compensation for wages unpaid after an order, at least (of the amount owed)' },
    type: 'ratio',
    default: COMPENSATION_RATE.min,
    regionOverridable: false,
    citation: { zh: `${INSPECTION.zh}第26条`, en: `${INSPECTION.en}, Art. 26`, source: 'RULES.md PEN-05 (监察条例 Art. 26)' },
  },
  {
    id: 'PEN-05.rateMax',
    module: 'cases',
    name: { zh: '逾期未支付工资的加付赔偿金比例上限（占应付金额）', en: 'Additional compensation for wages unpaid after an order, at most (of the amount owed)' },
    type: 'ratio',
    default: COMPENSATION_RATE.max,
    regionOverridable: false,
    citation: { zh: `${INSPECTION.zh}第26条`, en: `${INSPECTION.en}, Art. 26`, source: 'RULES.md PEN-05 (监察条例 Art. 26)' },
  },
  {
    id: 'CRM-01.oneWorkerMonths',
    module: 'cases',
    name: { zh: '拒不支付劳动报酬罪“数额较大”：拒不支付一名劳动者的月数（含本数）', en: '“Large amount”: months one worker is unpaid (inclusive)' },
    type: 'duration_months',
    unit: { zh: '个月', en: 'months' },
    default: CRIME_ONE_WORKER_MONTHS,
    regionOverridable: false,
    citation: { ...CRIME, source: 'RULES.md CRM-01 (法释〔2013〕3号 Art. 3)' },
  },
  {
    id: 'CRM-01.minWorkers',
    module: 'cases',
    name: { zh: '拒不支付劳动报酬罪“数额较大”：劳动者人数（含本数）', en: '“Large amount”: number of workers unpaid (inclusive)' },
    type: 'integer',
    unit: { zh: '人', en: 'workers' },
    default: CRIME_MIN_WORKERS,
    regionOverridable: false,
    citation: { ...CRIME, source: 'RULES.md CRM-01 (法释〔2013〕3号 Art. 3)' },
  },
  {
    id: 'CASE-07.conclusions',
    module: 'cases',
    name: { zh: '线索核处结论分类（可按省调整）', en: 'Handling conclusions in use (per province)' },
    type: 'enum_set',
    options: CONCLUSION_KEYS,
    default: CONCLUSION_KEYS,
    regionOverridable: true,
    unverified: true,
    citation: { zh: '天津市《“全国根治欠薪线索反映平台”核处工作规程（试行）》（2022年，10类核处结论†）', en: 'Tianjin rules for handling clues of the national platform (2022; 10 conclusion categories†)', source: 'RULES.md CASE-07 (Tianjin 核处规程 2022)' },
  },
  {
    id: 'CASE.major.workers',
    module: 'cases',
    name: { zh: '重大案件：涉及农民工人数达到', en: 'Major case: workers involved, at least' },
    type: 'integer',
    unit: { zh: '人', en: 'workers' },
    default: MAJOR_CASE_DEFAULTS.workers,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { ...MAJOR, source: 'RULES.md §8.1 (挂牌督办 of major clues); platform default' },
  },
  {
    id: 'CASE.major.amountFen',
    module: 'cases',
    name: { zh: '重大案件：涉及金额达到', en: 'Major case: amount claimed, at least' },
    type: 'money_fen',
    unit: FEN,
    default: MAJOR_CASE_DEFAULTS.amountFen,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { ...MAJOR, source: 'RULES.md §8.1 (挂牌督办 of major clues); platform default' },
  },
  {
    id: 'CASE.major.incidentPeople',
    module: 'cases',
    name: { zh: '重大案件：因欠薪引发群体性事件人数达到', en: 'Major case: people in a group incident over arrears, at least' },
    type: 'integer',
    unit: { zh: '人', en: 'people' },
    default: MAJOR_CASE_DEFAULTS.incidentPeople,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${MAJOR.zh}；欠薪案件线索核查表第10项（50人以上群体性事件）`, en: `${MAJOR.en}; verification checklist item 10 (group incident of 50 or more)`, source: 'seeds/002 附件4 item 10; RULES.md §4.1 (群体性事件)' },
  },
  {
    id: 'CASE.callbackWD',
    module: 'cases',
    name: { zh: '办理完毕后回访投诉人期限', en: 'Call the complainant back within, once the case is handled' },
    type: 'duration_wd',
    unit: { zh: '个工作日', en: 'working days' },
    default: 5,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: {
      zh: '满意度回访为省级考核指标（程序未见明文†）；参照12345热线5个工作日答复',
      en: 'The satisfaction call-back is a provincial KPI (its procedure unverified†); after the 12345 hotline’s 5-working-day reply',
      source: 'RULES.md §8.1 (满意度回访; Qingdao hotline 5 WD)',
    },
  },
];

defineParams(CASE_PARAMS);
