import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type RevealableField = 'legalRepIdNumber' | 'legalRepPhone';

export interface RevealInput {
  id: string;
  field: RevealableField;
  reason: string;
}

/** The full value of one personal field; the server records who looked, when and why. */
export const revealEnterpriseField = ({ id, ...body }: RevealInput) =>
  api.post<{ field: string; value: string | null }>(`/api/enterprises/${id}/reveal`, body);

// Not cached: each look is a separate, audited act.
export const useRevealEnterpriseField = () => useMutation({ mutationFn: revealEnterpriseField });
