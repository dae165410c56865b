import type { Static } from '@sinclair/typebox';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProjectSummary as ProjectSummarySchema } from '../../../../server/modules/projects/projects.presenter';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';

export type ProjectSummary = Static<typeof ProjectSummarySchema>;

/** The ledger's filters; the export takes the same ones without the page. */
export interface ProjectFilters {
  q?: string;
  regionCode?: string;
  industry?: string;
  investmentType?: string;
  ownershipTier?: string;
  status?: string;
}

export interface ProjectQuery extends ProjectFilters {
  page: number;
  pageSize: number;
}

export const projectsQuery = (query: ProjectQuery) =>
  queryOptions({ queryKey: ['projects', 'list', query], queryFn: () => api.get<Page<ProjectSummary>>('/api/projects', { ...query }) });

export const useProjects = (query: ProjectQuery) => useQuery({ ...projectsQuery(query), placeholderData: keepPreviousPage(query) });
