import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GovUnitDto } from '../../../../server/modules/orgs/orgs.presenter';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';

export type GovUnit = GovUnitDto;

export interface GovUnitQuery {
  q?: string;
  kind?: string;
  regionCode?: string;
  page: number;
  pageSize: number;
}

export const govUnitsQuery = (query: GovUnitQuery) =>
  queryOptions({ queryKey: ['gov-units', 'list', query], queryFn: () => api.get<Page<GovUnit>>('/api/gov-units', { ...query }) });

export const useGovUnits = (query: GovUnitQuery) => useQuery({ ...govUnitsQuery(query), placeholderData: keepPreviousPage(query) });
