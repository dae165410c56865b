import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { PaymentKind } from './get-payments';

/*
 * The writes of the payments tab. Each changes the project's totals, so each refreshes every
 * payments query of the project (summary, months, list) and the region list.
 */
function useProjectWrite<I extends { projectId: string }>(send: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (_, { projectId }) => Promise.all([client.invalidateQueries({ queryKey: ['payments', projectId] }), client.invalidateQueries({ queryKey: ['payments', 'region'] })]),
  });
}

export interface CompletedValueInput {
  projectId: string;
  month: string;
  amountFen: number;
  note?: string | null;
  /** The version corrected; absent for a month's first report. */
  version?: number;
  reason?: string | null;
}
export const recordCompletedValue = ({ projectId, ...body }: CompletedValueInput) => api.post(`/api/projects/${projectId}/completed-values`, body);
export const useRecordCompletedValue = () => useProjectWrite(recordCompletedValue);

export const confirmCompletedValue = ({ projectId, ...body }: { projectId: string; month: string; version: number }) => api.post(`/api/projects/${projectId}/completed-values/confirm`, body);
export const useConfirmCompletedValue = () => useProjectWrite(confirmCompletedValue);

export interface PaymentInput {
  projectId: string;
  paidOn: string;
  amountFen: number;
  kind: PaymentKind;
  reference: string;
  note?: string | null;
}
export const recordPayment = ({ projectId, ...body }: PaymentInput) => api.post(`/api/projects/${projectId}/payments`, body);
export const useRecordPayment = () => useProjectWrite(recordPayment);

export interface RetentionInput {
  projectId: string;
  amountFen: number;
  heldFrom: string;
  note?: string | null;
  /** The version replaced; absent for the first. */
  version?: number;
}
export const setRetention = ({ projectId, ...body }: RetentionInput) => api.post(`/api/projects/${projectId}/retention`, body);
export const useSetRetention = () => useProjectWrite(setRetention);

export interface SettlementInput {
  projectId: string;
  kind: 'interim' | 'final';
  periodFrom: string;
  periodTo: string;
  amountFen: number;
  settledOn: string;
  reference: string;
  note?: string | null;
}
export const recordSettlement = ({ projectId, ...body }: SettlementInput) => api.post(`/api/projects/${projectId}/settlements`, body);
export const useRecordSettlement = () => useProjectWrite(recordSettlement);
