import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BankDto } from '../../../../server/modules/orgs/orgs.presenter';
import { api } from '../../../lib/api-client';

export type Bank = BankDto;

export const banksQuery = (q?: string) =>
  queryOptions({ queryKey: ['banks', 'list', q ?? ''], queryFn: () => api.get<Bank[]>('/api/banks', { q }), staleTime: 5 * 60_000 });

export const useBanks = (q?: string) => useQuery(banksQuery(q));
