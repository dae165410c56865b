import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { CaseAction } from '../labels';
import type { CaseDetail } from './get-case';
import { refetchOnConflict, settleCase } from './settle-case';

/*
 * POST /api/cases/:id/<action>: the moves between stages. Every body carries the case's rowVersion
 * as `version` and may carry a note; the rest depends on the move (see buildActionBody).
 */
const PATHS: Record<CaseAction, string> = {
  accept: 'accept',
  transfer: 'transfer',
  refuse: 'refuse',
  refer: 'refer',
  merge: 'merge',
  mediate: 'mediate',
  file: 'file',
  extend: 'extend',
  order: 'order',
  enforce: 'enforce',
  transfer_police: 'transfer-police',
  unfounded: 'unfounded',
  settle: 'settle',
  close: 'close',
};

export const actionPath = (id: string, action: CaseAction) => `/api/cases/${id}/${PATHS[action]}`;

export interface CaseMove {
  id: string;
  action: CaseAction;
  body: Record<string, unknown> & { version: number };
}

export const moveCase = ({ id, action, body }: CaseMove) => api.post<CaseDetail>(actionPath(id, action), body);

export function useMoveCase(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: moveCase, onSuccess: settleCase(client), onError: refetchOnConflict(client, id) });
}
