import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { User } from './get-users';

export interface UserScopeInput {
  scopeRegionCode?: string | null;
  scopeIndustry?: string | null;
  scopeEnterpriseId?: string | null;
}

export interface CreateUserInput extends UserScopeInput {
  username: string;
  displayName: string;
  role: string;
}

/** Creates the account; the answer carries the one-time initial password, shown once. */
export const createUser = (input: CreateUserInput) => api.post<{ user: User; initialPassword: string }>('/api/users', input);

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }) });
}
