import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeDto } from '../../server/modules/auth/auth.presenter';
import type { Permission } from '../../server/platform/access/roles';
import { ApiError, api, setCsrfToken } from './api-client';

/** The logged-in user (or null), shared by the app shell and every feature. */
export type Me = MeDto;
export const meQueryKey = ['auth', 'me'] as const;

export async function getMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me', undefined, { redirectOnAuth: false });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000, retry: false });

export const useMe = () => useQuery(meQueryOptions());

/** `can('orgs.write')`: what the server granted this session; the server checks again on every call. */
export function useCan() {
  const { data } = useMe();
  return (permission: Permission) => Boolean(data?.permissions.includes(permission));
}

/** Where a session in this state has to go next, or null when it may use the app. */
export function pendingStep(me: Me | null | undefined): '/login' | '/mfa' | '/change-password' | null {
  if (!me) return '/login';
  if (me.stage === 'mfa_pending') return '/mfa';
  if (me.passwordChangeRequired) return '/change-password';
  return null;
}
