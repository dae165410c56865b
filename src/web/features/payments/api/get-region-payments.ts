import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/* GET /api/payments/region: each project in scope with its SET-01 / SET-02 findings. */
export interface RegionPayment {
  projectId: string;
  code: string;
  name: string;
  regionName: string;
  projectStatus: string;
  investmentType: string;
  ownershipTier: string;
  qualifies: boolean;
  completedFen: number;
  paidFen: number;
  ratioBp: number | null;
  shortfallFen: number;
  unconfirmedMonths: number;
  retentionFen: number;
  retentionCapFen: number;
  refundState: 'none' | 'due' | 'overdue' | 'refunded';
  refundOutstandingFen: number;
  refundDueOn: string | null;
  interimUnsettledFrom: string | null;
  advanceCapFen: number;
  flags: string[];
}

export interface RegionPaymentsQuery {
  regionCode?: string;
  flaggedOnly?: boolean;
}

export const regionPaymentsQuery = (query: RegionPaymentsQuery) =>
  queryOptions({ queryKey: ['payments', 'region', query], queryFn: () => api.get<RegionPayment[]>('/api/payments/region', { ...query }) });

export const useRegionPayments = (query: RegionPaymentsQuery) => useQuery({ ...regionPaymentsQuery(query), placeholderData: keepPreviousData });
