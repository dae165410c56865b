import type { Static } from '@sinclair/typebox';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Team as TeamSchema } from '../../../../server/modules/workforce/workforce.presenter';
import { api } from '../../../lib/api-client';

export type Team = Static<typeof TeamSchema>;

export const teamsQuery = (projectId: string) =>
  queryOptions({ queryKey: ['roster', projectId, 'teams'], queryFn: () => api.get<Team[]>(`/api/projects/${projectId}/teams`) });

export const useTeams = (projectId: string) => useQuery(teamsQuery(projectId));
