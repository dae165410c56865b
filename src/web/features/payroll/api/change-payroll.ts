import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type PayItem, type PayrollDetail, payrollDetailKey } from './get-payroll';

/*
 * Every write on a payroll answers with the payroll as it now is: the answer replaces the cached
 * detail and the project's lists are read again (totals, counts, status).
 */
const settle = (client: QueryClient) => async (detail: PayrollDetail) => {
  // A read of the detail still in flight started before this write: it must not land on top of the answer.
  await client.cancelQueries({ queryKey: payrollDetailKey(detail.id) });
  client.setQueryData(payrollDetailKey(detail.id), detail);
  return client.invalidateQueries({ queryKey: ['payroll', detail.projectId] });
};

export interface LineEdit {
  payrollId: string;
  lineId: string;
  days: number;
  grossItems: PayItem[];
  deductionItems: PayItem[];
  version: number;
}

export const editLine = ({ payrollId, lineId, ...body }: LineEdit) => api.put<PayrollDetail>(`/api/payrolls/${payrollId}/lines/${lineId}`, body);

export const useEditLine = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: editLine, onSuccess: settle(client) });
};

/** A line's sign-off: the worker's confirmation given off the platform (note), or the general contractor's reason to pass failing checks. */
export interface LineSignOff {
  payrollId: string;
  lineId: string;
  kind: 'confirm' | 'override';
  text: string;
}

export const signOffLine = ({ payrollId, lineId, kind, text }: LineSignOff) =>
  api.post<PayrollDetail>(`/api/payrolls/${payrollId}/lines/${lineId}/${kind}`, kind === 'confirm' ? { note: text } : { reason: text });

export const useSignOffLine = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: signOffLine, onSuccess: settle(client) });
};

/** The header actions; each carries the payroll's row version. A correction answers with the new version. */
export type PayrollStep = { step: 'approve' | 'submit' | 'resend'; id: string; version: number } | { step: 'correct'; id: string; version: number; reason: string };

export const advancePayroll = (input: PayrollStep) => {
  if (input.step === 'correct') return api.post<PayrollDetail>(`/api/payrolls/${input.id}/corrections`, { reason: input.reason, version: input.version });
  if (input.step === 'approve') return api.post<PayrollDetail>(`/api/payrolls/${input.id}/approve`, { version: input.version });
  // Sending money: a payment command (Idempotency-Key).
  return api.command<PayrollDetail>(`/api/payrolls/${input.id}/${input.step}`, { version: input.version });
};

export function useAdvancePayroll() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: advancePayroll,
    onSuccess: async (detail, input) => {
      // The corrected version is superseded now: read it again rather than keep its old state.
      if (input.step === 'correct') await client.invalidateQueries({ queryKey: payrollDetailKey(input.id) });
      // Submitting draws on the wage account.
      if (input.step === 'submit' || input.step === 'resend') void client.invalidateQueries({ queryKey: ['wage-accounts'] });
      return settle(client)(detail);
    },
  });
}
