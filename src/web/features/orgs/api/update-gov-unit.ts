import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { GovUnitInput } from './create-gov-unit';
import type { GovUnit } from './get-gov-units';

export const updateGovUnit = ({ id, ...body }: GovUnitInput & { id: string; version: number }) => api.put<GovUnit>(`/api/gov-units/${id}`, body);

export function useUpdateGovUnit() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateGovUnit, onSuccess: () => client.invalidateQueries({ queryKey: ['gov-units'] }) });
}
