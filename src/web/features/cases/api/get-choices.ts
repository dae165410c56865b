import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';

/*
 * What the case forms pick from rather than type: projects of the caller's jurisdiction
 * (GET /api/projects) and government units (GET /api/gov-units), both searched by name.
 */
export interface ProjectChoice {
  id: string;
  code: string;
  name: string;
  regionName: string;
  generalContractorName: string;
}

export interface UnitChoice {
  id: string;
  name: string;
  regionName: string;
}

const projectChoices = (q: string) =>
  queryOptions({ queryKey: ['cases', 'project-choices', q], queryFn: () => api.get<Page<ProjectChoice>>('/api/projects', { q: q || undefined, page: 1, pageSize: 20 }), staleTime: 60_000 });

const unitChoices = (q: string) =>
  queryOptions({ queryKey: ['cases', 'unit-choices', q], queryFn: () => api.get<Page<UnitChoice>>('/api/gov-units', { q: q || undefined, page: 1, pageSize: 50 }), staleTime: 60_000 });

const unitById = (id: string) => queryOptions({ queryKey: ['cases', 'unit', id], queryFn: () => api.get<UnitChoice>(`/api/gov-units/${id}`), staleTime: 5 * 60_000 });

export const useProjectChoices = (q: string, enabled = true) => useQuery({ ...projectChoices(q), enabled, placeholderData: keepPreviousData });

export const useUnitChoices = (q: string, enabled = true) => useQuery({ ...unitChoices(q), enabled, placeholderData: keepPreviousData });

/** The names of units the case holds only by id (assisting units, the task force). */
export function useUnitNames(ids: readonly string[], enabled = true): Map<string, string> {
  const results = useQueries({ queries: ids.map((id) => ({ ...unitById(id), enabled })) });
  const names = new Map<string, string>();
  results.forEach((r, i) => r.data && names.set(ids[i], r.data.name));
  return names;
}
