import type { Ctx } from '../../platform/context';
import { type Column, type RowProblem, cellDateTime, cellText, readTable } from '../../platform/excel';
import { audit } from '../../platform/context';
import type { ImportMode, ImportReport } from '../../platform/import-run';
import { codeOf } from '../../platform/labels';
import { parseYuanToFen } from '../../platform/money';
import { TRANSACTION_KINDS, type TransactionKind } from './accounts.rules';
import { type BankLine, type LinesResult, ingestStatementLines } from './accounts.service';

/**
 * 专户对账单 (bank statement) import, for banks not yet on the API: the statement's lines take the
 * bank API's path, so a line already reported by the API, or a statement imported twice, adds
 * nothing.
 */
export const STATEMENT_COLUMNS = [
  { key: 'bankTxnId', header: '交易流水号', width: 24, required: true },
  { key: 'bookedAt', header: '记账时间', width: 20, required: true },
  { key: 'direction', header: '收支方向', width: 8, required: true },
  { key: 'amount', header: '金额（元）', width: 14, required: true },
  { key: 'balance', header: '余额（元）', width: 14 },
  { key: 'kind', header: '交易类型', width: 12, required: true },
  { key: 'counterpartyName', header: '对方户名', width: 24 },
  { key: 'counterpartyAccount', header: '对方账号', width: 24 },
  { key: 'payoutRef', header: '代发批次/明细号', width: 20 },
  { key: 'memo', header: '摘要', width: 24 },
] as const satisfies readonly Column[];

type Key = (typeof STATEMENT_COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(STATEMENT_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

const DIRECTIONS: Record<string, 'credit' | 'debit'> = { 收入: 'credit', 收: 'credit', 贷: 'credit', 存入: 'credit', 支出: 'debit', 支: 'debit', 借: 'debit', 转出: 'debit' };

export async function importStatement(
  ctx: Ctx,
  accountId: string,
  file: { name: string; content: Buffer },
  mode: ImportMode,
): Promise<ImportReport & { lines: Omit<LinesResult, 'rejected'> }> {
  const none = { received: 0, accepted: 0, duplicates: 0, flagged: 0 };
  const read = await readTable(file.name, file.content, STATEMENT_COLUMNS);
  if (!read.ok) return { mode, total: 0, valid: 0, imported: 0, committed: false, problems: [read.problem], lines: none };
  const problems: RowProblem[] = [];
  const lines: (BankLine & { row: number })[] = [];
  for (const { row, values: v } of read.rows) {
    const before = problems.length;
    const add = (key: Key, zh: string, en: string) => problems.push({ row, column: HEADER[key], message: { zh, en } });
    const bankTxnId = cellText(v.bankTxnId);
    if (!bankTxnId) add('bankTxnId', '请填写交易流水号', 'Enter the transaction id');
    const bookedAt = cellDateTime(v.bookedAt);
    if (!bookedAt) add('bookedAt', '记账时间应为日期时间，如 2026-03-01 10:23:45', 'The time must be like 2026-03-01 10:23:45');
    const direction = DIRECTIONS[cellText(v.direction) ?? ''];
    if (!direction) add('direction', '收支方向应为收入或支出', 'Direction is 收入 or 支出');
    const amount = parseYuanToFen(v.amount);
    if (!amount.ok) problems.push({ row, column: HEADER.amount, message: amount.reason });
    else if (amount.fen <= 0) add('amount', '金额应大于零（方向由收支方向列表示）', 'The amount is positive; the direction column gives the sign');
    const balanceText = cellText(v.balance);
    const balance = balanceText === null ? null : parseYuanToFen(v.balance);
    if (balance && !balance.ok) problems.push({ row, column: HEADER.balance, message: balance.reason });
    const kind = codeOf(TRANSACTION_KINDS, cellText(v.kind)) as TransactionKind | null;
    if (!kind) add('kind', `交易类型应为${Object.values(TRANSACTION_KINDS).map((k) => k.zh).join('、')}之一`, 'Unknown transaction type');
    if (problems.length > before) continue;
    lines.push({
      row,
      bankTxnId: bankTxnId!,
      kind: kind!,
      direction: direction!,
      amountFen: amount.ok ? amount.fen : 0,
      bookedAt: bookedAt!,
      // Lines of one statement are in booking order: the row breaks ties between equal times.
      bankSeq: row,
      balanceAfterFen: balance?.ok ? balance.fen : null,
      counterpartyName: cellText(v.counterpartyName),
      counterpartyAccount: cellText(v.counterpartyAccount),
      payoutRef: cellText(v.payoutRef),
      memo: cellText(v.memo),
    });
  }
  const total = read.rows.length;
  const commit = lines.length > 0 && (mode === 'valid' || (mode === 'strict' && problems.length === 0));
  if (!commit) return { mode, total, valid: lines.length, imported: 0, committed: false, problems, lines: none };

  const { rejected, regionPath, ...counts } = await ingestStatementLines(ctx, accountId, lines);
  for (const r of rejected) problems.push({ row: lines[r.index].row, column: null, message: r.reason });
  problems.sort((a, b) => a.row - b.row);
  await audit(ctx.db, ctx, { action: 'account.statement_import', objectType: 'wage_account', objectId: accountId, after: { file: file.name, mode, rows: total, ...counts }, regionPath });
  return { mode, total, valid: lines.length - rejected.length, imported: counts.accepted + counts.duplicates, committed: true, problems, lines: counts };
}
