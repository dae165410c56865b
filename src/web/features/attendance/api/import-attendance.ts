import type { AttendanceImportReport } from '../../../../server/modules/attendance/attendance.import';
import type { ImportMode } from '../../../components/import-modal';
import { api, downloadFile } from '../../../lib/api-client';

export type { AttendanceImportReport };

/**
 * Sends an attendance sheet (sites without gate devices): `check` validates only, `strict` imports
 * all or nothing, `valid` the valid rows. The report adds what the written events did (new,
 * duplicates, people not registered, not on this roster, key staff).
 */
export const importAttendance = (projectId: string, file: File, mode: ImportMode) =>
  api.upload<AttendanceImportReport>(`/api/projects/${projectId}/attendance/import`, file, { query: { mode } });

/** Downloads the empty attendance sheet (姓名, 身份证号码, 考勤日期, 进场时间, 离场时间, 考勤方式). */
export const downloadAttendanceTemplate = (projectId: string) => downloadFile(`/api/projects/${projectId}/attendance/import-template`, undefined, '考勤导入模板.xlsx');
