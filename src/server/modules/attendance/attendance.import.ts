import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { type CellValue, type Column, type RowProblem, cellDate, cellText, cellTime, readTable, streamTable } from '../../platform/excel';
import type { Bilingual } from '../../platform/errors';
import type { ImportMode, ImportReport } from '../../platform/import-run';
import { codeOf } from '../../platform/labels';
import { normalizeIdNumber, validateIdNumber } from '../../platform/validators';
import { getParamValue } from '../params';
import { ATTENDANCE_METHODS, type AttendanceMethod } from '../workforce/workforce.codes';
import * as repo from './attendance.repo';
import { checkEventTime, parseEventTime } from './attendance.rules';
import { type BatchResult, type DeviceEvent, ingestEvents, writableProject } from './attendance.service';

/**
 * 考勤导入 for sites without gate devices: one row per person and day, with the time they came in
 * and the time they left. Rows become the same events a device sends and take the same path, so
 * the roster classification, the daily summary and the idempotency are the device's. An event's id
 * is a hash of what it says, so importing the same sheet twice adds nothing.
 */
export const ATTENDANCE_IMPORT_COLUMNS = [
  { key: 'serial', header: '序号', width: 6 },
  { key: 'name', header: '姓名', width: 10, required: true },
  { key: 'idNumber', header: '身份证号码', width: 21, required: true },
  { key: 'date', header: '考勤日期', width: 12, required: true },
  { key: 'timeIn', header: '进场时间', width: 10 },
  { key: 'timeOut', header: '离场时间', width: 10 },
  { key: 'method', header: '考勤方式', width: 12 },
] as const satisfies readonly Column[];

