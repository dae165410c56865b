import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Fund } from './get-funds';

/* The writes of the fund page; each answers with the fund and refreshes the list. */
function useFundWrite<I>(send: (input: I) => Promise<Fund>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (fund) => {
      client.setQueryData(['funds', fund.id], fund);
      return client.invalidateQueries({ queryKey: ['funds', 'list'] });
    },
  });
}

export const useCreateFund = () => useFundWrite((body: { regionCode: string; name: string }) => api.post<Fund>('/api/emergency-funds', body));

export interface MovementInput {
  fundId: string;
  kind: 'injection' | 'interest';
  amountFen: number;
  onDate: string;
  reference: string;
}
export const useRecordMovement = () => useFundWrite(({ fundId, ...body }: MovementInput) => api.post<Fund>(`/api/emergency-funds/${fundId}/movements`, body));

export interface AdvanceInput {
  fundId: string;
  decisionNo: string;
  decisionOn: string;
  caseRef: string;
  employerId: string;
  projectId?: string | null;
  arrearsFen: number;
  depositShortfallNote: string;
  higherApprovalRef?: string | null;
  paidOn: string;
  lines: { workerId: string; amountFen: number }[];
}
export const useRecordAdvance = () => useFundWrite(({ fundId, ...body }: AdvanceInput) => api.command<Fund>(`/api/emergency-funds/${fundId}/advances`, body));

export interface RecoveryInput {
  advanceId: string;
  amountFen: number;
  recoveredOn: string;
  reference: string;
}
export const useRecordRecovery = () => useFundWrite(({ advanceId, ...body }: RecoveryInput) => api.post<Fund>(`/api/fund-advances/${advanceId}/recoveries`, body));
