import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import { keepPreviousPage } from '../../../lib/query-client';
import type { CaseStatus, Supervision } from '../labels';

/*
 * GET /api/cases. The shapes follow the route's response schema (cases.routes.ts) field for field;
 * money in fen, dates 'YYYY-MM-DD', labels as {zh, en} pairs.
 */
export interface CaseListItem {
  id: string;
  caseNo: string;
  title: string;
  status: CaseStatus;
  statusLabel: Bilingual;
  regionCode: string;
  regionName: string;
  projectId: string | null;
  projectName: string | null;
  employerName: string;
  handlingUnitName: string | null;
  receivedOn: string;
  stageDueOn: string | null;
  overdue: boolean;
  escalationLevel: number;
  major: boolean;
  supervision: Supervision[];
  workerCount: number;
  claimedFen: number;
  foundOwedFen: number;
  recoveredFen: number;
}

/** The list's filters, named as the API names them. */
export interface CaseFilters {
  status?: CaseStatus;
  open?: boolean;
  overdue?: boolean;
  supervised?: boolean;
  major?: boolean;
  projectId?: string;
  q?: string;
}

export interface CaseQuery extends CaseFilters {
  page: number;
  pageSize: number;
}

export const casesQuery = (query: CaseQuery) => queryOptions({ queryKey: ['cases', 'list', query], queryFn: () => api.get<Page<CaseListItem>>('/api/cases', { ...query }) });

export const useCases = (query: CaseQuery, enabled = true) => useQuery({ ...casesQuery(query), enabled, placeholderData: keepPreviousPage(query) });
