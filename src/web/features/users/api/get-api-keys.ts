import type { Static } from '@sinclair/typebox';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiKey as ApiKeySchema } from '../../../../server/modules/auth/auth.presenter';
import { api } from '../../../lib/api-client';

export type ApiKey = Static<typeof ApiKeySchema>;

export const apiKeysQuery = () => queryOptions({ queryKey: ['api-keys'], queryFn: () => api.get<ApiKey[]>('/api/api-keys') });

export const useApiKeys = () => useQuery(apiKeysQuery());
