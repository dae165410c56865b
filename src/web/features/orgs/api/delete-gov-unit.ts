import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const deleteGovUnit = (id: string) => api.delete(`/api/gov-units/${id}`);

export function useDeleteGovUnit() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteGovUnit, onSuccess: () => client.invalidateQueries({ queryKey: ['gov-units'] }) });
}
