import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';

/** GET /api/risk-scores/project/:id and …/enterprise/:id: the score (风险分) and the points each factor adds. */
export interface RiskScore {
  subjectKind: 'project' | 'enterprise';
  subjectId: string;
  score: number;
  computedAt: string;
  factors: { code: string; label: Bilingual; count: number; points: number }[];
}

export type RiskSubject = 'project' | 'enterprise';

export const riskScoreQuery = (kind: RiskSubject, id: string) =>
  queryOptions({ queryKey: ['risk-scores', kind, id], queryFn: () => api.get<RiskScore>(`/api/risk-scores/${kind}/${id}`) });

export const useRiskScore = (kind: RiskSubject, id: string, enabled = true) => useQuery({ ...riskScoreQuery(kind, id), enabled: enabled && id !== '' });
