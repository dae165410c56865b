import type { ImportMode, ImportReport } from '../../../components/import-modal';
import { api, downloadFile } from '../../../lib/api-client';

/** Sends a roster spreadsheet: `check` validates only, `strict` imports all or nothing, `valid` the valid rows. */
export const importRoster = (projectId: string, file: File, mode: ImportMode) =>
  api.upload<ImportReport>(`/api/projects/${projectId}/roster/import`, file, { query: { mode } });

/** Downloads the roster (masked); the same layout is the import template. */
export const exportRoster = (projectId: string) => downloadFile(`/api/projects/${projectId}/roster/export`, undefined, '花名册.xlsx');
