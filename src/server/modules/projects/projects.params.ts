import { defineParams } from '../../platform/params/params.registry';

const REG = { zh: '《保障农民工工资支付条例》（国务院令第724号）', en: 'Regulation on Ensuring Wage Payment to Migrant Workers (State Council Decree No. 724)' };

/** The project ledger's legal parameters (RULES.md PRJ-xx). */
defineParams([
  {
    id: 'PRJ-03.paymentGuaranteeRequired',
    module: 'projects',
    name: { zh: '建设单位须提供工程款支付担保', en: 'The owner must give a payment guarantee' },
    type: 'boolean',
    default: true,
    regionOverridable: false,
    citation: { zh: `${REG.zh}第24条、第57条`, en: `${REG.en}, Arts. 24, 57`, source: 'RULES.md PRJ-03 (Reg. Arts. 24, 57)' },
  },
]);
