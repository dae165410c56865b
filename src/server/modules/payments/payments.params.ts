import { defineParams } from '../../platform/params/params.registry';

const SETTLEMENT = { zh: '《关于完善建设工程价款结算有关办法的通知》（财建〔2022〕183号）', en: 'Notice on Improving the Settlement of Construction Prices (Cai Jian [2022] No. 183)' };

/** Parameters of the payments rules not in the platform catalogue (SET-01's three are there). */
defineParams([
  {
    id: 'SET-02.periodMonths',
    module: 'payments',
    name: { zh: '跨年度项目过程结算的最长间隔', en: 'Longest interval without an interim settlement on a multi-year project' },
    type: 'duration_months',
    unit: { zh: '个月', en: 'months' },
    default: 12,
    min: 1,
    regionOverridable: false,
    // The notice allows settling per period or milestone without a fixed length; a year is the platform's reading.
    unverified: true,
    citation: { zh: `${SETTLEMENT.zh}（过程结算，周期为平台取值）`, en: `${SETTLEMENT.en} (interim settlement; the period is the platform's reading)`, source: 'RULES.md SET-02 (财建〔2022〕183号)' },
  },
]);
