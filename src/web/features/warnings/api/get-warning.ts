import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import type { WarningListItem, WarningStatus } from './get-warnings';

/** GET /api/warnings/:id: the list item with the rule's text, the evidence, the routing, the timeline and what the caller may do. */
export type WarningAction = 'acknowledge' | 'dispose' | 'respond' | 'verify' | 'reject' | 'dispatch' | 'decide';
export type Consequence = 'order_to_correct' | 'payment_suspension' | 'credit_downgrade';

export interface Unit {
  id: string;
  name: string;
}

export interface WarningEvent {
  id: string;
  at: string;
  kind: string;
  kindLabel: Bilingual;
  actorName: string;
  fromStatus: WarningStatus | null;
  toStatus: WarningStatus | null;
  note: string | null;
  data: Record<string, unknown> | null;
  files: { id: string; name: string }[];
}

export interface Proposal {
  id: string;
  consequence: Consequence;
  consequenceLabel: Bilingual;
  proposedAt: string;
  status: 'pending' | 'accepted' | 'declined' | 'lapsed';
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

export interface WarningDetail extends WarningListItem {
  watches: Bilingual;
  source: Bilingual;
  ruleRef: string;
  /** Raw, camelCase keys; amounts in fen (`…Fen`). */
  evidence: Record<string, unknown>;
  evidenceLabels: Record<string, Bilingual>;
  /** Set when the scan cleared it: why ('condition_cleared' | 'out_of_watch'), the day, and the figures then. */
  resolution: { reason: string; on: string | null; evidence: Record<string, unknown> | null } | null;
  leadUnit: Unit | null;
  assistUnits: Unit[];
  handlingUnit: Unit | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  disposedAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  resolvedAt: string | null;
  rowVersion: number;
  events: WarningEvent[];
  proposals: Proposal[];
  allowedActions: WarningAction[];
}

export const warningDetailKey = (id: string) => ['warnings', 'detail', id] as const;

export const warningQuery = (id: string) => queryOptions({ queryKey: warningDetailKey(id), queryFn: () => api.get<WarningDetail>(`/api/warnings/${id}`) });

export const useWarning = (id: string) => useQuery({ ...warningQuery(id), enabled: id !== '' });
