import type { WarningRule } from '../warnings.catalogue';

export const PAYOUT_RULES: WarningRule[] = [];
