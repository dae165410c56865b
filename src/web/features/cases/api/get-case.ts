import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Closability, CriminalThreshold } from '../../../../server/modules/cases/cases.law';
import { api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import type { CaseAction, CaseStatus, PaymentSource } from '../labels';
import type { CaseListItem } from './get-cases';
import type { Clue } from './get-clues';

/** GET /api/cases/:id: the list item plus the workers and money, the clues, checklist, documents, timeline, what the law says now and what the caller may do. */
export interface CaseWorker {
  id: string;
  workerId: string | null;
  name: string;
  /** Masked; the full number only through the audited reveal. */
  phone: string | null;
  claimedFen: number;
  foundOwedFen: number | null;
  recoveredFen: number;
  status: 'open' | 'paid' | 'moved';
  movedTo: string | null;
  confirmedAt: string | null;
  unreachable: boolean;
}

export interface CasePayment {
  id: string;
  caseWorkerId: string;
  amountFen: number;
  paidOn: string;
  source: PaymentSource;
  sourceLabel: Bilingual;
  reference: string;
  recordedBy: string;
  /** The worker's own answer on the worker pages. */
  workerAnswer: 'confirmed' | 'disputed' | null;
  workerNote: string | null;
}

export interface ChecklistAnswer {
  item: string;
  label: Bilingual;
  /** true 是 (the problem was found), false 否, null not answered. */
  violation: boolean | null;
  note: string | null;
  fileIds: string[];
  checkedBy: string | null;
}

export interface CaseDocument {
  id: string;
  kind: string;
  docNo: string;
  issuedOn: string;
  dueOn: string | null;
  amountFen: number | null;
  issuedBy: string;
  /** The Word file exists (download it); otherwise it can be made (生成文书). */
  hasFile: boolean;
}

export interface CaseEvent {
  id: string;
  at: string;
  kind: string;
  kindLabel: Bilingual;
  actorName: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  toStatusLabel: Bilingual;
  data: Record<string, unknown> | null;
  /** Evidence listed with the step: `GET /api/cases/:id/files/:fileId`. */
  fileIds: string[];
}

export interface CaseIncident {
  id: string;
  occurredAt: string;
  place: string;
  people: number;
  responseLevel: string;
  suspensionMarked: boolean;
}

export interface MergeCandidate {
  id: string;
  caseNo: string;
  title: string;
  status: CaseStatus;
  receivedOn: string;
}

/**
 * The route types `facts` as a free JSON object; this is what the service puts in it
 * (caseFacts in cases.service.ts). Read it through `readFacts`, which tolerates a missing part.
 */
export interface CaseFacts {
  limitation: { within: boolean; periodEnd: string; years: number } | null;
  criminal: CriminalThreshold | null;
  closable: Closability | null;
}

export interface CaseDetail extends CaseListItem {
  industry: string | null;
  employerId: string | null;
  accountableUnitName: string | null;
  handlingUnitId: string | null;
  assistUnitIds: string[];
  dualAssignment: boolean;
  acceptedOn: string | null;
  filedOn: string | null;
  extended: boolean;
  orderDueOn: string | null;
  resolvedOn: string | null;
  closedOn: string | null;
  closureKind: string | null;
  closureLabel: Bilingual;
  conclusion: string | null;
  conclusionLabel: Bilingual;
  mergedInto: string | null;
  majorReasons: unknown[];
  leaderName: string | null;
  taskForceUnitIds: string[];
  callbackOn: string | null;
  satisfaction: string | null;
  rowVersion: number;
  /** CASE-01: the legal day to accept or refuse in writing. */
  acceptBy: string;
  workers: CaseWorker[];
  clues: Clue[];
  payments: CasePayment[];
  checklist: ChecklistAnswer[];
  documents: CaseDocument[];
  events: CaseEvent[];
  incidents: CaseIncident[];
  mergeCandidates: MergeCandidate[];
  facts: Record<string, unknown>;
  actions: CaseAction[];
  mayWork: boolean;
  maySupervise: boolean;
  /** The caller may read a full phone number here (the handling unit, with pii.view_full); each read is audited. */
  mayReadContacts: boolean;
}

export const caseDetailKey = (id: string) => ['cases', 'detail', id] as const;

export const caseQuery = (id: string) => queryOptions({ queryKey: caseDetailKey(id), queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`) });

export const useCase = (id: string) => useQuery({ ...caseQuery(id), enabled: id !== '' });
