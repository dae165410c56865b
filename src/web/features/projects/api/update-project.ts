import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ProjectInput } from './create-project';
import type { ProjectDetail } from './get-project';

export const updateProject = ({ id, ...body }: ProjectInput & { id: string; version: number }) => api.put<ProjectDetail>(`/api/projects/${id}`, body);

export function useUpdateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateProject,
    onSuccess: (project) => {
      client.setQueryData(['projects', 'detail', project.id], project);
      return client.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}
