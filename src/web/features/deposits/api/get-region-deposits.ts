import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/* GET /api/wage-deposits/region: projects under construction whose deposit is missing or short, or whose top-up is overdue. */
export interface RegionDeposit {
  projectId: string;
  code: string;
  name: string;
  regionName: string;
  generalContractorName: string;
  requiredFen: number;
  heldFen: number;
  shortfallFen: number;
  state: string;
  overdueDraws: { drawId: string; outstandingFen: number; topUpDueOn: string }[];
}

export const regionDepositsQuery = (regionCode?: string) =>
  queryOptions({ queryKey: ['deposits', 'region', regionCode ?? null], queryFn: () => api.get<RegionDeposit[]>('/api/wage-deposits/region', { regionCode }) });

export const useRegionDeposits = (regionCode?: string) => useQuery({ ...regionDepositsQuery(regionCode), placeholderData: keepPreviousData });
