import type { Static } from '@sinclair/typebox';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkerProfile as WorkerProfileSchema } from '../../../../server/modules/workforce/workforce.presenter';
import { api } from '../../../lib/api-client';

/** A worker's record (masked) with the employments on every project the caller can see. */
export type WorkerProfile = Static<typeof WorkerProfileSchema>;

export const workerQuery = (id: string) => queryOptions({ queryKey: ['workers', 'detail', id], queryFn: () => api.get<WorkerProfile>(`/api/workers/${id}`) });

export const useWorker = (id: string) => useQuery(workerQuery(id));
