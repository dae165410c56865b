import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A new one-time password; the user's sessions and authenticator are cleared by the server. */
export const resetUserPassword = (id: string) => api.post<{ initialPassword: string }>(`/api/users/${id}/reset-password`);

export function useResetUserPassword() {
  const client = useQueryClient();
  return useMutation({ mutationFn: resetUserPassword, onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }) });
}
