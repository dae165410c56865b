import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EnterpriseDto, GovUnitDto } from '../../../../server/modules/orgs/orgs.presenter';
import { type Page, api } from '../../../lib/api-client';

/*
 * Look-ups for the ledger form's pickers: enterprises (owner, contractors, subcontractors) and
 * the competent department, searched on the server as the user types.
 */
export type EnterpriseOption = Pick<EnterpriseDto, 'id' | 'name' | 'creditCode' | 'type' | 'status'>;
export type GovUnitOption = Pick<GovUnitDto, 'id' | 'name' | 'kind' | 'regionName'>;

export const enterpriseOptionsQuery = (q: string, type?: string) =>
  queryOptions({
    queryKey: ['enterprises', 'options', q, type ?? ''],
    queryFn: () => api.get<Page<EnterpriseDto>>('/api/enterprises', { q, type, status: 'active', pageSize: 30 }),
    select: (page): EnterpriseOption[] => page.items,
    staleTime: 60_000,
  });

export const useEnterpriseOptions = (q: string, type?: string, enabled = true) => useQuery({ ...enterpriseOptionsQuery(q, type), enabled });

export const govUnitOptionsQuery = (q: string) =>
  queryOptions({
    queryKey: ['gov-units', 'options', q],
    queryFn: () => api.get<Page<GovUnitDto>>('/api/gov-units', { q, pageSize: 30 }),
    select: (page): GovUnitOption[] => page.items,
    staleTime: 60_000,
  });

export const useGovUnitOptions = (q: string, enabled = true) => useQuery({ ...govUnitOptionsQuery(q), enabled });
