import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** One day of a worker on one project (GET /api/workers/:id/attendance?month=YYYY-MM). */
export interface WorkerDay {
  date: string;
  projectId: string;
  projectName: string;
  present: boolean;
  minutes: number;
  corrected: boolean;
  correctionReason: string | null;
}

export const workerMonthQuery = (workerId: string, month: string) =>
  queryOptions({ queryKey: ['attendance', 'worker', workerId, month], queryFn: () => api.get<WorkerDay[]>(`/api/workers/${workerId}/attendance`, { month }) });

export const useWorkerMonth = (workerId: string, month: string) => useQuery(workerMonthQuery(workerId, month));
