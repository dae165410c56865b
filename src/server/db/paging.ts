import type { DbOrTx } from './client';

/**
 * One page of rows and the total in a single statement: `sql` selects `count(*) OVER () AS
 * total_count` beside its columns and ends with its ORDER BY; LIMIT and OFFSET are appended. One
 * round trip matters on the embedded engine, where statements are serialized. Past the last page
 * the window has no row to ride on, so the total then comes from `countSql`.
 */
export async function selectPage<T>(
  db: DbOrTx,
  q: { sql: string; countSql: string; params: unknown[]; limit: number; offset: number },
): Promise<{ rows: T[]; total: number }> {
  const n = q.params.length;
  const { rows } = await db.query<T & { total_count: number }>(`${q.sql} LIMIT $${n + 1} OFFSET $${n + 2}`, [...q.params, q.limit, q.offset]);
  if (rows.length > 0) {
    const total = Number(rows[0].total_count);
    return { rows: rows.map(({ total_count: _, ...row }) => row as unknown as T), total };
  }
  const count = await db.query<{ n: number }>(q.countSql, q.params);
  return { rows: [], total: count.rows[0].n };
}
