import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/*
 * GET /api/projects/:id/attendance/day. The route declares its response inline, so the shape is
 * written out here, field for field.
 */
export interface DayRosterRow {
  workerId: string;
  name: string;
  /** masked */
  idNumber: string;
  teamName: string | null;
  employerName: string;
  present: boolean;
  minutes: number;
  firstAt: string | null;
  lastAt: string | null;
  corrected: boolean;
  correctionReason: string | null;
}

/** A clock event that did not match a worker on this roster (unregistered person, key staff, another roster). */
export interface DayException {
  at: string;
  direction: string;
  method: string;
  methodAllowed: boolean;
  status: string;
  keyStaffRole: string | null;
  workerName: string | null;
  deviceCode: string | null;
}

export interface ProjectDay {
  date: string;
  roster: DayRosterRow[];
  exceptions: DayException[];
}

export const projectDayQuery = (projectId: string, date: string) =>
  queryOptions({ queryKey: ['attendance', projectId, 'day', date], queryFn: () => api.get<ProjectDay>(`/api/projects/${projectId}/attendance/day`, { date }) });

export const useProjectDay = (projectId: string, date: string) => useQuery(projectDayQuery(projectId, date));
