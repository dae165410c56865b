// Labels come from the server's own rule modules (pure, shared), so the UI never drifts from them.
export { ENTERPRISE_TYPES, GOV_UNIT_KINDS, INDUSTRIES } from '../../server/modules/orgs/orgs.rules';
export { REGION_LEVELS } from '../../server/modules/regions/regions.rules';

export const options = (labels: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') =>
  Object.entries(labels).map(([value, label]) => ({ value, label: lang === 'zh' ? label.zh : label.en }));
