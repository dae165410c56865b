import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountStatus } from '../../../../server/modules/accounts/accounts.rules';
import { api, downloadFile } from '../../../lib/api-client';
import { type WageAccountDetail, wageAccountKey } from './get-wage-account';

/* The general contractor's keeping of the account: status, closing notice, tripartite agreement. Each answers with the account. */
const settle = (client: QueryClient) => (account: WageAccountDetail) => {
  client.setQueryData(wageAccountKey(account.id), account);
  return client.invalidateQueries({ queryKey: ['wage-accounts', 'project', account.projectId] });
};

export interface StatusInput {
  id: string;
  status: AccountStatus;
  date: string;
  reason: string;
  version: number;
}

export const changeAccountStatus = ({ id, ...body }: StatusInput) => api.post<WageAccountDetail>(`/api/wage-accounts/${id}/status`, body);

export const useChangeAccountStatus = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: changeAccountStatus, onSuccess: settle(client) });
};

/** ACC-07: the public notice before closing, from a date. */
export const publishCloseNotice = ({ id, ...body }: { id: string; from: string; version: number }) => api.post<WageAccountDetail>(`/api/wage-accounts/${id}/close-notice`, body);

export const usePublishCloseNotice = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: publishCloseNotice, onSuccess: settle(client) });
};

/** ACC-03: the 三方协议 (PDF, JPEG or PNG) with its signing date. */
export const uploadAgreement = ({ id, file, signedOn }: { id: string; file: File; signedOn: string }) =>
  api.upload<WageAccountDetail>(`/api/wage-accounts/${id}/agreement`, file, { method: 'PUT', query: { signedOn } });

export const useUploadAgreement = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: uploadAgreement, onSuccess: settle(client) });
};

export const downloadAgreement = (id: string) => downloadFile(`/api/wage-accounts/${id}/agreement`, undefined, '三方协议');
