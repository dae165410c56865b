import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ProjectDetail } from './get-project';

export interface StatusChange {
  id: string;
  status: string;
  date: string;
  reason: string;
  version: number;
}

/** Moves the project to a new status; the server keeps the change in the status history. */
export const changeProjectStatus = ({ id, ...body }: StatusChange) => api.post<ProjectDetail>(`/api/projects/${id}/status`, body);

export function useChangeProjectStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: changeProjectStatus,
    onSuccess: (project) => {
      client.setQueryData(['projects', 'detail', project.id], project);
      return client.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}
