import type { ImportMode, ImportReport } from '../../../components/import-modal';
import { api } from '../../../lib/api-client';

/** Sends the ledger spreadsheet: `check` validates only, `strict` imports all or nothing, `valid` the valid rows. */
export const importProjects = (file: File, mode: ImportMode) => api.upload<ImportReport>('/api/projects/import', file, { query: { mode } });
