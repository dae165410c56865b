import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { StaffChannel } from '../labels';

/** POST /api/clues: a clue from a staffed channel. 201 new; 200 with `duplicate` when the channel's external id was recorded before. */
export interface ClueBody {
  channel: StaffChannel;
  externalId?: string | null;
  receivedAt?: string | null;
  projectId?: string | null;
  regionCode?: string | null;
  employerName: string;
  employerCreditCode?: string | null;
  complainant?: { name: string; phone?: string | null } | null;
  workers: { name: string; phone?: string | null; claimedFen: number }[];
  periodFrom?: string | null;
  periodTo?: string | null;
  description: string;
  dualAssignment?: boolean;
  assignedByUnitId?: string | null;
  /** Evidence uploaded with `uploadCaseEvidence`. */
  fileIds?: string[];
}

export interface ClueReceipt {
  clueId: string;
  /** null: an anonymous tip-off, kept as intelligence. */
  caseId: string | null;
  duplicate: boolean;
}

/** POST /api/cases/files: one piece of evidence, answered with its id for `fileIds`. */
export const uploadCaseEvidence = (file: Blob) => api.upload<{ id: string; name: string; mime: string; size: number }>('/api/cases/files', file);

export function useRecordClue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ClueBody) => api.post<ClueReceipt>('/api/clues', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}
