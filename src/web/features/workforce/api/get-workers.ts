import type { Static } from '@sinclair/typebox';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkerSummary as WorkerSummarySchema } from '../../../../server/modules/workforce/workforce.presenter';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';

export type WorkerSummary = Static<typeof WorkerSummarySchema>;

/** `q`: a name, a masked pattern such as 4501**********1234, or the last digits of the ID number. */
export interface WorkerQuery {
  q?: string;
  page: number;
  pageSize: number;
}

export const workersQuery = (query: WorkerQuery) =>
  queryOptions({ queryKey: ['workers', 'list', query], queryFn: () => api.get<Page<WorkerSummary>>('/api/workers', { ...query }) });

export const useWorkers = (query: WorkerQuery, enabled = true) => useQuery({ ...workersQuery(query), placeholderData: keepPreviousPage(query), enabled });
