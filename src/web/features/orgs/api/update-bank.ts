import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { BankInput } from './create-bank';
import type { Bank } from './get-banks';

export const updateBank = ({ id, ...body }: BankInput & { id: string; version: number }) => api.put<Bank>(`/api/banks/${id}`, body);

export function useUpdateBank() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateBank, onSuccess: () => client.invalidateQueries({ queryKey: ['banks'] }) });
}
