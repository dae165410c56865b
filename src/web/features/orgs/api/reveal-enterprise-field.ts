import { api } from '../../../lib/api-client';

export type RevealableField = 'legalRepIdNumber' | 'legalRepPhone';

/** The full value of one personal field; the server records who looked, when and why. Not cached: each look is a separate, audited act. */
export const revealEnterpriseField = (id: string, body: { field: RevealableField; reason: string }) =>
  api.post<{ field: string; value: string | null }>(`/api/enterprises/${id}/reveal`, body);
