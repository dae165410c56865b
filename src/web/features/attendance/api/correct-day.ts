import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface DayCorrection {
  projectId: string;
  workerId: string;
  date: string;
  present: boolean;
  minutes?: number | null;
  reason: string;
}

/** A manual correction of one worker's day; the reason is kept and audited. */
export const correctDay = ({ projectId, ...body }: DayCorrection) => api.put<void>(`/api/projects/${projectId}/attendance/daily`, body);

export function useCorrectDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: correctDay,
    onSuccess: (_, { projectId, workerId }) =>
      Promise.all([client.invalidateQueries({ queryKey: ['attendance', projectId] }), client.invalidateQueries({ queryKey: ['attendance', 'worker', workerId] })]),
  });
}
