import { defineParams } from '../../platform/params/params.registry';

const REG = { zh: '《保障农民工工资支付条例》（国务院令第724号）', en: 'Regulation on Ensuring Wage Payment to Migrant Workers (State Council Decree No. 724)' };
const MIN_WAGE = { zh: '《最低工资规定》（劳动和社会保障部令第21号）及省级最低工资标准', en: 'Provisions on Minimum Wages (MOLSS Decree No. 21) and the provincial standard' };
const PAID_DAYS = {
  zh: '《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）',
  en: 'Notice on the Average Monthly Working Time and Wage Conversion (MOLSS [2008] No. 3)',
};

/**
 * The line checks of the general contractor's payroll review (PAY-07, Reg. Art. 31): the numbers
 * they compare against. The minimum wage is each province's own; set it per region.
 */
defineParams([
  {
    id: 'PAY-07.minimumWageMonthly',
    module: 'payroll',
    name: { zh: '当地月最低工资标准', en: 'Local monthly minimum wage' },
    type: 'money_fen',
    unit: { zh: '分', en: 'fen' },
    default: 199_000,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${MIN_WAGE.zh}（默认值为示例，须按本省标准设置）`, en: `${MIN_WAGE.en} (the default is an example; set the province's own)`, source: 'RULES.md PAY-07 review; PRJ-05 (minimum wage on the board)' },
  },
  {
    id: 'PAY-07.monthlyPaidDays',
    module: 'payroll',
    name: { zh: '月计薪天数（折算日工资）', en: 'Paid days a month (for day-rate conversion)' },
    type: 'number',
    unit: { zh: '天', en: 'days' },
    default: 21.75,
    min: 20,
    max: 23,
    regionOverridable: false,
    citation: { zh: PAID_DAYS.zh, en: PAID_DAYS.en, source: 'RULES.md PAY-07 review' },
  },
  {
    id: 'PAY-07.suddenDropRatio',
    module: 'payroll',
    name: { zh: '日均工资骤降提示比例（较本人前几个月）', en: 'Day pay drop that counts as sudden (against the worker’s recent months)' },
    type: 'ratio',
    default: 0.3,
    min: 0.05,
    max: 0.9,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${REG.zh}第31条（总承包单位审核工资支付表；比例为平台设定）`, en: `${REG.en}, Art. 31 (review of the wage sheet; the ratio is the platform's)`, source: 'RULES.md PAY-07' },
  },
  {
    id: 'PAY-07.historyMonths',
    module: 'payroll',
    name: { zh: '比较本人工资的前期月数', en: 'Months of the worker’s own history compared' },
    type: 'duration_months',
    unit: { zh: '个月', en: 'months' },
    default: 3,
    min: 1,
    max: 12,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${REG.zh}第31条（平台设定）`, en: `${REG.en}, Art. 31 (the platform's setting)`, source: 'RULES.md PAY-07' },
  },
  {
    id: 'PAY-07.workerSignOff',
    module: 'payroll',
    name: { zh: '工资支付表须经农民工本人签字确认', en: 'Each worker signs their payroll line' },
    type: 'boolean',
    default: true,
    regionOverridable: false,
    citation: { zh: `${REG.zh}第31条`, en: `${REG.en}, Art. 31`, source: 'RULES.md PAY-07 (Reg. Art. 31)' },
  },
]);
