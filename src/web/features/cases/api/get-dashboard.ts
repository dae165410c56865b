import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import type { CaseStatus, Supervision } from '../labels';

/* GET /api/cases/dashboard (cases.stats.routes.ts): the leader's view of a region's cases, as of now. */
export interface DashboardCase {
  id: string;
  caseNo: string;
  title: string;
  status: CaseStatus;
  statusLabel: Bilingual;
  regionName: string;
  handlingUnitName: string | null;
  stageDueOn: string | null;
  daysOverdue: number | null;
  escalationLevel: number;
  major: boolean;
  supervision: Supervision[];
  leaderName: string | null;
  owedFen: number;
  recoveredFen: number;
}

export interface DashboardIncident {
  id: string;
  occurredAt: string;
  place: string;
  people: number;
  responseLevel: string;
  extreme: boolean;
  projectName: string | null;
  caseCount: number;
}

export interface DashboardRegion {
  code: string;
  name: string;
  open: number;
  overdue: number;
  major: number;
}

export interface CaseDashboard {
  regionCode: string;
  regionName: string;
  today: string;
  month: string;
  asOf: string;
  open: { total: number; byStage: { status: CaseStatus; label: Bilingual; count: number }[] };
  overdue: { count: number; escalated: number; items: DashboardCase[] };
  supervised: { listed: number; leader: number; taskForce: number; major: number; items: DashboardCase[] };
  money: { monthRecoveredFen: number; monthRecoveredWorkers: number; monthNewOwedFen: number; openOwedFen: number; openRecoveredFen: number; openOutstandingFen: number };
  incidents: { count: number; people: number; extreme: number; items: DashboardIncident[] };
  byRegion: DashboardRegion[];
}

export const caseDashboardQuery = (regionCode?: string) =>
  queryOptions({ queryKey: ['cases', 'dashboard', regionCode ?? null], queryFn: () => api.get<CaseDashboard>('/api/cases/dashboard', { regionCode }) });

export const useCaseDashboard = (regionCode?: string) => useQuery({ ...caseDashboardQuery(regionCode), placeholderData: keepPreviousData });
