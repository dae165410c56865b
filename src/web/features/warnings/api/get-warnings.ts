import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import { keepPreviousPage } from '../../../lib/query-client';

/*
 * GET /api/warnings. The shapes follow the warnings API contract field for field (the server's
 * presenter is written beside it); labels arrive as {zh, en} pairs, dates as 'YYYY-MM-DD'.
 */
export type WarningLevel = 'yellow' | 'orange' | 'red';
export type WarningStatus = 'generated' | 'dispatched' | 'acknowledged' | 'disposed' | 'closed' | 'resolved';
export type LadderStep = 'notice' | 'reminder' | 'escalated' | 'consequences';
/** The list's status filter: the open ones (default), the overdue among them, the finished ones, or all. */
export type StatusFilter = 'open' | 'overdue' | 'closed' | 'resolved' | 'all';

export interface WarningListItem {
  id: string;
  ruleCode: string;
  ruleName: Bilingual;
  level: WarningLevel;
  status: WarningStatus;
  statusLabel: Bilingual;
  subjectKind: 'project' | 'enterprise';
  projectId: string | null;
  projectName: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  regionCode: string;
  regionName: string;
  /** ISO instant. */
  raisedAt: string;
  dueOn: string | null;
  overdue: boolean;
  escalations: number;
  ladderStep: LadderStep;
  ladderStepLabel: Bilingual;
  handlingUnitName: string | null;
  /** One line from the evidence. */
  summary: Bilingual;
}

export interface WarningFilters {
  regionCode?: string;
  level?: WarningLevel;
  status?: StatusFilter;
  ruleCode?: string;
  projectId?: string;
  enterpriseId?: string;
  q?: string;
}

export interface WarningQuery extends WarningFilters {
  page: number;
  pageSize: number;
}

export const warningsQuery = (query: WarningQuery) =>
  queryOptions({ queryKey: ['warnings', 'list', query], queryFn: () => api.get<Page<WarningListItem>>('/api/warnings', { ...query }) });

export const useWarnings = (query: WarningQuery, enabled = true) => useQuery({ ...warningsQuery(query), enabled, placeholderData: keepPreviousPage(query) });
