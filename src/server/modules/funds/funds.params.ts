import { defineParams } from '../../platform/params/params.registry';

const REG = { zh: '《保障农民工工资支付条例》（国务院令第724号）第63条', en: 'Regulation on Ensuring Wage Payment to Migrant Workers (State Council Decree No. 724), Art. 63' };
const JINZHOU = { zh: '锦州市应急周转金管理办法（锦政办发〔2018〕46号）', en: 'Jinzhou emergency fund measures (Jin Zheng Ban Fa [2018] No. 46)' };
const FUSHUN = { zh: '抚顺市应急周转金管理办法（2025年征求意见稿）', en: 'Fushun emergency fund measures (2025 draft)' };
const FEN = { zh: '分', en: 'fen' };

/** The emergency fund's legal parameters (RULES.md EMF-01, EMF-02). */
defineParams([
  {
    id: 'EMF-01.perWorkerCap',
    module: 'funds',
    name: { zh: '每名农民工垫付上限（当地月最低工资标准）', en: 'Advance per worker at most (the local monthly minimum wage)' },
    type: 'money_fen',
    unit: FEN,
    default: 199_000,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${REG.zh}；${JINZHOU.zh}（按当地月最低工资标准，默认值须按本地标准设置）`, en: `${REG.en}; ${JINZHOU.en} (the local monthly minimum wage; set the local figure)`, source: 'RULES.md EMF-01 (Reg. Art. 63; 锦政办发〔2018〕46号)' },
  },
  {
    id: 'EMF-01.totalCapRatio',
    module: 'funds',
    name: { zh: '垫付总额占拖欠工资的比例上限（经政府批准可提高）', en: 'Total advance as a share of the wages owed at most (higher with government approval)' },
    type: 'ratio',
    default: 0.2,
    regionOverridable: true,
    citation: { zh: `${JINZHOU.zh}（不超过拖欠工资的20%）`, en: `${JINZHOU.en} (at most 20% of the wages owed)`, source: 'RULES.md EMF-01 (锦政办发〔2018〕46号)' },
  },
  {
    id: 'EMF-02.cityMinFen',
    module: 'funds',
    name: { zh: '市级应急周转金规模下限', en: 'Minimum size of a city fund' },
    type: 'money_fen',
    unit: FEN,
    default: 500_000_000,
    regionOverridable: true,
    citation: { zh: `${JINZHOU.zh}（不少于500万元）；${FUSHUN.zh}（不少于1000万元）`, en: `${JINZHOU.en} (≥ ¥5,000,000); ${FUSHUN.en} (≥ ¥10,000,000)`, source: 'RULES.md EMF-02 (Jinzhou 2018; Fushun 2025 draft)' },
  },
  {
    id: 'EMF-02.countyMinFen',
    module: 'funds',
    name: { zh: '县级应急周转金规模下限', en: 'Minimum size of a county fund' },
    type: 'money_fen',
    unit: FEN,
    default: 100_000_000,
    regionOverridable: true,
    citation: { zh: `${JINZHOU.zh}（不少于100万元）；${FUSHUN.zh}（不少于1000万元）`, en: `${JINZHOU.en} (≥ ¥1,000,000); ${FUSHUN.en} (≥ ¥10,000,000)`, source: 'RULES.md EMF-02 (Jinzhou 2018; Fushun 2025 draft)' },
  },
]);
