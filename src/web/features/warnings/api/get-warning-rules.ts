import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import type { Consequence } from './get-warning';
import type { WarningLevel } from './get-warnings';

/** GET /api/warning-rules: the catalogue, each rule with its parameters' values for the caller's region. */
export interface RuleParam {
  id: string;
  name: Bilingual;
  value: unknown;
  unit: Bilingual;
}

export interface WarningRuleDto {
  code: string;
  name: Bilingual;
  watches: Bilingual;
  subject: 'project' | 'enterprise';
  levels: WarningLevel[];
  source: Bilingual;
  ruleRef: string;
  consequences: Consequence[];
  params: RuleParam[];
}

export const warningRulesQuery = () =>
  queryOptions({ queryKey: ['warnings', 'rules'], queryFn: () => api.get<{ items: WarningRuleDto[] }>('/api/warning-rules'), staleTime: 5 * 60_000 });

export const useWarningRules = (enabled = true) => useQuery({ ...warningRulesQuery(), enabled });
