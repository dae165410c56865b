import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/* The writes of the deposit tab; each refreshes the project's deposit and the region list. */
function useDepositWrite<I extends { projectId: string }>(send: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (_, { projectId }) => Promise.all([client.invalidateQueries({ queryKey: ['deposits', projectId] }), client.invalidateQueries({ queryKey: ['deposits', 'region'] })]),
  });
}

export interface LodgingInput {
  projectId: string;
  form: string;
  amountFen: number;
  lodgedOn: string;
  bankId?: string | null;
  accountNo?: string | null;
  issuer?: string | null;
  instrumentNo?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
}
export const useLodgeDeposit = () => useDepositWrite(({ projectId, ...body }: LodgingInput) => api.post(`/api/projects/${projectId}/wage-deposit/lodgings`, body));

export interface DrawInput {
  projectId: string;
  amountFen: number;
  drawnOn: string;
  orderNo: string;
  orderIssuedOn: string;
  orderDueOn: string;
  orderUnmet: boolean;
  decisionNo: string;
  decisionOn: string;
  decisionAmountFen: number;
  caseRef: string;
  workersRef: string;
}
export const useDrawDeposit = () => useDepositWrite(({ projectId, ...body }: DrawInput) => api.post(`/api/projects/${projectId}/wage-deposit/draws`, body));

export interface TopUpInput {
  projectId: string;
  drawId: string;
  amountFen: number;
  toppedOn: string;
  form: string;
  reference: string;
}
export const useTopUp = () => useDepositWrite(({ projectId: _, drawId, ...body }: TopUpInput) => api.post(`/api/wage-deposit-draws/${drawId}/top-ups`, body));

export type ReturnStep =
  | { projectId: string; step: 'apply'; appliedOn: string }
  | { projectId: string; step: 'decision'; approve: boolean; noticeFrom?: string; reason?: string; version: number }
  | { projectId: string; step: 'order'; orderedOn: string; version: number }
  | { projectId: string; step: 'returned'; returnedOn: string; version: number };
export const useReturnStep = () =>
  useDepositWrite(({ projectId, step, ...body }: ReturnStep) => {
    const path = `/api/projects/${projectId}/wage-deposit/return${step === 'apply' ? '' : `/${step}`}`;
    // The return notice orders the refund: a refund command (Idempotency-Key).
    return step === 'order' ? api.command(path, body) : api.post(path, body);
  });
