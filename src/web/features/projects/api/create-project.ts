import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ProjectDetail } from './get-project';

/**
 * The ledger fields of POST and PUT /api/projects. Personal fields (ID numbers, the officer's
 * phone) left out keep what is on file on an update; null clears them.
 */
export interface ProjectInput {
  name: string;
  commonName?: string | null;
  regionCode: string;
  address: string;
  industry: string;
  investmentType: string;
  ownershipTier?: string | null;
  competentUnitId?: string | null;
  contractPriceFen: number;
  plannedStart: string;
  plannedEnd: string;
  ownerId: string;
  generalContractorId: string;
  projectManagerName?: string | null;
  projectManagerIdNumber?: string | null;
  chiefSupervisorName?: string | null;
  chiefSupervisorIdNumber?: string | null;
  laborOfficerName?: string | null;
  laborOfficerPhone?: string | null;
  boardSetUp?: boolean;
  boardContents?: string[];
  payday?: number | null;
  laborCostShareBp?: number | null;
  allocationCycleMonths?: number | null;
  meteringCycle?: string | null;
  settlementMethod?: string | null;
  paymentGuarantee?: boolean;
  fundsInPlace?: boolean | null;
}

export type ProjectCreate = ProjectInput & { code?: string | null; status?: 'not_started' | 'in_progress'; actualStart?: string | null };

export const createProject = (input: ProjectCreate) => api.post<ProjectDetail>('/api/projects', input);

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createProject, onSuccess: () => client.invalidateQueries({ queryKey: ['projects'] }) });
}
