import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type WageAccountDetail, wageAccountKey } from './get-wage-account';

export interface OpenAccountInput {
  projectId: string;
  bankId: string;
  accountNo: string;
  accountName?: string | null;
  contractSignedOn: string;
  openedOn: string;
  agreementSignedOn?: string | null;
}

/** Registers the opening of the project's wage account (ACC-01); the allocation schedule is drawn up with it. */
export const openWageAccount = ({ projectId, ...body }: OpenAccountInput) => api.post<WageAccountDetail>(`/api/projects/${projectId}/wage-accounts`, body);

export function useOpenWageAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: openWageAccount,
    onSuccess: (account) => {
      client.setQueryData(wageAccountKey(account.id), account);
      return Promise.all([client.invalidateQueries({ queryKey: ['wage-accounts', 'project', account.projectId] }), client.invalidateQueries({ queryKey: ['wage-accounts', 'allocations', account.projectId] })]);
    },
  });
}
