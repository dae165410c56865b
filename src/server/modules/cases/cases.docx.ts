import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, Column, DocumentLayout } from './cases.templates';

/**
 * A document layout on A4 in the style of GB/T 9704-2012 (党政机关公文格式), as the 劳动保障监察
 * 文书 are printed: margins 37 mm top, 35 mm bottom, 28 mm left (binding), 26 mm right; the
 * authority and the title in 二号小标宋, the text in 三号仿宋 with a two-character indent at a fixed
 * 28-point line, headings in 三号黑体, tables in 小四仿宋; the date under the seal four characters
 * from the right; the page number 「— 1 —」 in 四号宋体 at the foot. Fonts an office machine lacks
 * fall back to Word's substitutes; the text itself is Unicode throughout.
 */

const MM = 56.7; // twips per millimetre
const PAGE = { width: 11_906, height: 16_838, top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  page: '宋体',
  latin: 'Times New Roman',
} as const;
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, page: 28, table: 24, note: 24 } as const;
const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;
const INDENT_2_CHARS = 640;
const RIGHT_4_CHARS = 1_280;

const font = (eastAsia: string) => ({ eastAsia, ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin });
const run = (text: string, o: { font?: string; size?: number; bold?: boolean } = {}) =>
  new TextRun({ text, font: font(o.font ?? FONT.body), size: o.size ?? SIZE.body, bold: o.bold });

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cell(text: string, column: Column, o: { bold?: boolean } = {}) {
  return new TableCell({
    width: { size: Math.round((TEXT_WIDTH * column.width) / 100), type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [new Paragraph({ alignment: ALIGN[column.align], children: [run(text, { size: SIZE.table, bold: o.bold })] })],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(b: Extract<Block, { type: 'table' }>): (Paragraph | Table)[] {
  const center = b.columns.map((c) => ({ ...c, align: 'center' as const }));
  const rows = [
    new TableRow({ tableHeader: true, children: center.map((c) => cell(c.title, c, { bold: true })) }),
    ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, b.columns[i])) })),
    ...(b.footer ? [new TableRow({ cantSplit: true, children: b.footer.map((v, i) => cell(v, b.columns[i], { bold: true })) })] : []),
  ];
  return [
    new Paragraph({ spacing: { before: 240, ...LINE }, children: [run(b.title, { font: FONT.heading })] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: b.columns.map((c) => Math.round((TEXT_WIDTH * c.width) / 100)),
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows,
    }),
  ];
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'authority':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(b.text, { font: FONT.title, size: SIZE.title })] })];
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(b.text, { font: FONT.title, size: SIZE.title })] })];
    case 'docNo':
      return [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 240, ...LINE }, children: [run(b.text)] })];
    case 'addressee':
      return [new Paragraph({ spacing: LINE, children: [run(b.text)] })];
    case 'field':
      return [new Paragraph({ spacing: LINE, children: [run(`${b.label}：`), run(b.value)] })];
    case 'heading':
      return [new Paragraph({ spacing: LINE, indent: { firstLine: INDENT_2_CHARS }, children: [run(b.text, { font: FONT.heading })] })];
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: LINE, indent: { firstLine: INDENT_2_CHARS }, children: [run(b.text)] })];
    case 'signature':
      // Two empty lines above: the seal straddles the authority's name and the date (GB/T 9704 7.3.5).
      return [
        new Paragraph({ spacing: LINE, children: [] }),
        new Paragraph({ spacing: LINE, children: [] }),
        ...[...b.lines, b.date].map((line) => new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: RIGHT_4_CHARS }, spacing: LINE, children: [run(line)] })),
      ];
    case 'table':
      return table(b);
    case 'note':
      return [new Paragraph({ spacing: { before: 240 }, children: [run(b.text, { size: SIZE.note })] })];
  }
}

/** The layout as a Word document (.docx bytes). */
export async function renderDocx(layout: DocumentLayout, meta: { authority: string; caseNo: string }): Promise<Buffer> {
  const doc = new Document({
    title: layout.title,
    subject: meta.caseNo,
    creator: meta.authority,
    description: `${layout.title} ${layout.fileName.replace(/\.docx$/, '')}`,
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONT.page), size: SIZE.page })] })],
          }),
        },
        children: layout.blocks.flatMap(block),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
