import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';

/** A list endpoint's `total` in the user's scope (one row fetched, the count is what matters). */
export const totalQuery = (path: string) =>
  queryOptions({
    queryKey: ['home', 'total', path],
    queryFn: () => api.get<Page<unknown>>(path, { page: 1, pageSize: 1 }),
    select: (page) => page.total,
  });

export const useTotal = (path: string, enabled: boolean) => useQuery({ ...totalQuery(path), enabled });

/** How many legal parameters the rule table holds, and how many are set for this region. */
export const useParamsSummary = (enabled: boolean) =>
  useQuery({
    queryKey: ['home', 'params'],
    queryFn: () => api.get<{ regionName: string; items: { source: unknown }[] }>('/api/params'),
    select: (view) => ({ total: view.items.length, regional: view.items.filter((i) => i.source !== 'default').length, regionName: view.regionName }),
    enabled,
  });
