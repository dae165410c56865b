import type { WarningRule } from '../warnings.catalogue';

export const PROJECT_RULES: WarningRule[] = [];
