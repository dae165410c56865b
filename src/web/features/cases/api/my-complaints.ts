import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PaymentAnswerInput, WorkerComplaintInput } from '../../../../server/modules/cases/cases.worker';
import { api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import type { CaseStatus } from '../labels';

/*
 * 农民工端: the signed-in worker's own complaints (cases.worker.routes.ts). The shapes follow the
 * routes' response schemas field for field; money in fen, dates 'YYYY-MM-DD'.
 */

export interface ComplaintProject {
  projectId: string;
  projectName: string;
  projectCode: string;
  employerId: string;
  employerName: string;
  teamName: string | null;
  entryDate: string;
  exitDate: string | null;
}

export interface WorkerComplaintReceipt {
  caseId: string;
  caseNo: string;
  title: string;
  handlingUnitName: string | null;
  receivedOn: string;
  acceptBy: string | null;
  duplicate: boolean;
}

export interface MyPayment {
  id: string;
  amountFen: number;
  paidOn: string;
  sourceLabel: Bilingual;
  reference: string;
  answer: 'confirmed' | 'disputed' | null;
  answeredAt: string | null;
  note: string | null;
  awaiting: boolean;
}

export interface MyComplaintCase {
  id: string;
  caseNo: string;
  title: string;
  status: CaseStatus;
  statusLabel: Bilingual;
  closureLabel: Bilingual | null;
  projectName: string | null;
  employerName: string;
  handlingUnitName: string | null;
  receivedOn: string;
  stageDueOn: string | null;
  acceptBy: string | null;
  closedOn: string | null;
  complainant: boolean;
  mine: { claimedFen: number; foundOwedFen: number | null; recoveredFen: number; status: 'open' | 'paid' | 'moved'; movedTo: string | null; confirmedAt: string | null } | null;
  payments: MyPayment[];
  awaitingConfirmation: boolean;
}

export type WorkerComplaintBody = WorkerComplaintInput;

const myComplaintsKey = ['cases', 'mine'] as const;

/** GET /api/me/complaints/projects: the projects the registry has the worker on, with their employer there. */
export const complaintProjectsQuery = () => queryOptions({ queryKey: ['cases', 'mine', 'projects'], queryFn: () => api.get<ComplaintProject[]>('/api/me/complaints/projects'), staleTime: 5 * 60_000 });
export const useComplaintProjects = () => useQuery(complaintProjectsQuery());

/** GET /api/me/complaints: the worker's cases, open ones first. */
export const myComplaintsQuery = () => queryOptions({ queryKey: [...myComplaintsKey, 'list'], queryFn: () => api.get<MyComplaintCase[]>('/api/me/complaints') });
export const useMyComplaints = () => useQuery(myComplaintsQuery());

/** POST /api/me/complaints: the same idempotency key again (a double tap, a retry) answers the first complaint. */
export function useSubmitMyComplaint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkerComplaintBody) => api.post<WorkerComplaintReceipt>('/api/me/complaints', body),
    onSuccess: () => client.invalidateQueries({ queryKey: myComplaintsKey }),
  });
}

/** POST /api/me/complaints/files: one piece of evidence (jpg, png or pdf); its id goes in the complaint's `fileIds`. */
export const uploadComplaintEvidence = (file: Blob) => api.upload<{ id: string; name: string; mime: string; size: number }>('/api/me/complaints/files', file);

/** POST /api/me/complaints/:caseId/confirmation: the worker confirms or disputes a payment; the answer is the case as it now is. */
export function useAnswerMyPayment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, ...body }: PaymentAnswerInput & { caseId: string }) => api.post<MyComplaintCase>(`/api/me/complaints/${caseId}/confirmation`, body),
    onSuccess: (updated) => {
      client.setQueryData<MyComplaintCase[]>([...myComplaintsKey, 'list'], (list) => list?.map((c) => (c.id === updated.id ? updated : c)));
      return client.invalidateQueries({ queryKey: myComplaintsKey });
    },
  });
}
