import { ENTERPRISE_TYPES, GOV_UNIT_KINDS, INDUSTRIES } from '../../server/modules/orgs/orgs.rules';
import { REGION_LEVELS } from '../../server/modules/regions/regions.rules';
import type { Lang, Msg } from './i18n';

/*
 * Enum labels come from the server's pure rule modules (no I/O, no Node APIs), so a new enterprise
 * type or unit kind shows up here without a second list to keep in step.
 */
export const enterpriseTypeLabels: Record<string, Msg> = ENTERPRISE_TYPES;
export const industryLabels: Record<string, Msg> = INDUSTRIES;
export const govUnitKindLabels: Record<string, Msg> = GOV_UNIT_KINDS;
export const regionLevelLabels: Record<number, Msg> = REGION_LEVELS;

export const labelOf = (labels: Record<string | number, Msg>, key: string | number | null | undefined, lang: Lang): string =>
  key === null || key === undefined ? '—' : (labels[key]?.[lang] ?? String(key));

export const optionsOf = (labels: Record<string, Msg>, lang: Lang) => Object.entries(labels).map(([value, label]) => ({ value, label: label[lang] }));
