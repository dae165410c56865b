import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/payrolls/overdue: payrolls in the caller's jurisdiction (or a region of it) unpaid past payday. */
export interface OverduePayroll {
  projectId: string;
  projectCode: string;
  projectName: string;
  regionName: string;
  payrollId: string;
  employerName: string;
  month: string;
  status: string;
  dueOn: string;
  unpaidFen: number;
  unpaidLines: number;
}

export const overduePayrollsQuery = (regionCode?: string) =>
  queryOptions({ queryKey: ['payroll', 'overdue', regionCode ?? ''], queryFn: () => api.get<OverduePayroll[]>('/api/payrolls/overdue', { regionCode }) });

export const useOverduePayrolls = (regionCode?: string) => useQuery({ ...overduePayrollsQuery(regionCode), placeholderData: keepPreviousData });
