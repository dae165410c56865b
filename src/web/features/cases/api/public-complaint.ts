import { useMutation } from '@tanstack/react-query';
import type { ComplaintReceipt, PublicComplaintInput } from '../../../../server/modules/cases/cases.public';
import { api } from '../../../lib/api-client';

/** POST /api/public/complaint-codes: a code to the phone; the demo, with no SMS gateway, returns it. */
export const useRequestComplaintCode = () =>
  useMutation({ mutationFn: (phone: string) => api.post<{ verificationId: string; expiresAt: string; demoCode?: string }>('/api/public/complaint-codes', { phone }) });

/** The request body, as the server's use case takes it. */
export type PublicComplaintBody = PublicComplaintInput;

/** The receipt, as the server's use case gives it. */
export type { ComplaintReceipt } from '../../../../server/modules/cases/cases.public';

/** POST /api/public/complaints: the complaint, received and numbered (routed within moments); the receipt to follow it with. */
export const useSubmitPublicComplaint = () => useMutation({ mutationFn: (body: PublicComplaintBody) => api.post<ComplaintReceipt>('/api/public/complaints', body) });

export interface MyComplaint {
  caseNo: string;
  title: string;
  receivedOn: string;
  status: string;
  statusLabel: { zh: string; en: string };
  handlingUnitName: string | null;
  stageDueOn: string | null;
  closedOn: string | null;
}

/** POST /api/public/complaints/lookup: the complaints made from the proven phone, with their stage. */
export const useLookupMyComplaints = () => useMutation({ mutationFn: (body: { verificationId: string; code: string }) => api.post<MyComplaint[]>('/api/public/complaints/lookup', body) });
