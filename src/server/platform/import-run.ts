import type { DbOrTx } from '../db/client';
import type { Ctx } from './context';
import { AppError, type Bilingual } from './errors';
import type { RowProblem } from './excel';

/**
 * How a spreadsheet import commits. `check`: validate only; `strict` (the default): all rows or
 * none; `valid`: the rows without problems, reporting the rest.
 */
export type ImportMode = 'check' | 'strict' | 'valid';
export const IMPORT_MODES: readonly ImportMode[] = ['check', 'strict', 'valid'];

export interface ImportReport {
  mode: ImportMode;
  total: number;
  valid: number;
  imported: number;
  committed: boolean;
  problems: RowProblem[];
}

class RollBack extends Error {}

/**
 * Runs `each` for every row inside one transaction, each row under a savepoint, so a row is checked
 * by exactly the rules a single create uses (including clashes with rows earlier in the same
 * file), and a failing row leaves nothing behind. `columnOf` names the spreadsheet column of a
 * field a rule complained about.
 */
export async function runImport<R extends { row: number }>(
  ctx: Ctx,
  mode: ImportMode,
  rows: readonly R[],
  each: (tx: DbOrTx, row: R) => Promise<void>,
  columnOf: (field: string) => string | null,
): Promise<ImportReport> {
  const problems: RowProblem[] = [];
  let valid = 0;
  const run = async (tx: DbOrTx) => {
    for (const r of rows) {
      await tx.query('SAVEPOINT import_row');
      try {
        await each(tx, r);
        await tx.query('RELEASE SAVEPOINT import_row');
        valid++;
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT import_row');
        if (!(err instanceof AppError) || err.code === 'INTERNAL' || err.code === 'SERVICE_UNAVAILABLE') throw err;
        problems.push(...rowProblems(r.row, err, columnOf));
      }
    }
    const commit = mode === 'valid' || (mode === 'strict' && problems.length === 0);
    if (!commit) throw new RollBack();
  };
  let committed = true;
  try {
    await ctx.db.tx(run);
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
    committed = false;
  }
  return { mode, total: rows.length, valid, imported: committed ? valid : 0, committed, problems };
}

function rowProblems(row: number, err: AppError, columnOf: (field: string) => string | null): RowProblem[] {
  if (err.fields?.length) return err.fields.map((f) => ({ row, column: columnOf(f.field), message: f.message }));
  const message: Bilingual = err.detail ?? { zh: err.message, en: err.message };
  return [{ row, column: null, message }];
}

/** A problem found while reading a cell, before any rule ran. */
export const cellProblem = (field: string, zh: string, en: string) => ({ field, message: { zh, en } });
