import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { RosterEntry } from './get-roster';

export const recordExit = ({ projectId, employmentId, ...body }: { projectId: string; employmentId: string; exitDate: string; version: number }) =>
  api.post<RosterEntry>(`/api/projects/${projectId}/employments/${employmentId}/exit`, body);

export function useRecordExit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: recordExit,
    onSuccess: (_, { projectId }) =>
      Promise.all([client.invalidateQueries({ queryKey: ['roster', projectId] }), client.invalidateQueries({ queryKey: ['projects'] }), client.invalidateQueries({ queryKey: ['workers'] })]),
  });
}