type Key = (typeof ATTENDANCE_IMPORT_COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(ATTENDANCE_IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

export interface AttendanceImportReport extends ImportReport {
  /** What the committed events did; all zero when nothing was written. */
  events: Omit<BatchResult, 'rejected'>;
}

interface ParsedRow {
  row: number;
  name: string;
  idNumber: string;
  events: DeviceEvent[];
}

const importEventId = (idNumber: string, time: string, direction: 'in' | 'out') =>
  createHash('sha256').update(`${idNumber}|${time}|${direction}`).digest('hex').slice(0, 32);

function parseRow(row: number, v: Record<Key, CellValue>, now: Date, retentionYears: number, problems: RowProblem[]): ParsedRow | null {
  const before = problems.length;
  const add = (key: Key | null, message: Bilingual) => problems.push({ row, column: key && HEADER[key], message });
  const name = cellText(v.name);
  if (!name) add('name', { zh: '请填写姓名', en: 'Enter the name' });
  const rawId = cellText(v.idNumber);
  const idNumber = rawId ? normalizeIdNumber(rawId) : null;
  if (!idNumber) add('idNumber', { zh: '请填写身份证号码', en: 'Enter the ID number' });
  else {
    const check = validateIdNumber(idNumber, now);
    if (!check.ok) add('idNumber', check.reason);
  }
  const date = cellDate(v.date);
  if (!date) add('date', { zh: '考勤日期应为日期，如 2026-03-01', en: 'The date must be like 2026-03-01' });
  const times: { key: 'timeIn' | 'timeOut'; direction: 'in' | 'out'; time: string | null }[] = (['timeIn', 'timeOut'] as const).map((key) => {
    const time = cellTime(v[key]);
    if (cellText(v[key]) && !time) add(key, { zh: `${HEADER[key]}应为时刻，如 07:30`, en: `${HEADER[key]} must be a time like 07:30` });
    return { key, direction: key === 'timeIn' ? 'in' : 'out', time };
  });
  if (!times.some((t) => t.time) && !cellText(v.timeIn) && !cellText(v.timeOut)) add('timeIn', { zh: '进场时间和离场时间至少填写一项', en: 'Enter the time in, the time out, or both' });
  if (times[0].time && times[1].time && times[1].time <= times[0].time) {
    add('timeOut', { zh: '离场时间应晚于进场时间（跨夜班次请分两行填写）', en: 'The time out must be after the time in (split a night shift over two rows)' });
  }
  const methodText = cellText(v.method);
  const method: AttendanceMethod | null = methodText ? codeOf(ATTENDANCE_METHODS, methodText) : 'MANUAL';
  if (!method) add('method', { zh: `考勤方式应为${Object.values(ATTENDANCE_METHODS).map((m) => m.zh).join('、')}之一`, en: 'Unknown attendance method' });
  if (problems.length > before) return null;

  const events: DeviceEvent[] = [];
  for (const t of times) {
    if (!t.time) continue;
    const text = `${date} ${t.time}`;
    const reason = checkEventTime(parseEventTime(text)!, now, retentionYears);
    if (reason) add(t.key, reason);
    else events.push({ eventId: importEventId(idNumber!, text, t.direction), idNumber: idNumber!, time: text, direction: t.direction, method: method! });
  }
  return problems.length > before ? null : { row, name: name!, idNumber: idNumber!, events };
}

/**
 * `check` reports only; `strict` writes all rows or none; `valid` writes the rows without problems.
 * A row naming a registered person under another name is refused: the ID number is probably mistyped.
 */
export async function importAttendance(ctx: Ctx, projectId: string, file: { name: string; content: Buffer }, mode: ImportMode): Promise<AttendanceImportReport> {
  const project = await writableProject(ctx, projectId);
  const none = { received: 0, accepted: 0, duplicates: 0, unknownWorkers: 0, notOnRoster: 0, keyStaff: 0 };
  const read = await readTable(file.name, file.content, ATTENDANCE_IMPORT_COLUMNS);
  if (!read.ok) return { mode, total: 0, valid: 0, imported: 0, committed: false, problems: [read.problem], events: none };

  const now = ctx.clock.now();
  const retentionYears = await getParamValue<number>(ctx.db, 'RN-04.attendanceRetentionYears', project.regionCode, shanghaiDate(now));
  const problems: RowProblem[] = [];
  const parsed = read.rows.map((r) => parseRow(r.row, r.values, now, retentionYears, problems)).filter((r): r is ParsedRow => r !== null);

  const names = await repo.registeredNames(ctx.db, [...new Set(parsed.map((r) => ctx.cipher.blindIndex('id_number', r.idNumber)))]);
  const firstRowOf = new Map<string, number>();
  const good = parsed.filter((r) => {
    const registered = names.get(ctx.cipher.blindIndex('id_number', r.idNumber));
    if (registered !== undefined && registered !== r.name) {
      problems.push({ row: r.row, column: HEADER.name, message: { zh: `该身份证号码登记的姓名为“${registered}”，请核对`, en: 'The registry has another name for this ID number' } });
      return false;
    }
    const repeated = r.events.map((e) => firstRowOf.get(e.eventId)).find((row) => row !== undefined);
    if (repeated !== undefined) {
      problems.push({ row: r.row, column: null, message: { zh: `与第 ${repeated} 行的考勤记录重复`, en: `Repeats an event of row ${repeated}` } });
      return false;
    }
    for (const e of r.events) firstRowOf.set(e.eventId, r.row);
    return true;
  });
  problems.sort((a, b) => a.row - b.row);

  const commit = good.length > 0 && (mode === 'valid' || (mode === 'strict' && problems.length === 0));
  if (!commit) return { mode, total: read.rows.length, valid: good.length, imported: 0, committed: false, problems, events: none };

  const result = await ingestEvents(ctx, project, { source: 'import', sourceId: project.id, deviceCode: null }, good.flatMap((r) => r.events));
  const { rejected, ...events } = result;
  // Every event was checked above with the same rules; a rejection here means they diverged.
  if (rejected.length) throw new Error(`attendance import: ${rejected.length} events rejected after validation`);
  await audit(ctx.db, ctx, {
    action: 'attendance.import',
    objectType: 'project',
    objectId: project.id,
    after: { file: file.name, mode, rows: read.rows.length, importedRows: good.length, ...events },
    regionPath: project.regionPath,
  });
  return { mode, total: read.rows.length, valid: good.length, imported: good.length, committed: true, problems, events };
}

export function attendanceTemplate(project: { code: string; name: string }, today: string): { name: string; stream: Readable } {
  const stream = streamTable({
    sheetName: '考勤',
    title: `${project.name} 农民工考勤表`,
    subtitle: `项目编码：${project.code}　　　　考勤方式可填：${Object.values(ATTENDANCE_METHODS).map((m) => m.zh).join('、')}（不填为人工登记）　　　　生成日期：${today}`,
    columns: ATTENDANCE_IMPORT_COLUMNS,
    rows: [],
  });
  return { name: `${project.name}-考勤导入模板.xlsx`, stream };
}

export async function attendanceImportTemplate(ctx: Ctx, projectId: string) {
  const project = await writableProject(ctx, projectId);
  return attendanceTemplate(project, shanghaiDate(ctx.clock.now()));
}
