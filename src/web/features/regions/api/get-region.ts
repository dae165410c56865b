import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RegionDto } from '../../../../server/modules/regions/regions.presenter';
import { api } from '../../../lib/api-client';

export const regionQuery = (code: string) =>
  queryOptions({ queryKey: ['regions', 'detail', code], queryFn: () => api.get<RegionDto>(`/api/regions/${encodeURIComponent(code)}`) });

export const useRegion = (code: string | null) => useQuery({ ...regionQuery(code ?? ''), enabled: Boolean(code) });
