import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { GovUnit } from './get-gov-units';

export type GovUnitInput = Pick<GovUnit, 'regionCode' | 'kind' | 'name'> & { officePhone?: string | null; address?: string | null };

export const createGovUnit = (input: GovUnitInput) => api.post<GovUnit>('/api/gov-units', input);

export function useCreateGovUnit() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createGovUnit, onSuccess: () => client.invalidateQueries({ queryKey: ['gov-units'] }) });
}
