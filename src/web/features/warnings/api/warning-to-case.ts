import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/warnings/:id/case: the warning turned into a case (the same case again if it was before). */
export const useWarningToCase = (warningId: string) =>
  useMutation({ mutationFn: () => api.post<{ clueId: string; caseId: string | null; duplicate: boolean }>(`/api/warnings/${warningId}/case`, {}) });
