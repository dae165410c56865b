import type { DbOrTx } from '../../db/client';
import { type Page, type PageRequest, selectPage } from '../../db/paging';
import { Where } from '../../db/where';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';

export interface RegionRow {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  path: string;
  child_count: number;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMNS = 'r.*, (SELECT count(*)::int FROM regions c WHERE c.parent_code = r.code) AS child_count';
const SELECT = `SELECT ${COLUMNS} FROM regions r`;
const SELECT_WITH_TOTAL = `SELECT ${COLUMNS}, count(*) OVER () AS total_count FROM regions r`;

export async function findRegion(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  const { rows } = await db.query<RegionRow>(`${SELECT} WHERE r.code = $1`, [code]);
  return rows[0];
}

export async function findRegionInScope(db: DbOrTx, actor: Actor, code: string): Promise<RegionRow | undefined> {
  const params: unknown[] = [code];
  const scope = scopeCondition(actor, { regionPath: 'r.path' }, params);
  const { rows } = await db.query<RegionRow>(`${SELECT} WHERE r.code = $1 AND ${scope}`, params);
  return rows[0];
}

export interface RegionFilter {
  parentCode?: string;
  level?: number;
  q?: string;
}

export async function listRegions(db: DbOrTx, actor: Actor, filter: RegionFilter, page: PageRequest): Promise<Page<RegionRow>> {
  const where = new Where();
  where
    .and(scopeCondition(actor, { regionPath: 'r.path' }, where.params))
    .when(filter.parentCode, (p) => `r.parent_code = ${p}`)
    .when(filter.level, (p) => `r.level = ${p}`)
    .when(filter.q && `%${filter.q}%`, (p) => `(r.name LIKE ${p} OR r.code LIKE ${p})`);
  return selectPage<RegionRow>(db, page, {
    sql: `${SELECT_WITH_TOTAL} WHERE ${where} ORDER BY r.path`,
    countSql: `SELECT count(*)::int AS n FROM regions r WHERE ${where}`,
    params: where.params,
  });
}

/** The actor's top regions: the roots of what they may see (their own scope region). */
export async function scopeRoots(db: DbOrTx, actor: Actor): Promise<RegionRow[]> {
  if (actor.scope.kind === 'region') {
    const { rows } = await db.query<RegionRow>(`${SELECT} WHERE r.code = $1`, [actor.scope.regionCode]);
    return rows;
  }
  if (actor.scope.kind === 'all') {
    const { rows } = await db.query<RegionRow>(`${SELECT} WHERE r.parent_code IS NULL ORDER BY r.code`);
    return rows;
  }
  return [];
}

export async function insertRegion(
  db: DbOrTx,
  r: { code: string; name: string; level: number; parentCode: string | null; path: string; now: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO regions (code, name, level, parent_code, path, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$6)`,
    [r.code, r.name, r.level, r.parentCode, r.path, r.now],
  );
}

/** Set-based insert of many regions (seeding): one statement, not a loop. */
export async function insertRegions(
  db: DbOrTx,
  rows: { code: string; name: string; level: number; parentCode: string | null; path: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO regions (code, name, level, parent_code, path)
     SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[])`,
    [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parentCode), rows.map((r) => r.path)],
  );
}

export async function renameRegion(db: DbOrTx, code: string, version: number, name: string, now: Date): Promise<boolean> {
  const result = await db.query(
    'UPDATE regions SET name = $3, updated_at = $4, version = version + 1 WHERE code = $1 AND version = $2',
    [code, version, name, now],
  );
  return result.rowCount === 1;
}

export async function siblingNameTaken(db: DbOrTx, parentCode: string | null, name: string, exceptCode?: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM regions WHERE coalesce(parent_code, '') = coalesce($1, '') AND name = $2 AND code <> coalesce($3, '')`,
    [parentCode, name, exceptCode ?? null],
  );
  return rows.length > 0;
}
