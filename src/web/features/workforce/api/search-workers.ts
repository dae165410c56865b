import { useMutation } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';
import type { WorkerSummary } from './get-workers';

/** An exact lookup by the full ID number or mobile number (through the blind index; POST keeps it out of URLs and logs). */
export type ExactLookup = { idNumber: string } | { phone: string };

export const searchWorkers = (body: ExactLookup) => api.post<Page<WorkerSummary>>('/api/workers/search', body);

// A mutation, not a cached query: the number typed is personal data and is not kept in the cache key.
export const useSearchWorkers = () => useMutation({ mutationFn: searchWorkers });
