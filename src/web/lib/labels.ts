import { EVENT_STATUSES } from '../../server/modules/attendance/attendance.rules';
import { ENTERPRISE_TYPES, GOV_UNIT_KINDS, INDUSTRIES } from '../../server/modules/orgs/orgs.rules';
import { BOARD_CONTENTS, INVESTMENT_TYPES, OWNERSHIP_TIERS, PROJECT_INDUSTRIES, PROJECT_STATUSES } from '../../server/modules/projects/projects.rules';
import { REGION_LEVELS } from '../../server/modules/regions/regions.rules';
import { CONSEQUENCES, RISK_FACTORS, WARNING_LEVELS, WARNING_STATUSES } from '../../server/modules/warnings/warnings.rules';
import { ATTENDANCE_METHODS, CONTRACT_KINDS, DIRECTIONS, GENDERS, TRADES, WAGE_TYPES } from '../../server/modules/workforce/workforce.codes';
import type { Lang, Msg } from './i18n';

/*
 * Enum labels come from the server's pure rule modules (no I/O, no Node APIs), so a new enterprise
 * type or unit kind shows up here without a second list to keep in step.
 */
export const enterpriseTypeLabels: Record<string, Msg> = ENTERPRISE_TYPES;
export const industryLabels: Record<string, Msg> = INDUSTRIES;
export const govUnitKindLabels: Record<string, Msg> = GOV_UNIT_KINDS;
export const regionLevelLabels: Record<number, Msg> = REGION_LEVELS;

// Project ledger (在建项目台账).
export const projectIndustryLabels: Record<string, Msg> = PROJECT_INDUSTRIES;
export const investmentTypeLabels: Record<string, Msg> = INVESTMENT_TYPES;
export const ownershipTierLabels: Record<string, Msg> = OWNERSHIP_TIERS;
export const projectStatusLabels: Record<string, Msg> = PROJECT_STATUSES;
export const boardContentLabels: Record<string, Msg> = BOARD_CONTENTS;

// Real-name registry (实名制) and attendance.
export const tradeLabels: Record<string, Msg> = TRADES;
export const wageTypeLabels: Record<string, Msg> = WAGE_TYPES;
export const contractKindLabels: Record<string, Msg> = CONTRACT_KINDS;
export const genderLabels: Record<string, Msg> = GENDERS;
export const directionLabels: Record<string, Msg> = DIRECTIONS;
export const attendanceMethodLabels: Record<string, Msg> = ATTENDANCE_METHODS;
export const attendanceEventStatusLabels: Record<string, Msg> = EVENT_STATUSES;

// Warnings (预警): levels, lifecycle, the consequences the ladder proposes, the risk score's factors.
export const warningLevelLabels: Record<string, Msg> = WARNING_LEVELS;
export const warningStatusLabels: Record<string, Msg> = WARNING_STATUSES;
export const consequenceLabels: Record<string, Msg> = CONSEQUENCES;
export const riskFactorLabels: Record<string, Msg> = RISK_FACTORS;

export const labelOf = (labels: Record<string | number, Msg>, key: string | number | null | undefined, lang: Lang): string =>
  key === null || key === undefined ? '—' : (labels[key]?.[lang] ?? String(key));

export const optionsOf = (labels: Record<string, Msg>, lang: Lang) => Object.entries(labels).map(([value, label]) => ({ value, label: label[lang] }));
