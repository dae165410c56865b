import type { DbOrTx } from '../../db/client';

/** The queries of the documents' files (case_documents.file_id → files), beside cases.repo.ts. */

export interface CaseDocumentRow {
  id: string;
  case_id: string;
  kind: string;
  doc_no: string;
  issued_on: string;
  due_on: string | null;
  amount_fen: number | null;
  data: unknown;
  file_id: string | null;
  issued_by: string;
}

/** One document of one case (a document id under another case is not found). */
export async function findDocumentOfCase(db: DbOrTx, caseId: string, documentId: string, forUpdate = false): Promise<CaseDocumentRow | undefined> {
  const { rows } = await db.query<CaseDocumentRow>(
    `SELECT id, case_id, kind, doc_no, issued_on::text AS issued_on, due_on::text AS due_on, amount_fen, data, file_id, issued_by
       FROM case_documents WHERE id = $1 AND case_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [documentId, caseId],
  );
  return rows[0];
}

/** Links a document to its (new) file; `data`, when given, replaces what the document keeps. */
export async function setDocumentFile(db: DbOrTx, documentId: string, fileId: string, data: unknown | null) {
  await db.query(`UPDATE case_documents SET file_id = $2, data = coalesce($3::jsonb, data) WHERE id = $1`, [documentId, fileId, data === null ? null : JSON.stringify(data)]);
}
