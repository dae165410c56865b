import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type PaymentKind = 'progress' | 'advance' | 'retention_release' | 'refund';

export interface OwnerPayment {
  id: string;
  paidOn: string;
  amountFen: number;
  kind: PaymentKind;
  reference: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export const paymentsQuery = (projectId: string) =>
  queryOptions({ queryKey: ['payments', projectId, 'list'], queryFn: () => api.get<OwnerPayment[]>(`/api/projects/${projectId}/payments`) });

/** The owner's payments on a project, oldest first. */
export const usePayments = (projectId: string) => useQuery(paymentsQuery(projectId));
