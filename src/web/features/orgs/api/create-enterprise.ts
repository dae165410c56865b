import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Enterprise } from './get-enterprises';

/** The body of POST /api/enterprises; optional personal fields are left out when blank. */
export type EnterpriseInput = Pick<Enterprise, 'creditCode' | 'name' | 'type' | 'industry' | 'regionCode' | 'legalRepName'> & {
  legalRepIdNumber?: string | null;
  legalRepPhone?: string | null;
  address?: string | null;
  bankId?: string | null;
};

export const createEnterprise = (input: EnterpriseInput) => api.post<Enterprise>('/api/enterprises', input);

export function useCreateEnterprise() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createEnterprise, onSuccess: () => client.invalidateQueries({ queryKey: ['enterprises'] }) });
}
