import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/* GET /api/projects/:id/payments/summary, written out field for field as the route declares it. Money in fen, ratios in basis points. */
export interface Settlement {
  id: string;
  kind: 'interim' | 'final';
  periodFrom: string;
  periodTo: string;
  amountFen: number;
  settledOn: string;
  reference: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface Retention {
  heldFen: number;
  releasedFen: number;
  outstandingFen: number;
  capFen: number;
  within: boolean;
  heldFrom: string | null;
  version: number;
}

export type PaymentAction = 'completed_value' | 'confirm' | 'payment' | 'retention' | 'settlement';

export interface PaymentSummary {
  projectId: string;
  code: string;
  name: string;
  investmentType: string;
  ownershipTier: string;
  /** SET-01 applies (government, public-institution or SOE project). */
  qualifies: boolean;
  contractPriceFen: number;
  params: { minProgressBp: number; maxRetentionBp: number; refundDays: number; interimPeriodMonths: number };
  totals: { completedFen: number; paidFen: number; ratioBp: number | null; requiredFen: number; shortfallFen: number; meets: boolean; unconfirmedMonths: number };
  retention: Retention;
  /** LIA-02: what the owner advances at most (the unsettled construction funds). */
  advanceCapFen: number;
  refund: { state: 'none' | 'due' | 'overdue' | 'refunded'; outstandingFen: number; dueOn: string | null; finalAmountFen: number | null; settledOn: string | null };
  interim: { applies: boolean; flagged: boolean; unsettledFrom: string | null; periodEnd: string | null };
  settlements: Settlement[];
  flags: string[];
  actions: PaymentAction[];
}

export const paymentSummaryQuery = (projectId: string) =>
  queryOptions({ queryKey: ['payments', projectId, 'summary'], queryFn: () => api.get<PaymentSummary>(`/api/projects/${projectId}/payments/summary`) });

export const usePaymentSummary = (projectId: string) => useQuery(paymentSummaryQuery(projectId));
