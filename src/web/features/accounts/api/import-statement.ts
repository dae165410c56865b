import type { ImportMode, ImportReport } from '../../../components/import-modal';
import { api } from '../../../lib/api-client';

/** The import report plus what the statement's lines did on the account (new, repeated, ACC-05 flagged). */
export type StatementImportReport = ImportReport & { lines: { received: number; accepted: number; duplicates: number; flagged: number } };

/** A bank statement (.xlsx or .csv) for a bank not yet on the API; a line already booked adds nothing. */
export const importStatement = (accountId: string, file: File, mode: ImportMode) =>
  api.upload<StatementImportReport>(`/api/wage-accounts/${accountId}/statement`, file, { query: { mode } });
