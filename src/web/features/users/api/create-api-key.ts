import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ApiKey } from './get-api-keys';

export interface CreateApiKeyInput {
  name: string;
  role: 'bank_integration' | 'site_device';
  scopeRegionCode?: string | null;
  scopeEnterpriseId?: string | null;
}

/** Issues a key; the secret is in this answer only (the server keeps a hash). */
export const createApiKey = (input: CreateApiKeyInput) => api.post<{ key: ApiKey; secret: string }>('/api/api-keys', input);

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createApiKey, onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys'] }) });
}
