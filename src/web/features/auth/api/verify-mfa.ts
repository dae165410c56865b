import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { type Me, getMe, meQueryKey } from '../../../lib/session';

/** Checks the 6-digit code; the server rotates the session and its CSRF token. */
export async function verifyMfa(code: string): Promise<Me | null> {
  const grant = await api.post<{ stage: string; csrfToken: string }>('/api/auth/mfa/verify', { code });
  setCsrfToken(grant.csrfToken);
  return getMe();
}

export function useVerifyMfa() {
  const client = useQueryClient();
  return useMutation({ mutationFn: verifyMfa, onSuccess: (me) => client.setQueryData(meQueryKey, me) });
}
