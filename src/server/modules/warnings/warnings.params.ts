import { defineParams } from '../../platform/params/params.registry';
import type { ParamDef } from '../../platform/params/params.types';

/** The legal sources the warning rules cite, once. */
export const LAW = {
  REG: { zh: '《保障农民工工资支付条例》（国务院令第724号）', en: 'Regulation on Ensuring Wage Payment to Migrant Workers (State Council Decree No. 724)' },
  ACCOUNTS: { zh: '《工程建设领域农民工工资专用账户管理暂行办法》（人社部发〔2021〕53号）', en: 'Interim Measures on the Dedicated Migrant-Worker Wage Account (MOHRSS [2021] No. 53)' },
  DEPOSITS: { zh: '《工程建设领域农民工工资保证金规定》（人社部发〔2021〕65号）', en: 'Rules on the Migrant-Worker Wage Guarantee Deposit (MOHRSS [2021] No. 65)' },
  SETTLEMENT: { zh: '《关于完善建设工程价款结算有关办法的通知》（财建〔2022〕183号）', en: 'Notice on Improving the Settlement of Construction Prices (Cai Jian [2022] No. 183)' },
  REAL_NAME: { zh: '《建筑工人实名制管理办法（试行）》（建市〔2019〕18号，建市〔2022〕59号修订）', en: 'Measures on Real-Name Management of Construction Workers (Jian Shi [2019] No. 18, amended [2022] No. 59)' },
  BLACKLIST: { zh: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人社部令第45号）', en: 'Interim Measures on the Wage-Arrears Joint-Punishment List (MOHRSS Decree No. 45)' },
  XINJIANG: { zh: '《新疆农民工工资支付监控预警平台管理使用规程（试行）》', en: 'Xinjiang rules for the wage-payment monitoring and warning platform (trial)' },
  PROVINCIAL: { zh: '省级农民工工资支付监控预警平台规则（实践归纳）', en: 'Provincial wage-monitoring platform rules (synthesised practice)' },
} as const;

export const ROUTING_ROLES = ['competent_unit', 'industry_department', 'township'] as const;
/** The routing parameters by project class, shared with the cases module (one routing for warnings and cases). */
export const ROUTING_PARAM_IDS = ['district', 'city', 'soe', 'private'].flatMap((t) => [`WRN.route.${t}.lead`, `WRN.route.${t}.assist`]);

const TIERS = [
  // seed 003 (涧西区): 区属 → the owner's competent department; 市属 → the industry department with
  // the township assisting; 国企 and 社会 → the township with the industry department assisting.
  { tier: 'district', zh: '区属', lead: 'competent_unit', assist: 'none' },
  { tier: 'city', zh: '市属', lead: 'industry_department', assist: 'township' },
  { tier: 'soe', zh: '国企', lead: 'township', assist: 'industry_department' },
  { tier: 'private', zh: '社会', lead: 'township', assist: 'industry_department' },
] as const;

const ROUTING_SOURCE = { zh: '欠薪问题属地、行业分工处置机制（种子文件003，涧西区方案）', en: 'Territorial and industry division of wage-arrears handling (seed 003, the 涧西区 plan)', source: 'issue 5 §3; seed 003' };
const PRACTICE = { zh: LAW.PROVINCIAL.zh, en: LAW.PROVINCIAL.en, source: 'RULES.md §7.3–7.4' };

export const WARNING_ENGINE_PARAMS: readonly ParamDef[] = [
  ...TIERS.flatMap(({ tier, zh, lead, assist }): ParamDef[] => [
    {
      id: `WRN.route.${tier}.lead`,
      module: 'warnings',
      name: { zh: `${zh}项目预警牵头单位`, en: `Lead unit for ${tier} projects` },
      type: 'enum',
      options: ROUTING_ROLES,
      default: lead,
      regionOverridable: true,
      citation: ROUTING_SOURCE,
    },
    {
      id: `WRN.route.${tier}.assist`,
      module: 'warnings',
      name: { zh: `${zh}项目预警配合单位`, en: `Assisting unit for ${tier} projects` },
      type: 'enum',
      options: ['none', ...ROUTING_ROLES],
      default: assist,
      regionOverridable: true,
      citation: ROUTING_SOURCE,
    },
  ]),
  {
    id: 'WRN.ladder.reminderWD',
    module: 'warnings',
    name: { zh: '预警催办提醒（发出后工作日）', en: 'Reminder after the warning is raised' },
    type: 'duration_wd',
    unit: { zh: '个工作日', en: 'working days' },
    default: 3,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: PRACTICE,
  },
  {
    id: 'WRN.ladder.consequenceWD',
    module: 'warnings',
    name: { zh: '仍未处置时提出处理建议（发出后工作日）', en: 'Consequences proposed when still undisposed after' },
    type: 'duration_wd',
    unit: { zh: '个工作日', en: 'working days' },
    default: 15,
    min: 2,
    regionOverridable: true,
    unverified: true,
    citation: { ...PRACTICE, zh: `${LAW.REG.zh}第55—57条（责令改正、停工、信用惩戒）；时限为平台设定` },
  },
  {
    id: 'WRN.reraiseAfterCloseDays',
    module: 'warnings',
    name: { zh: '整改销号后同一预警暂停重发天数', en: 'Quiet days after a manual close before the same warning is raised again' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 30,
    min: 0,
    max: 365,
    regionOverridable: true,
    unverified: true,
    citation: PRACTICE,
  },
];

defineParams(WARNING_ENGINE_PARAMS);
