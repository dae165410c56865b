import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/* GET /api/banks: the national catalogue, for the bank holding a cash deposit. */
export interface BankOption {
  id: string;
  name: string;
}

export const depositBanksQuery = () => queryOptions({ queryKey: ['deposits', 'banks'], queryFn: () => api.get<BankOption[]>('/api/banks'), staleTime: 5 * 60_000 });
export const useDepositBanks = (enabled: boolean) => useQuery({ ...depositBanksQuery(), enabled });
