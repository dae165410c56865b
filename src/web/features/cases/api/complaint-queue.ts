import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';
import type { QueueQuery } from '../case-query';

/** GET /api/complaint-queue: public complaints in the jurisdiction stored but not routed yet (待分派). */
export interface WaitingComplaint {
  caseNo: string;
  /** ISO instant. */
  receivedAt: string;
  regionCode: string;
  regionName: string;
  projectName: string | null;
  /** Null where the stored complaint lacks it (one that fails to route may be damaged). */
  employerName: string | null;
  name: string | null;
  workerCount: number;
  claimedFen: number | null;
  /** Failed routings so far; 0: waiting its turn. */
  attempts: number;
  /** ISO instant of the next try, for a set-aside complaint. */
  retryAt: string | null;
  /** The kind of the last failure, never its message. */
  lastError: string | null;
}

const KEY = ['cases', 'complaint-queue'] as const;

export const complaintQueueQuery = (query: QueueQuery) =>
  queryOptions({ queryKey: [...KEY, query], queryFn: () => api.get<Page<WaitingComplaint>>('/api/complaint-queue', { ...query }) });

export const useComplaintQueue = (query: QueueQuery, enabled = true) => useQuery({ ...complaintQueueQuery(query), enabled, placeholderData: keepPreviousPage(query) });

/** POST /api/complaint-queue/:caseNo/retry: tries a set-aside complaint again at once. */
export function useRetryComplaint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (caseNo: string) => api.post<null>(`/api/complaint-queue/${encodeURIComponent(caseNo)}/retry`, {}),
    // Routed in a moment (or set aside again): the queue and the clue list both change.
    onSettled: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}
