import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The leader's case figures for the home cards (GET /api/cases/dashboard, the caller's jurisdiction). */
interface DashboardCounts {
  open: { total: number };
  overdue: { count: number };
}

const caseSummaryQuery = () => queryOptions({ queryKey: ['cases', 'dashboard', null], queryFn: () => api.get<DashboardCounts>('/api/cases/dashboard') });

export const useOpenCases = (enabled: boolean) => useQuery({ ...caseSummaryQuery(), select: (d) => d.open.total, enabled });
export const useOverdueCases = (enabled: boolean) => useQuery({ ...caseSummaryQuery(), select: (d) => d.overdue.count, enabled });
