import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import { keepPreviousPage } from '../../../lib/query-client';

/** GET /api/clues: every clue in the jurisdiction; an anonymous tip-off stays intelligence, with no complainant. */
export type ClueStatus = 'open' | 'in_case' | 'intelligence';

export interface Clue {
  id: string;
  channel: string;
  channelLabel: Bilingual;
  externalId: string | null;
  /** ISO instant. */
  receivedAt: string;
  receivedBy: string;
  regionCode: string;
  projectId: string | null;
  projectName: string | null;
  employerId: string | null;
  employerName: string;
  employerMatch: string;
  anonymous: boolean;
  complainantName: string | null;
  /** Masked. */
  complainantPhone: string | null;
  workerCount: number;
  claimedFen: number;
  periodFrom: string | null;
  periodTo: string | null;
  description: string;
  fileIds: string[];
  status: ClueStatus;
  caseId: string | null;
}

export interface ClueQuery {
  status?: ClueStatus;
  channel?: string;
  page: number;
  pageSize: number;
}

export const cluesQuery = (query: ClueQuery) => queryOptions({ queryKey: ['cases', 'clues', query], queryFn: () => api.get<Page<Clue>>('/api/clues', { ...query }) });

export const useClues = (query: ClueQuery, enabled = true) => useQuery({ ...cluesQuery(query), enabled, placeholderData: keepPreviousPage(query) });
