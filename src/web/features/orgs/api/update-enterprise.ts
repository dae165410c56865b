import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { EnterpriseInput } from './create-enterprise';
import type { Enterprise } from './get-enterprises';

/** PUT body: a personal field left out keeps what is on file; null clears it. */
export type EnterpriseUpdate = EnterpriseInput & { id: string; version: number; status?: Enterprise['status'] };

export const updateEnterprise = ({ id, ...body }: EnterpriseUpdate) => api.put<Enterprise>(`/api/enterprises/${id}`, body);

export function useUpdateEnterprise() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateEnterprise, onSuccess: () => client.invalidateQueries({ queryKey: ['enterprises'] }) });
}
