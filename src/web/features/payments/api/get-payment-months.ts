import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/* GET /api/projects/:id/payments/months: SET-01 month by month. */
export interface CompletedValue {
  id: string;
  month: string;
  version: number;
  amountFen: number;
  state: 'pending' | 'confirmed';
  note: string | null;
  correctionReason: string | null;
  recordedBy: string;
  recordedAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
  supersededAt: string | null;
}

export interface MonthPoint {
  month: string;
  /** The month's last day, or today for the running month. */
  asOf: string;
  completedFen: number;
  paidFen: number;
  cumulativeCompletedFen: number;
  cumulativePaidFen: number;
  ratioBp: number | null;
  shortfallFen: number;
  meets: boolean;
  value: CompletedValue | null;
  history: CompletedValue[];
}

export interface PaymentMonths {
  minProgressBp: number;
  items: MonthPoint[];
}

export const paymentMonthsQuery = (projectId: string) =>
  queryOptions({ queryKey: ['payments', projectId, 'months'], queryFn: () => api.get<PaymentMonths>(`/api/projects/${projectId}/payments/months`) });

export const usePaymentMonths = (projectId: string) => useQuery(paymentMonthsQuery(projectId));
