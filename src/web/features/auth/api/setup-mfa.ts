import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface MfaEnrolment {
  secret: string;
  uri: string;
}

export const setupMfa = () => api.post<MfaEnrolment>('/api/auth/mfa/setup');

export const useSetupMfa = () => useMutation({ mutationFn: setupMfa });
