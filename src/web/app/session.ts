import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeDto } from '../../server/modules/auth/auth.presenter';
import { ApiError, api, setCsrfToken } from '../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The logged-in user, or null. Keeps the CSRF token the writes need. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => {
      try {
        const me = await api.get<MeDto>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export function useHasPermission() {
  const { data } = useMe();
  return (permission: string) => Boolean(data?.permissions.includes(permission));
}

export function useRefreshSession() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: meQueryKey });
}
