import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ParamDef } from './get-params';

export interface ParamOverride {
  id: string;
  regionCode: string;
  regionName: string;
  value: unknown;
  effectiveFrom: string;
  reason: string;
  createdByName: string | null;
  createdAt: string;
}

export const paramHistoryQuery = (id: string, regionCode?: string) =>
  queryOptions({
    queryKey: ['params', 'history', id, regionCode ?? ''],
    queryFn: () => api.get<{ def: ParamDef; overrides: ParamOverride[] }>(`/api/params/${encodeURIComponent(id)}`, { regionCode }),
  });

export const useParamHistory = (id: string | null, regionCode?: string) => useQuery({ ...paramHistoryQuery(id ?? '', regionCode), enabled: Boolean(id) });
