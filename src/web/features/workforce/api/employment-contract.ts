import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile } from '../../../lib/api-client';

const contractPath = (projectId: string, employmentId: string) => `/api/projects/${projectId}/employments/${employmentId}/contract`;

/** Stores the signed labour contract (PDF, JPEG or PNG) of one employment. */
export const uploadContract = ({ projectId, employmentId, file }: { projectId: string; employmentId: string; file: File }) =>
  api.upload<void>(contractPath(projectId, employmentId), file, { method: 'PUT' });

export function useUploadContract() {
  const client = useQueryClient();
  return useMutation({ mutationFn: uploadContract, onSuccess: (_, { projectId }) => client.invalidateQueries({ queryKey: ['roster', projectId] }) });
}

/** Downloads the contract; the server records the read like a reveal. */
export const downloadContract = (projectId: string, employmentId: string) => downloadFile(contractPath(projectId, employmentId), undefined, 'contract');
