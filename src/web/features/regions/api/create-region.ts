import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegionDto } from '../../../../server/modules/regions/regions.presenter';
import { api } from '../../../lib/api-client';

export interface CreateRegionInput {
  code: string;
  name: string;
  parentCode: string;
}

export const createRegion = (input: CreateRegionInput) => api.post<RegionDto>('/api/regions', input);

export function useCreateRegion() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createRegion, onSuccess: () => client.invalidateQueries({ queryKey: ['regions'] }) });
}
