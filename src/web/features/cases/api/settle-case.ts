import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { type CaseDetail, caseDetailKey } from './get-case';

/**
 * Every command on a case answers with the case as it now is: the answer replaces the cached
 * detail, and the lists and the notifications are read again.
 */
export const settleCase = (client: QueryClient) => (detail: CaseDetail) => {
  client.setQueryData(caseDetailKey(detail.id), detail);
  return Promise.all([
    client.invalidateQueries({ queryKey: ['cases'], predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== detail.id }),
    client.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
};

/** Someone else changed the case (409): read it again so the next try carries the new version. */
export const refetchOnConflict = (client: QueryClient, id: string) => (error: unknown) => {
  if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: caseDetailKey(id) });
};
