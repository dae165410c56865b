import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ProjectDetail } from './get-project';

export interface SubcontractInput {
  projectId: string;
  enterpriseId: string;
  parentEnterpriseId: string;
  scopeOfWork: string;
  amountFen: number;
  signedOn?: string | null;
}

export const addSubcontract = ({ projectId, ...body }: SubcontractInput) => api.post<ProjectDetail>(`/api/projects/${projectId}/subcontracts`, body);

export function useAddSubcontract() {
  const client = useQueryClient();
  return useMutation({ mutationFn: addSubcontract, onSuccess: (project) => client.setQueryData(['projects', 'detail', project.id], project) });
}
