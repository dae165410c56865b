import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PayrollStatus } from '../../../../server/modules/payroll/payroll.rules';
import { api } from '../../../lib/api-client';

/*
 * GET /api/projects/:id/payrolls. The route declares its schema inline, so the shape is written
 * out here field for field. Money is integer fen; `month` is 'YYYY-MM'.
 */
export interface PayrollSummary {
  id: string;
  projectId: string;
  projectName: string;
  employerId: string;
  employerName: string;
  month: string;
  /** The payroll's revision: 1, then +1 with each correction. */
  revision: number;
  supersedesId: string | null;
  correctionReason: string | null;
  status: PayrollStatus;
  dueOn: string | null;
  preparedBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  lineCount: number;
  confirmedCount: number;
  failedCount: number;
  grossFen: number;
  netFen: number;
  payableFen: number;
  paidFen: number;
  /** Row version for writes (approve, submit, resend, correct). */
  version: number;
}

export interface PayrollListQuery {
  month?: string;
  employerId?: string;
  includeSuperseded?: boolean;
}

export const payrollsQuery = (projectId: string, query: PayrollListQuery) =>
  queryOptions({
    queryKey: ['payroll', projectId, 'list', query],
    queryFn: () => api.get<PayrollSummary[]>(`/api/projects/${projectId}/payrolls`, { ...query, includeSuperseded: query.includeSuperseded || undefined }),
  });

export const usePayrolls = (projectId: string, query: PayrollListQuery) => useQuery({ ...payrollsQuery(projectId, query), placeholderData: keepPreviousData });
