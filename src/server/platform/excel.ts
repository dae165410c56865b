import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Bilingual } from './errors';

/**
 * Spreadsheets in the official layouts: a title row, a 填报单位/时间 row, then the header row.
 * Imports find the header row by its labels (people insert rows above it), report problems by
 * Excel row number and column label, and never trust a cell's type.
 */
export interface Column<K extends string = string> {
  key: K;
  header: string;
  width?: number;
  required?: boolean;
}

export type CellValue = string | number | boolean | Date | null;

export interface RowProblem {
  row: number;
  column: string | null;
  message: Bilingual;
}

export interface SheetRow<K extends string> {
  row: number;
  values: Record<K, CellValue>;
}

export type ReadResult<K extends string> = { ok: true; rows: SheetRow<K>[] } | { ok: false; problem: RowProblem };

/** A cell's plain value: rich text joined, formulas by their result, hyperlinks by their text. */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return plain(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return plain((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return null;
  }
  return String(value);
}

const HEADER_SEARCH_ROWS = 10;
export const MAX_IMPORT_ROWS = 20_000;

async function loadWorksheet(content: Buffer, format: 'xlsx' | 'csv'): Promise<ExcelJS.Worksheet | null> {
  const workbook = new ExcelJS.Workbook();
  if (format === 'csv') {
    // Excel saves CSV with a byte-order mark; strip it so the first header matches.
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    // Every CSV cell stays text: the default reader turns an 18-digit ID number into a float.
    return workbook.csv.read(Readable.from([text]), { map: (datum: string) => (datum === '' ? null : datum) });
  }
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook.worksheets[0] ?? null;
}

export const detectFormat = (fileName: string, content: Buffer): 'xlsx' | 'csv' | null => {
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return null;
};

export async function readTable<K extends string>(fileName: string, content: Buffer, columns: readonly Column<K>[]): Promise<ReadResult<K>> {
  const format = detectFormat(fileName, content);
  if (!format) return { ok: false, problem: { row: 0, column: null, message: { zh: '文件不是 Excel（.xlsx）或 CSV 文件', en: 'The file is not an Excel (.xlsx) or CSV file' } } };
  let sheet: ExcelJS.Worksheet | null;
  try {
    sheet = await loadWorksheet(content, format);
  } catch {
    return { ok: false, problem: { row: 0, column: null, message: { zh: '文件无法读取，可能已损坏', en: 'The file cannot be read; it may be damaged' } } };
  }
  if (!sheet) return { ok: false, problem: { row: 0, column: null, message: { zh: '文件中没有工作表', en: 'The workbook has no sheet' } } };

  const norm = (v: CellValue) => (typeof v === 'string' ? v.replace(/\s/g, '') : v);
  let headerRow = 0;
  const positions = new Map<K, number>();
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const labels = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const v = norm(plain(cell.value));
      if (typeof v === 'string') labels.set(v, col);
    });
    if (labels.has(norm(columns[0].header) as string)) {
      headerRow = r;
      for (const c of columns) {
        const at = labels.get(norm(c.header) as string);
        if (at !== undefined) positions.set(c.key, at);
      }
      break;
    }
  }
  if (!headerRow) {
    return { ok: false, problem: { row: 0, column: null, message: { zh: `找不到表头行（应含“${columns[0].header}”列），请使用下载的模板`, en: `No header row with "${columns[0].header}"; use the downloaded template` } } };
  }
  const missing = columns.filter((c) => c.required && !positions.has(c.key));
  if (missing.length) {
    return {
      ok: false,
      problem: { row: headerRow, column: missing[0].header, message: { zh: `缺少必需的列：${missing.map((c) => c.header).join('、')}`, en: `Missing columns: ${missing.map((c) => c.header).join(', ')}` } },
    };
  }
  if (sheet.rowCount - headerRow > MAX_IMPORT_ROWS) {
    return { ok: false, problem: { row: 0, column: null, message: { zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分文件`, en: `At most ${MAX_IMPORT_ROWS} rows per file; split it` } } };
  }
  const rows: SheetRow<K>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values = {} as Record<K, CellValue>;
    let any = false;
    for (const c of columns) {
      const at = positions.get(c.key);
      const v = at === undefined ? null : plain(row.getCell(at).value);
      values[c.key] = v;
      if (v !== null && c.key !== columns[0].key) any = true;
    }
    if (any) rows.push({ row: r, values });
  }
  return { ok: true, rows };
}

export interface TableExport<K extends string> {
  sheetName: string;
  title: string;
  /** The line under the title: 填报单位 and date, as the official forms have it. */
  subtitle: string;
  columns: readonly Column<K>[];
  rows: AsyncIterable<Record<K, CellValue>> | Iterable<Record<K, CellValue>>;
}

/** Streams an .xlsx: rows are committed as they come, so a large export never sits in memory. */
export function streamTable<K extends string>(t: TableExport<K>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = t.columns.map((c) => ({ key: c.key, width: c.width ?? 16 }));
  const last = t.columns.length;
  void (async () => {
    try {
      const title = sheet.addRow([t.title]);
      title.font = { bold: true, size: 16 };
      title.alignment = { horizontal: 'center' };
      sheet.mergeCells(1, 1, 1, last);
      title.commit();
      const sub = sheet.addRow([t.subtitle]);
      sheet.mergeCells(2, 1, 2, last);
      sub.commit();
      const header = sheet.addRow(t.columns.map((c) => c.header));
      header.font = { bold: true };
      header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      header.eachCell((cell) => {
        cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      });
      header.commit();
      for await (const r of t.rows) sheet.addRow(t.columns.map((c) => r[c.key])).commit();
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}

/** Collects a stream (tests, small exports). */
export async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A date cell as 'YYYY-MM-DD': Excel dates, or text like 2026-03-01, 2026/3/1, 2026.3.1, 20260301. */
export function cellDate(v: CellValue): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(String(v).trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

export const cellText = (v: CellValue): string | null => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim() || null);

/**
 * A time-of-day cell as 'HH:mm:ss': Excel times (a Date on 1899-12-30, or a fraction of a day) or
 * text like 8:05, 08:05:30, 8时5分.
 */
export function cellTime(v: CellValue): string | null {
  const hms = (h: number, m: number, s: number) =>
    h < 24 && m < 60 && s < 60 ? [h, m, s].map((n) => String(n).padStart(2, '0')).join(':') : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : hms(v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds());
  if (typeof v === 'number') {
    if (!(v >= 0 && v < 1)) return null;
    const seconds = Math.round(v * 86400);
    return seconds >= 86400 ? null : hms(Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60);
  }
  if (typeof v !== 'string') return null;
  const m = /^(\d{1,2})[:：时点](\d{1,2})(?:[:：分](\d{1,2})秒?)?分?$/.exec(v.trim());
  return m ? hms(Number(m[1]), Number(m[2]), Number(m[3] ?? 0)) : null;
}

/**
 * A date-and-time cell in Beijing time as ISO 8601 with +08:00: an Excel date-time (the wall-clock
 * time the sheet shows), or text of a date and a time as `cellDate` and `cellTime` read them
 * (2026-03-01 10:23:45, 2026/3/1 8:05); a date alone is its midnight.
 */
export function cellDateTime(v: CellValue): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : `${v.toISOString().slice(0, 19)}+08:00`;
  const [datePart, timePart, ...rest] = (cellText(v) ?? '').split(/[ T]+/);
  const date = cellDate(datePart ?? null);
  const time = timePart === undefined ? '00:00:00' : cellTime(timePart);
  return date && time && rest.length === 0 ? `${date}T${time}+08:00` : null;
}
