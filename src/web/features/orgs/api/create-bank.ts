import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Bank } from './get-banks';

export type BankInput = Pick<Bank, 'name' | 'bankCode'>;

export const createBank = (input: BankInput) => api.post<Bank>('/api/banks', input);

export function useCreateBank() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createBank, onSuccess: () => client.invalidateQueries({ queryKey: ['banks'] }) });
}
