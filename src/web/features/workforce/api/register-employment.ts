import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { RosterEntry } from './get-roster';

/** The body of POST /api/projects/:id/employments: 实名登记 of the worker and the entry to the site. */
export interface EmploymentInput {
  worker: {
    name: string;
    idNumber: string;
    phone?: string | null;
    bankCard?: string | null;
    bankId?: string | null;
    ethnicity?: string | null;
    nativePlace?: string | null;
    education?: string | null;
  };
  employerId: string;
  teamId?: string | null;
  teamName?: string | null;
  isTeamLeader?: boolean;
  trade: string;
  entryDate: string;
  wageType: string;
  wageAmountFen: number;
  contractKind: string;
  contractSignedOn: string;
  safetyTrainingOn: string;
}

export const registerEmployment = ({ projectId, ...body }: EmploymentInput & { projectId: string }) =>
  api.post<RosterEntry>(`/api/projects/${projectId}/employments`, body);

export function useRegisterEmployment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: registerEmployment,
    onSuccess: (_, { projectId }) =>
      Promise.all([client.invalidateQueries({ queryKey: ['roster', projectId] }), client.invalidateQueries({ queryKey: ['projects'] }), client.invalidateQueries({ queryKey: ['workers'] })]),
  });
}
