import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { getMe, meQueryKey } from '../../../lib/session';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(input: ChangePasswordInput) {
  await api.post<void>('/api/auth/password', input);
  return getMe();
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({ mutationFn: changePassword, onSuccess: (me) => client.setQueryData(meQueryKey, me) });
}
