import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AccountStatus } from '../../../../server/modules/accounts/accounts.rules';
import { api } from '../../../lib/api-client';

/*
 * GET /api/projects/:id/wage-accounts. The route declares its schema inline, so the shape is
 * written out here field for field. Money is integer fen.
 */
export interface WageAccountSummary {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  generalContractorName: string;
  bankId: string;
  bankName: string;
  accountNo: string;
  accountName: string;
  contractSignedOn: string;
  openedOn: string;
  agreementSignedOn: string | null;
  hasAgreement: boolean;
  status: AccountStatus;
  closeNoticeFrom: string | null;
  closedOn: string | null;
  ledgerBalanceFen: number;
  bankBalanceFen: number | null;
  version: number;
}

export const wageAccountsQuery = (projectId: string) =>
  queryOptions({ queryKey: ['wage-accounts', 'project', projectId], queryFn: () => api.get<WageAccountSummary[]>(`/api/projects/${projectId}/wage-accounts`) });

export const useWageAccounts = (projectId: string) => useQuery(wageAccountsQuery(projectId));
