import type { WarningRule } from '../warnings.catalogue';
import { MONEY_RULES } from './money';
import { PROJECT_RULES } from './project';
import { GUARANTEE_RULES } from './guarantee';
import { PAYOUT_RULES } from './payout';

/** The catalogue, in code order. Each group declares its rules' parameters beside their SQL. */
export const RULES: readonly WarningRule[] = [...PROJECT_RULES, ...MONEY_RULES, ...PAYOUT_RULES, ...GUARANTEE_RULES].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));
export const ruleOf = (code: string): WarningRule | undefined => BY_CODE.get(code);
