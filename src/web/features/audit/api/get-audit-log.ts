import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Page, api } from '../../../lib/api-client';
import { keepPreviousPage } from '../../../lib/query-client';

/** One record of the hash-chained audit log, as GET /api/audit presents it (the route's AuditRecord schema). */
export interface AuditRecord {
  seq: number;
  at: string;
  actorName: string;
  actorRole: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  result: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  hash: string;
}

export interface AuditQuery {
  actorName?: string;
  action?: string;
  objectType?: string;
  result?: 'success' | 'failure';
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditLogQuery = (query: AuditQuery) =>
  queryOptions({ queryKey: ['audit', 'list', query], queryFn: () => api.get<Page<AuditRecord>>('/api/audit', { ...query }) });

export const useAuditLog = (query: AuditQuery) => useQuery({ ...auditLogQuery(query), placeholderData: keepPreviousPage(query) });
