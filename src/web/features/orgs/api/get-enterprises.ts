import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EnterpriseDto } from '../../../../server/modules/orgs/orgs.presenter';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';

export type Enterprise = EnterpriseDto;

export interface EnterpriseQuery {
  q?: string;
  type?: string;
  industry?: string;
  regionCode?: string;
  status?: 'active' | 'deregistered';
  page: number;
  pageSize: number;
}

export const enterprisesQuery = (query: EnterpriseQuery) =>
  queryOptions({ queryKey: ['enterprises', 'list', query], queryFn: () => api.get<Page<Enterprise>>('/api/enterprises', { ...query }) });

export const useEnterprises = (query: EnterpriseQuery) => useQuery({ ...enterprisesQuery(query), placeholderData: keepPreviousPage(query) });
