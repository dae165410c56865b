import type { DbOrTx } from './client';

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> extends PageRequest {
  items: T[];
  total: number;
}

/**
 * One page of rows and the total in a single statement: `sql` selects `count(*) OVER () AS
 * total_count` beside its columns and ends with its ORDER BY; LIMIT and OFFSET are appended. One
 * round trip matters on the embedded engine, where statements are serialized. Past the last page
 * the window has no row to ride on, so the total then comes from `countSql`.
 */
export async function selectPage<T>(db: DbOrTx, request: PageRequest, q: { sql: string; countSql: string; params: unknown[] }): Promise<Page<T>> {
  const n = q.params.length;
  const { rows } = await db.query<T & { total_count: number }>(`${q.sql} LIMIT $${n + 1} OFFSET $${n + 2}`, [
    ...q.params,
    request.pageSize,
    (request.page - 1) * request.pageSize,
  ]);
  const page = { page: request.page, pageSize: request.pageSize };
  if (rows.length > 0) {
    return { ...page, items: rows.map(({ total_count: _, ...row }) => row as unknown as T), total: Number(rows[0].total_count) };
  }
  const count = await db.query<{ n: number }>(q.countSql, q.params);
  return { ...page, items: [], total: count.rows[0].n };
}
