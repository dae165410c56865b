import { api } from '../../../lib/api-client';

export type ProjectRevealField = 'laborOfficerPhone' | 'projectManagerIdNumber' | 'chiefSupervisorIdNumber';

/** The full value of one personal field; the server records who looked, when and why. Not cached. */
export const revealProjectField = (id: string, body: { field: ProjectRevealField; reason: string }) =>
  api.post<{ field: string; value: string | null }>(`/api/projects/${id}/reveal`, body);
