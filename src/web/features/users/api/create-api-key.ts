import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ApiKey } from './get-api-keys';

export interface CreateApiKeyInput {
  name: string;
  role: 'bank_integration' | 'site_device';
  scopeRegionCode?: string | null;
  scopeEnterpriseId?: string | null;
  scopeBankId?: string | null;
}

/** The banks a bank key can belong to (the security admin does not read the organisation registry). */
export const useKeyBanks = (enabled: boolean) =>
  useQuery({ queryKey: ['api-keys', 'banks'], queryFn: () => api.get<{ id: string; name: string; bankCode: string }[]>('/api/api-keys/banks'), enabled, staleTime: 5 * 60_000 });

/** Issues a key; the secret (and a bank's signing secret) is in this answer only. */
export const createApiKey = (input: CreateApiKeyInput) => api.post<{ key: ApiKey; secret: string; signingSecret: string | null }>('/api/api-keys', input);

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createApiKey, onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys'] }) });
}
