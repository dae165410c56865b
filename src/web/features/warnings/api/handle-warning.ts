import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { type WarningDetail, warningDetailKey } from './get-warning';

/*
 * The commands on one warning. Each answers with the warning as it now is: the answer replaces the
 * cached detail, and the lists, the battle map and the risk scores are read again.
 */
const settle = (client: QueryClient) => (detail: WarningDetail) => {
  client.setQueryData(warningDetailKey(detail.id), detail);
  return Promise.all([
    client.invalidateQueries({ queryKey: ['warnings'], predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== detail.id }),
    client.invalidateQueries({ queryKey: ['risk-scores'] }),
    client.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
};

export type WarningCommand =
  | { action: 'acknowledge'; id: string; note?: string }
  | { action: 'dispose'; id: string; measures: string; fileIds?: string[] }
  | { action: 'respond'; id: string; measures: string; fileIds?: string[] }
  | { action: 'verify'; id: string; note: string }
  | { action: 'reject'; id: string; note: string }
  | { action: 'dispatch'; id: string; unitId: string; note?: string }
  | { action: 'decide'; id: string; proposalId: string; decision: 'accepted' | 'declined'; note: string };

const PATHS: Record<WarningCommand['action'], string> = {
  acknowledge: 'acknowledge',
  dispose: 'disposal',
  respond: 'response',
  verify: 'verify',
  reject: 'reject',
  dispatch: 'dispatch',
  decide: 'proposals',
};

export function sendWarningCommand(command: WarningCommand): Promise<WarningDetail> {
  const { action, id, ...body } = command;
  if (command.action === 'decide') {
    const { proposalId, decision, note } = command;
    return api.command<WarningDetail>(`/api/warnings/${id}/proposals/${proposalId}/decision`, { decision, note });
  }
  return api.command<WarningDetail>(`/api/warnings/${id}/${PATHS[action]}`, body);
}

export function useWarningCommand() {
  const client = useQueryClient();
  return useMutation({ mutationFn: sendWarningCommand, onSuccess: settle(client) });
}

/** POST /api/warnings/:id/files: one attachment (jpg, png or pdf) for a disposal or a response; its id then goes in `fileIds`. */
export const uploadWarningFile = (id: string, file: File) => api.upload<{ id: string; name: string }>(`/api/warnings/${id}/files`, file);

/** GET /api/warnings/:id/files/:fileId: an attachment, saved under its name. */
export const warningFilePath = (id: string, fileId: string) => `/api/warnings/${id}/files/${fileId}`;
