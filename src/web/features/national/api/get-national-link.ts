import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/*
 * GET /api/projects/:id/national-link. The route declares its response inline, so the shape is
 * written out here, field for field.
 */
export interface NationalTeamLink {
  teamId: string;
  name: string;
  employerName: string;
  /** 全国平台班组编号, returned by the platform for Team.Add; null until entered. */
  teamSysNo: number | null;
}

/** The project's link to 全国建筑工人管理服务信息平台: its code there, whether the secret is held (never the secret). */
export interface NationalLink {
  projectCode: string | null;
  secretSet: boolean;
  teams: NationalTeamLink[];
}

export const nationalLinkKey = (projectId: string) => ['national', projectId, 'link'] as const;

export const nationalLinkQuery = (projectId: string) =>
  queryOptions({ queryKey: nationalLinkKey(projectId), queryFn: () => api.get<NationalLink>(`/api/projects/${projectId}/national-link`) });

export const useNationalLink = (projectId: string) => useQuery(nationalLinkQuery(projectId));
