import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { UserScopeInput } from './create-user';
import type { User } from './get-users';

export interface UpdateUserInput extends UserScopeInput {
  id: string;
  version: number;
  displayName?: string;
  role?: string;
  status?: User['status'];
}

export const updateUser = ({ id, ...body }: UpdateUserInput) => api.patch<User>(`/api/users/${id}`, body);

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }) });
}
