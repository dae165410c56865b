import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile } from '../../../lib/api-client';
import type { CompensationBody, PenaltyBody } from '../case-decisions';
import type { HandlingDecisionBody, SettlementBody } from '../case-settlement';
import type { CaseDetail, CaseDocument } from './get-case';
import { refetchOnConflict, settleCase } from './settle-case';

/* 文书: a document's Word file (download, or make it), and the decisions that issue documents. */

export const documentFilePath = (caseId: string, documentId: string) => `/api/cases/${caseId}/documents/${documentId}/file`;

/** GET …/documents/:documentId/file: saved under `<doc_no>.docx` (the server's RFC 5987 name). */
export const downloadCaseDocument = (caseId: string, doc: Pick<CaseDocument, 'id' | 'docNo'>) => downloadFile(documentFilePath(caseId, doc.id), undefined, `${doc.docNo}.docx`);

function useCaseCommand<I>(caseId: string, send: (input: I) => Promise<CaseDetail>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: settleCase(client), onError: refetchOnConflict(client, caseId) });
}

/** POST …/documents/:documentId/render: 生成文书. */
export const useRenderDocument = (caseId: string) => useCaseCommand(caseId, (documentId: string) => api.post<CaseDetail>(`/api/cases/${caseId}/documents/${documentId}/render`));

/** POST /api/cases/:id/penalty: 行政处罚决定 (PEN-01…04, 06). */
export const useImposePenalty = (caseId: string) => useCaseCommand(caseId, (body: PenaltyBody) => api.post<CaseDetail>(`/api/cases/${caseId}/penalty`, body));

/** POST /api/cases/:id/compensation: 加付赔偿金 (PEN-05), computed by the server. */
export const useOrderCompensation = (caseId: string) => useCaseCommand(caseId, (body: CompensationBody) => api.post<CaseDetail>(`/api/cases/${caseId}/compensation`, body));

/** POST /api/cases/:id/settlement: 和解协议 with its payment plan, while mediating. */
export const useRecordSettlement = (caseId: string) => useCaseCommand(caseId, (body: SettlementBody) => api.post<CaseDetail>(`/api/cases/${caseId}/settlement`, body));

/** POST /api/cases/:id/handling-decision: 行政处理决定, its amount computed by the server. */
export const useIssueHandlingDecision = (caseId: string) => useCaseCommand(caseId, (body: HandlingDecisionBody) => api.post<CaseDetail>(`/api/cases/${caseId}/handling-decision`, body));
