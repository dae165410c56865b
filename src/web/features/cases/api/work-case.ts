import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { PaymentSource, Supervision } from '../labels';
import type { CaseDetail } from './get-case';
import { refetchOnConflict, settleCase } from './settle-case';

/* Working an open case: findings, payments, the workers' confirmations, the checklist, supervision. */
function useCaseWrite<I>(id: string, send: (input: I) => Promise<CaseDetail>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: settleCase(client), onError: refetchOnConflict(client, id) });
}

/** POST /api/cases/:id/findings: what verification found each worker is owed. */
export const useRecordFindings = (id: string) =>
  useCaseWrite(id, (findings: { caseWorkerId: string; foundOwedFen: number }[]) => api.post<CaseDetail>(`/api/cases/${id}/findings`, { findings }));

export interface CasePaymentInput {
  caseWorkerId: string;
  amountFen: number;
  paidOn: string;
  source: PaymentSource;
  reference: string;
}

/** POST /api/cases/:id/payments: a payment to one worker; an Idempotency-Key per call, so a retried request records it once. */
export const useRecordCasePayment = (id: string) => useCaseWrite(id, (body: CasePaymentInput) => api.command<CaseDetail>(`/api/cases/${id}/payments`, body));

/** POST /api/cases/:id/workers/:caseWorkerId/confirmation: the worker confirms receipt, or cannot be reached. */
export const useConfirmWorker = (id: string) =>
  useCaseWrite(id, ({ caseWorkerId, reached }: { caseWorkerId: string; reached: boolean }) => api.post<CaseDetail>(`/api/cases/${id}/workers/${caseWorkerId}/confirmation`, { reached }));

export interface ChecklistItemInput {
  item: string;
  violation: boolean;
  note?: string | null;
}

/** PUT /api/cases/:id/checklist: the answered items of 附件4, against the version the form was filled from. */
export const useAnswerChecklist = (id: string) =>
  useCaseWrite(id, ({ version, items }: { version: number; items: ChecklistItemInput[] }) => api.put<CaseDetail>(`/api/cases/${id}/checklist`, { version, items }));

export interface SupervisionInput {
  version: number;
  supervision: Supervision[];
  leaderName?: string | null;
  taskForceUnitIds?: string[];
}

/** PUT /api/cases/:id/supervision: 挂牌督办, 领导包案, 专案组. */
export const useSuperviseCase = (id: string) => useCaseWrite(id, (body: SupervisionInput) => api.put<CaseDetail>(`/api/cases/${id}/supervision`, body));
