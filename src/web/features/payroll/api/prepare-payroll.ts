import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type PayrollDetail, payrollDetailKey } from './get-payroll';

export interface PrepareInput {
  projectId: string;
  employerId: string;
  /** 'YYYY-MM' */
  month: string;
}

/** A month's payroll for one employer, prefilled from attendance and the wage terms. */
export const preparePayroll = ({ projectId, ...body }: PrepareInput) => api.post<PayrollDetail>(`/api/projects/${projectId}/payrolls`, body);

export function usePreparePayroll() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: preparePayroll,
    onSuccess: (detail) => {
      client.setQueryData(payrollDetailKey(detail.id), detail);
      return client.invalidateQueries({ queryKey: ['payroll', detail.projectId] });
    },
  });
}
