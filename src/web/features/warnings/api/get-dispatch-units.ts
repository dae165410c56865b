import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';

/** Government units a warning may be dispatched to (GET /api/gov-units, searched by name). */
export interface DispatchUnit {
  id: string;
  name: string;
  regionName: string;
  kind: string;
}

export const dispatchUnitsQuery = (q: string) =>
  queryOptions({ queryKey: ['warnings', 'dispatch-units', q], queryFn: () => api.get<Page<DispatchUnit>>('/api/gov-units', { q: q || undefined, page: 1, pageSize: 50 }), staleTime: 60_000 });

export const useDispatchUnits = (q: string, enabled: boolean) => useQuery({ ...dispatchUnitsQuery(q), enabled, placeholderData: keepPreviousData });
