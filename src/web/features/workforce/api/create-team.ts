import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Team } from './get-teams';

export const createTeam = ({ projectId, ...body }: { projectId: string; employerId: string; name: string }) => api.post<Team[]>(`/api/projects/${projectId}/teams`, body);

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createTeam, onSuccess: (teams, { projectId }) => client.setQueryData(['roster', projectId, 'teams'], teams) });
}
