import type { Ctx } from '../../platform/context';
import { AppError, type Bilingual, type FieldProblem } from '../../platform/errors';
import { type Column, cellDate, cellDateTime, cellText, readTable, type RowProblem } from '../../platform/excel';
import { parseYuanToFen } from '../../platform/money';
import { findProjectsNamed } from '../projects';
import { receiveClue } from './cases.service';

/**
 * Clues exported from 全国根治欠薪线索反映平台 (CSV or Excel), one row a clue. Each row is received on
 * its own, like a clue typed in: a row already imported (the platform's clue number) is reported as
 * such and changes nothing, so the same file, or a later export overlapping it, can be imported
 * again; rows with problems are reported and the rest go in.
 */
export const NATIONAL_CLUE_COLUMNS = [
  { key: 'clueNo', header: '线索编号', width: 22, required: true },
  { key: 'receivedAt', header: '反映时间', width: 18, required: true },
  { key: 'complainant', header: '反映人', width: 10, required: true },
  { key: 'phone', header: '联系电话', width: 14 },
  { key: 'regionCode', header: '欠薪地区划代码', width: 14, required: true },
  { key: 'projectName', header: '项目名称', width: 24 },
  { key: 'employerName', header: '欠薪单位', width: 24, required: true },
  { key: 'employerCreditCode', header: '统一社会信用代码', width: 22 },
  { key: 'workerCount', header: '欠薪人数', width: 8, required: true },
  { key: 'amount', header: '欠薪金额（元）', width: 12, required: true },
  { key: 'periodFrom', header: '欠薪开始日期', width: 12 },
  { key: 'periodTo', header: '欠薪截止日期', width: 12 },
  { key: 'description', header: '诉求内容', width: 40, required: true },
] as const satisfies readonly Column[];

type Key = (typeof NATIONAL_CLUE_COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(NATIONAL_CLUE_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;
const FIELD_COLUMN: Record<string, Key> = { externalId: 'clueNo', 'complainant/phone': 'phone', regionCode: 'regionCode', employerCreditCode: 'employerCreditCode', periodTo: 'periodTo', receivedAt: 'receivedAt' };

export interface NationalImportReport {
  total: number;
  imported: number;
  duplicates: number;
  problems: RowProblem[];
}

const PHONE = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;
const REGION_CODE = /^[0-9]{6}([0-9]{3})?([0-9]{3})?$/;

const problem = (row: number, key: Key | null, message: Bilingual): RowProblem => ({ row, column: key ? HEADER[key] : null, message });

export async function importNationalClues(ctx: Ctx, file: { name: string; content: Buffer }): Promise<NationalImportReport> {
  const table = await readTable(file.name, file.content, NATIONAL_CLUE_COLUMNS);
  if (!table.ok) throw new AppError('VALIDATION_FAILED', { detail: table.problem.message });
  const report: NationalImportReport = { total: table.rows.length, imported: 0, duplicates: 0, problems: [] };
  // A clue naming a registered project (unambiguously, in the caller's jurisdiction) is linked to it.
  // Only a well-formed code names a subtree (it is matched as a prefix); the row's own check reports the others.
  const named = table.rows.flatMap(({ values: v }) => {
    const regionCode = cellText(v.regionCode);
    const name = cellText(v.projectName);
    return name && regionCode && REGION_CODE.test(regionCode) ? [{ regionCode, name }] : [];
  });
  const projects = await findProjectsNamed(ctx.db, ctx.actor, named);
  for (const { row, values: v } of table.rows) {
    const cells: FieldProblem[] = [];
    const text = (k: Key) => cellText(v[k]);
    const receivedAt = cellDateTime(v.receivedAt);
    if (!receivedAt) cells.push({ field: 'receivedAt', message: { zh: '反映时间应为日期时间，如 2026-03-01 09:30', en: 'A date and time like 2026-03-01 09:30' } });
    const amount = parseYuanToFen(v.amount);
    if (!amount.ok) cells.push({ field: 'amount', message: amount.reason });
    const phone = text('phone');
    if (phone && !PHONE.test(phone)) cells.push({ field: 'phone', message: { zh: '联系电话应为手机号或固定电话', en: 'A mobile or landline number' } });
    const count = Number(text('workerCount'));
    if (!Number.isInteger(count) || count < 1) cells.push({ field: 'workerCount', message: { zh: '欠薪人数应为正整数', en: 'A whole number of workers' } });
    const period = (k: 'periodFrom' | 'periodTo') => {
      const d = cellDate(v[k]);
      if (text(k) && !d) cells.push({ field: k, message: { zh: `${HEADER[k]}应为日期`, en: `${HEADER[k]} must be a date` } });
      return d;
    };
    const periodFrom = period('periodFrom');
    const periodTo = period('periodTo');
    if (cells.length) {
      report.problems.push(...cells.map((c) => problem(row, c.field as Key, c.message)));
      continue;
    }
    const project = text('projectName');
    const projectId = project ? (projects.get(`${text('regionCode')}|${project}`) ?? null) : null;
    try {
      const r = await receiveClue(ctx, {
        channel: 'national_platform',
        externalId: text('clueNo')!,
        receivedAt: receivedAt!,
        projectId,
        regionCode: text('regionCode'),
        employerName: text('employerName')!,
        employerCreditCode: text('employerCreditCode'),
        complainant: { name: text('complainant')!, phone },
        // The platform names the complainant; the other workers are listed as verification finds them.
        workers: [{ name: text('complainant')!, phone, claimedFen: amount.ok ? amount.fen : 0 }],
        workerCount: count,
        periodFrom,
        periodTo,
        // An unregistered project's name stays in the text for staff to follow up.
        description: project && !projectId ? `【${project}】${text('description')}` : text('description')!,
      });
      if (r.duplicate) report.duplicates++;
      else report.imported++;
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'INTERNAL') throw e;
      const fields = e.fields?.length ? e.fields : [{ field: '', message: e.detail ?? { zh: e.message, en: e.message } }];
      report.problems.push(...fields.map((f) => problem(row, f.field in HEADER ? (f.field as Key) : (FIELD_COLUMN[f.field] ?? null), f.message)));
    }
  }
  return report;
}
