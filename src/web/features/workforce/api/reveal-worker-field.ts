import { api } from '../../../lib/api-client';

export type WorkerRevealField = 'idNumber' | 'phone' | 'bankCard';

/** The full value of one personal field; the server records who looked, when and why. Not cached. */
export const revealWorkerField = (id: string, body: { field: WorkerRevealField; reason: string }) =>
  api.post<{ field: string; value: string | null }>(`/api/workers/${id}/reveal`, body);
