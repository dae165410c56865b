import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RegionDto } from '../../../../server/modules/regions/regions.presenter';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';

export interface RegionSearch {
  q: string;
  page: number;
  pageSize: number;
}

export const searchRegionsQuery = (search: RegionSearch) =>
  queryOptions({ queryKey: ['regions', 'search', search], queryFn: () => api.get<Page<RegionDto>>('/api/regions', { ...search }) });

export const useSearchRegions = (search: RegionSearch) => useQuery({ ...searchRegionsQuery(search), enabled: search.q.length > 0, placeholderData: keepPreviousPage(search) });
