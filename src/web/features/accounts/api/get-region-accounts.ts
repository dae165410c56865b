import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/wage-accounts/region: each project of a jurisdiction with its account (or none), allocations due and flagged lines. */
export interface RegionAccount {
  projectId: string;
  code: string;
  name: string;
  regionName: string;
  projectStatus: string;
  accountId: string | null;
  accountStatus: string | null;
  bankName: string | null;
  ledgerBalanceFen: number | null;
  bankBalanceFen: number | null;
  dueFen: number;
  depositedFen: number;
  shortfallFen: number;
  flaggedTransactions: number;
}

export const regionAccountsQuery = (regionCode?: string) =>
  queryOptions({ queryKey: ['wage-accounts', 'region', regionCode ?? ''], queryFn: () => api.get<RegionAccount[]>('/api/wage-accounts/region', { regionCode }) });

export const useRegionAccounts = (regionCode?: string) => useQuery({ ...regionAccountsQuery(regionCode), placeholderData: keepPreviousData });
