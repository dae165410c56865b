import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/session';

export const logout = () => api.post<void>('/api/auth/logout');

/** Ends the session on the server, then drops every cached answer of this user. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      client.setQueryData(meQueryKey, null);
    },
  });
}
