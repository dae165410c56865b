import ExcelJS from 'exceljs';
import { type FigureKey, OFFICIAL_COLUMNS, OFFICIAL_GROUPS, REPORT_NOTES, type StatColumn, SUPPLEMENTARY_COLUMNS, UNIT_LABELS, fenToWanText, otherLine } from './cases.stats.layout';
import type { Statistics } from './cases.stats';

/**
 * 附件1 as the official sheet: the title with the campaign, the period and the reporting unit; the
 * two-row merged header (five groups over sixteen columns); 合计 then the rows by employer type;
 * 其它情况; the notes on what was counted; 填报单位 / 填报人 / 填报日期. Counts are whole numbers,
 * money 万元 with two decimals (written from the exact decimal text, shown with two places);
 * 「—」 where the platform has no source. A second sheet holds the figures beyond the table.
 */

const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

export const statisticsTitle = (s: Pick<Statistics, 'campaign' | 'from' | 'to'>) => `${s.campaign ?? '根治欠薪专项行动'}情况（${chineseDate(s.from)}至${chineseDate(s.to)}）`;
export const statisticsFileName = (s: Pick<Statistics, 'regionName' | 'from' | 'to'>) => `根治欠薪专项行动情况-${s.regionName}-${s.from}至${s.to}.xlsx`;

/** A figure in its cell: the count, 万元 as a number with two places, or 「—」. */
function setFigure(cell: ExcelJS.Cell, column: StatColumn, value: number | null) {
  cell.border = THIN;
  cell.alignment = { horizontal: value === null ? 'center' : 'right', vertical: 'middle' };
  if (value === null) {
    cell.value = '—';
  } else if (column.unit === 'wan') {
    cell.value = Number(fenToWanText(value));
    cell.numFmt = '0.00';
  } else {
    cell.value = value;
    cell.numFmt = '0';
  }
}

function headerCell(sheet: ExcelJS.Worksheet, row: number, col: number, text: string) {
  const cell = sheet.getCell(row, col);
  cell.value = text;
  cell.font = { bold: true };
  cell.alignment = CENTER;
  cell.border = THIN;
  return cell;
}

function officialSheet(book: ExcelJS.Workbook, s: Statistics) {
  const sheet = book.addWorksheet('附件1', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = OFFICIAL_COLUMNS.length + 1;
  sheet.columns = [{ width: 16 }, ...OFFICIAL_COLUMNS.map(() => ({ width: 11 }))];

  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = statisticsTitle(s);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;

  const half = Math.floor(last / 2);
  sheet.mergeCells(2, 1, 2, half);
  sheet.getCell(2, 1).value = `填报单位：${s.reportingUnit}　　统计区域：${s.regionName}（${s.regionCode}）`;
  sheet.mergeCells(2, half + 1, 2, last);
  const units = sheet.getCell(2, half + 1);
  units.value = `统计期间：${chineseDate(s.from)}至${chineseDate(s.to)}　　单位：户、人、件、万元`;
  units.alignment = { horizontal: 'right' };

  // The two header rows: 类别 down both, each group over its columns, the columns with their units.
  sheet.mergeCells(3, 1, 4, 1);
  headerCell(sheet, 3, 1, '类别');
  let at = 2;
  for (const group of OFFICIAL_GROUPS) {
    sheet.mergeCells(3, at, 3, at + group.columns.length - 1);
    headerCell(sheet, 3, at, group.label.zh);
    for (const [i, c] of group.columns.entries()) headerCell(sheet, 4, at + i, `${c.label.zh}\n(${UNIT_LABELS[c.unit].zh})`);
    at += group.columns.length;
  }
  sheet.getRow(3).height = 22;
  sheet.getRow(4).height = 60;

  for (const [i, r] of s.rows.entries()) {
    const row = 5 + i;
    const label = sheet.getCell(row, 1);
    label.value = r.label.zh;
    label.border = THIN;
    label.alignment = CENTER;
    if (r.key === 'total') label.font = { bold: true };
    OFFICIAL_COLUMNS.forEach((c, j) => setFigure(sheet.getCell(row, 2 + j), c, r.figures[c.key]));
  }

  let row = 5 + s.rows.length;
  const line = (text: string, height: number) => {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.alignment = { vertical: 'top', wrapText: true };
    sheet.getRow(row).height = height;
    row++;
  };
  line(otherLine(s.other), 48);
  for (const [i, note] of REPORT_NOTES.entries()) line(`${i === 0 ? '注：' : '　　'}${i + 1}.${note.zh}`, 36);
  row++;
  const third = Math.floor(last / 3);
  const sign = [
    [1, third, `填报单位（盖章）：${s.reportingUnit}`],
    [third + 1, 2 * third, `填报人：${s.preparedBy}`],
    [2 * third + 1, last, `填报日期：${chineseDate(s.preparedOn)}`],
  ] as const;
  for (const [from, to, text] of sign) {
    sheet.mergeCells(row, from, row, to);
    sheet.getCell(row, from).value = text;
  }
}

function supplementarySheet(book: ExcelJS.Workbook, s: Statistics) {
  const sheet = book.addWorksheet('补充指标');
  sheet.columns = [{ width: 16 }, ...SUPPLEMENTARY_COLUMNS.map(() => ({ width: 16 }))];
  sheet.mergeCells(1, 1, 1, SUPPLEMENTARY_COLUMNS.length + 1);
  const title = sheet.getCell(1, 1);
  title.value = `案件办理补充指标（${chineseDate(s.from)}至${chineseDate(s.to)}，${s.regionName}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  headerCell(sheet, 2, 1, '类别');
  SUPPLEMENTARY_COLUMNS.forEach((c, j) => headerCell(sheet, 2, 2 + j, `${c.label.zh}\n(${UNIT_LABELS[c.unit].zh})`));
  sheet.getRow(2).height = 36;
  for (const [i, r] of s.rows.entries()) {
    const label = sheet.getCell(3 + i, 1);
    label.value = r.label.zh;
    label.border = THIN;
    label.alignment = CENTER;
    SUPPLEMENTARY_COLUMNS.forEach((c, j) => setFigure(sheet.getCell(3 + i, 2 + j), c, r.figures[c.key as FigureKey]));
  }
}

/** The workbook of a report, as bytes (one sheet of a few rows: no need to stream). */
export async function statisticsWorkbook(s: Statistics): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '薪盾 XinDun';
  officialSheet(book, s);
  supplementarySheet(book, s);
  return Buffer.from(await book.xlsx.writeBuffer());
}
