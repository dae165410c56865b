import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegionDto } from '../../../../server/modules/regions/regions.presenter';
import { api } from '../../../lib/api-client';

export interface RenameRegionInput {
  code: string;
  name: string;
  version: number;
}

export const renameRegion = ({ code, ...body }: RenameRegionInput) => api.patch<RegionDto>(`/api/regions/${encodeURIComponent(code)}`, body);

export function useRenameRegion() {
  const client = useQueryClient();
  return useMutation({ mutationFn: renameRegion, onSuccess: () => client.invalidateQueries({ queryKey: ['regions'] }) });
}
