import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';

/** What an advance is decided for, chosen from the records rather than typed: the project, its employers and their people. */
export interface ProjectChoice {
  id: string;
  code: string;
  name: string;
}

export interface RosterChoice {
  workerId: string;
  name: string;
  idNumber: string;
  employerId: string;
  employerName: string;
}

const projectChoices = (q: string) =>
  queryOptions({
    queryKey: ['funds', 'project-choices', q],
    queryFn: () => api.get<Page<ProjectChoice>>('/api/projects', { q: q || undefined, page: 1, pageSize: 20 }),
  });

const rosterChoices = (projectId: string) =>
  queryOptions({
    queryKey: ['funds', 'roster-choices', projectId],
    queryFn: () => api.get<Page<RosterChoice>>(`/api/projects/${projectId}/roster`, { status: 'all', page: 1, pageSize: 200 }),
  });

export const useProjectChoices = (q: string) => useQuery(projectChoices(q));
export const useRosterChoices = (projectId: string | undefined) => useQuery({ ...rosterChoices(projectId ?? ''), enabled: !!projectId });
