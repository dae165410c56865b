import type { WarningRule } from '../warnings.catalogue';

export const GUARANTEE_RULES: WarningRule[] = [];
