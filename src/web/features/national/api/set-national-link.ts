import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type NationalLink, nationalLinkKey } from './get-national-link';

/** The body of PUT /api/projects/:id/national-link. */
export interface NationalLinkInput {
  projectCode: string | null;
  /** Absent: keep the secret held; null: forget it; else 16, 24 or 32 characters. */
  secret?: string | null;
  /** Only the teams whose number changes need to be sent. */
  teams?: { teamId: string; teamSysNo: number | null }[];
}

/** Sets the national project code, secret and team numbers (audited; the secret never comes back). */
export const setNationalLink = ({ projectId, ...body }: NationalLinkInput & { projectId: string }) =>
  api.put<NationalLink>(`/api/projects/${projectId}/national-link`, body);

export function useSetNationalLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: setNationalLink,
    onSuccess: (link, { projectId }) => client.setQueryData(nationalLinkKey(projectId), link),
  });
}
