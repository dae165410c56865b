import type { Static } from '@sinclair/typebox';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProjectDetail as ProjectDetailSchema } from '../../../../server/modules/projects/projects.presenter';
import { api } from '../../../lib/api-client';

/** One project with its subcontract chain, status history, compliance checklist and what the caller may do (`actions`). */
export type ProjectDetail = Static<typeof ProjectDetailSchema>;
export type ComplianceItem = ProjectDetail['compliance'][number];
export type Subcontract = ProjectDetail['subcontracts'][number];

export const projectQuery = (id: string) => queryOptions({ queryKey: ['projects', 'detail', id], queryFn: () => api.get<ProjectDetail>(`/api/projects/${id}`) });

export const useProject = (id: string) => useQuery(projectQuery(id));
