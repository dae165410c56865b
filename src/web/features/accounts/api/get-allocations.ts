import { useMutation, useQuery, useQueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** 人工费分账: the schedule the contract gives and what the deposits covered (GET /api/projects/:id/labor-cost-allocations). */
export type AllocationState = 'upcoming' | 'met' | 'met_late' | 'partial' | 'overdue';

export interface Allocation {
  id: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  expectedFen: number;
  coveredFen: number;
  shortfallFen: number;
  coveredOn: string | null;
  state: AllocationState;
}

export interface Allocations {
  terms: { contractPriceFen: number; laborCostShareBp: number | null; allocationCycleMonths: number | null; payday: number | null; start: string; end: string };
  items: Allocation[];
  totals: { expectedFen: number; dueFen: number; depositedFen: number; shortfallDueFen: number; lateCount: number };
}

export const allocationsQuery = (projectId: string) =>
  queryOptions({ queryKey: ['wage-accounts', 'allocations', projectId], queryFn: () => api.get<Allocations>(`/api/projects/${projectId}/labor-cost-allocations`) });

export const useAllocations = (projectId: string) => useQuery(allocationsQuery(projectId));

/** Redraws the periods not yet due from the contract terms. */
export const scheduleAllocations = (projectId: string) =>
  api.post<{ scheduled: number; beyondCalendar: number; missingTerms: boolean }>(`/api/projects/${projectId}/labor-cost-allocations/schedule`);

export function useScheduleAllocations(projectId: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => scheduleAllocations(projectId), onSuccess: () => client.invalidateQueries({ queryKey: ['wage-accounts', 'allocations', projectId] }) });
}
