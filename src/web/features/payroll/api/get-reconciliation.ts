import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ReconciliationGap } from '../../../../server/modules/payroll/payroll.rules';
import { api } from '../../../lib/api-client';

/** GET /api/projects/:id/payroll-reconciliation: attendance → payroll → bank, per worker of a month. */
export interface ReconciliationItem {
  workerId: string;
  workerName: string;
  idNumber: string;
  employerName: string | null;
  attendanceDays: number;
  onPayroll: boolean;
  payrollDays: number;
  netFen: number;
  paidFen: number;
  gaps: ReconciliationGap[];
}

export interface Reconciliation {
  month: string;
  gapCount: number;
  items: ReconciliationItem[];
}

export const reconciliationQuery = (projectId: string, month: string) =>
  queryOptions({
    queryKey: ['payroll', projectId, 'reconciliation', month],
    queryFn: () => api.get<Reconciliation>(`/api/projects/${projectId}/payroll-reconciliation`, { month }),
  });

export const useReconciliation = (projectId: string, month: string) => useQuery({ ...reconciliationQuery(projectId, month), placeholderData: keepPreviousData });
