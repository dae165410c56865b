import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { type Me, getMe, meQueryKey } from '../../../lib/session';

export interface LoginInput {
  username: string;
  password: string;
}
interface StageGrant {
  stage: 'active' | 'mfa_pending';
  csrfToken: string;
}

/** Logs in, forgets whatever the previous user had cached, and loads the new session. */
export async function login(input: LoginInput): Promise<Me | null> {
  const grant = await api.post<StageGrant>('/api/auth/login', input);
  setCsrfToken(grant.csrfToken);
  return getMe();
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      client.setQueryData(meQueryKey, me);
    },
  });
}
