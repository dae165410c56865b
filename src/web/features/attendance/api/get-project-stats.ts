import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET /api/projects/:id/attendance/stats: key-staff on-site rates, the real-name rate and gate violations. Rates are fractions or null. */
export interface ProjectAttendanceStats {
  from: string;
  to: string;
  workingDays: number;
  projectManagerDays: number;
  projectManagerRate: number | null;
  chiefSupervisorDays: number;
  chiefSupervisorRate: number | null;
  onSite: number;
  registered: number;
  realNameRate: number | null;
  gateViolations: number;
}

export const projectStatsQuery = (projectId: string, from: string, to: string) =>
  queryOptions({
    queryKey: ['attendance', projectId, 'stats', from, to],
    queryFn: () => api.get<ProjectAttendanceStats>(`/api/projects/${projectId}/attendance/stats`, { from, to }),
  });

export const useProjectStats = (projectId: string, from: string, to: string) => useQuery(projectStatsQuery(projectId, from, to));
