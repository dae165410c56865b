import type { Static } from '@sinclair/typebox';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RosterEntry as RosterEntrySchema } from '../../../../server/modules/workforce/workforce.presenter';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';

/** One employment on a project's roster (花名册), personal data masked. */
export type RosterEntry = Static<typeof RosterEntrySchema>;

export interface RosterQuery {
  teamId?: string;
  employerId?: string;
  status?: 'open' | 'exited' | 'all';
  q?: string;
  page: number;
  pageSize: number;
}

export const rosterQuery = (projectId: string, query: RosterQuery) =>
  queryOptions({ queryKey: ['roster', projectId, 'list', query], queryFn: () => api.get<Page<RosterEntry>>(`/api/projects/${projectId}/roster`, { ...query }) });

export const useRoster = (projectId: string, query: RosterQuery) => useQuery({ ...rosterQuery(projectId, query), placeholderData: keepPreviousPage(query) });
