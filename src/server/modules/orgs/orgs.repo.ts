import type { DbOrTx } from '../../db/client';
import { type Page, type PageRequest, selectPage } from '../../db/paging';
import { Where } from '../../db/where';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';

// ---- enterprises ----

export interface EnterpriseRow {
  id: string;
  credit_code: string;
  name: string;
  type: string;
  industry: string;
  region_code: string;
  region_path: string;
  region_name: string;
  legal_rep_name: string;
  legal_rep_id_enc: string | null;
  legal_rep_id_bidx: string | null;
  legal_rep_phone_enc: string | null;
  legal_rep_phone_bidx: string | null;
  address: string | null;
  bank_id: string | null;
  bank_name: string | null;
  status: 'active' | 'deregistered';
  created_at: Date;
  updated_at: Date;
  version: number;
}

const ENTERPRISE_COLUMNS_SQL = 'e.*, r.name AS region_name, b.name AS bank_name';
const ENTERPRISE_FROM = `
    FROM enterprises e
    JOIN regions r ON r.code = e.region_code
    LEFT JOIN banks b ON b.id = e.bank_id`;
const ENTERPRISE_SELECT = `SELECT ${ENTERPRISE_COLUMNS_SQL} ${ENTERPRISE_FROM}`;

const enterpriseScope = (actor: Actor, params: unknown[]) =>
  scopeCondition(actor, { regionPath: 'e.region_path', industry: 'e.industry', enterpriseId: 'e.id' }, params);

export interface EnterpriseFilter {
  q?: string;
  type?: string;
  industry?: string;
  regionPath?: string;
  status?: string;
  legalRepIdBidx?: string;
}

export async function listEnterprises(db: DbOrTx, actor: Actor, f: EnterpriseFilter, page: PageRequest): Promise<Page<EnterpriseRow>> {
  const where = new Where();
  where
    .and(enterpriseScope(actor, where.params))
    .when(f.q && `%${f.q}%`, (p) => `(e.name LIKE ${p} OR e.credit_code LIKE upper(${p}))`)
    .when(f.type, (p) => `e.type = ${p}`)
    .when(f.industry, (p) => `e.industry = ${p}`)
    .when(f.regionPath && `${f.regionPath}%`, (p) => `e.region_path LIKE ${p}`)
    .when(f.status, (p) => `e.status = ${p}`)
    .when(f.legalRepIdBidx, (p) => `e.legal_rep_id_bidx = ${p}`);
  return selectPage<EnterpriseRow>(db, page, {
    sql: `SELECT ${ENTERPRISE_COLUMNS_SQL}, count(*) OVER () AS total_count ${ENTERPRISE_FROM} WHERE ${where} ORDER BY e.name, e.id`,
    countSql: `SELECT count(*)::int AS n FROM enterprises e WHERE ${where}`,
    params: where.params,
  });
}

export async function findEnterpriseInScope(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<EnterpriseRow | undefined> {
  const params: unknown[] = [id];
  const scope = enterpriseScope(actor, params);
  const { rows } = await db.query<EnterpriseRow>(
    `${ENTERPRISE_SELECT} WHERE e.id = $1 AND ${scope}${forUpdate ? ' FOR UPDATE OF e' : ''}`,
    params,
  );
  return rows[0];
}

export async function creditCodeTaken(db: DbOrTx, creditCode: string, exceptId?: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM enterprises WHERE credit_code = $1 AND id <> coalesce($2::uuid, $3::uuid)', [
    creditCode,
    exceptId ?? null,
    '00000000-0000-0000-0000-000000000000',
  ]);
  return rows.length > 0;
}

export interface EnterpriseWrite {
  creditCode: string;
  name: string;
  type: string;
  industry: string;
  regionCode: string;
  regionPath: string;
  legalRepName: string;
  legalRepIdEnc: string | null;
  legalRepIdBidx: string | null;
  legalRepPhoneEnc: string | null;
  legalRepPhoneBidx: string | null;
  address: string | null;
  bankId: string | null;
  status: 'active' | 'deregistered';
}

const ENTERPRISE_COLUMNS = [
  'credit_code', 'name', 'type', 'industry', 'region_code', 'region_path', 'legal_rep_name', 'legal_rep_id_enc',
  'legal_rep_id_bidx', 'legal_rep_phone_enc', 'legal_rep_phone_bidx', 'address', 'bank_id', 'status',
] as const;

const enterpriseValues = (e: EnterpriseWrite) => [
  e.creditCode, e.name, e.type, e.industry, e.regionCode, e.regionPath, e.legalRepName, e.legalRepIdEnc,
  e.legalRepIdBidx, e.legalRepPhoneEnc, e.legalRepPhoneBidx, e.address, e.bankId, e.status,
];

export async function insertEnterprise(db: DbOrTx, id: string, e: EnterpriseWrite, now: Date): Promise<void> {
  const values = enterpriseValues(e);
  await db.query(
    `INSERT INTO enterprises (id, ${ENTERPRISE_COLUMNS.join(', ')}, created_at, updated_at)
     VALUES ($1, ${values.map((_, i) => `$${i + 2}`).join(', ')}, $${values.length + 2}, $${values.length + 2})`,
    [id, ...values, now],
  );
}

/** Optimistic update of every column; false when `version` is stale. */
export async function updateEnterprise(db: DbOrTx, id: string, version: number, e: EnterpriseWrite, now: Date): Promise<boolean> {
  const values = enterpriseValues(e);
  const sets = ENTERPRISE_COLUMNS.map((c, i) => `${c} = $${i + 3}`);
  const result = await db.query(
    `UPDATE enterprises SET ${sets.join(', ')}, updated_at = $${values.length + 3}, version = version + 1
      WHERE id = $1 AND version = $2`,
    [id, version, ...values, now],
  );
  return result.rowCount === 1;
}

// ---- government units ----

export interface GovUnitRow {
  id: string;
  region_code: string;
  region_path: string;
  region_name: string;
  kind: string;
  name: string;
  office_phone: string | null;
  address: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const UNIT_COLUMNS_SQL = 'g.*, r.name AS region_name';
const UNIT_FROM = 'FROM gov_units g JOIN regions r ON r.code = g.region_code';
const UNIT_SELECT = `SELECT ${UNIT_COLUMNS_SQL} ${UNIT_FROM}`;

export async function listGovUnits(
  db: DbOrTx,
  actor: Actor,
  f: { q?: string; kind?: string; regionPath?: string },
  page: PageRequest,
): Promise<Page<GovUnitRow>> {
  const where = new Where();
  where
    .and(scopeCondition(actor, { regionPath: 'g.region_path' }, where.params))
    .when(f.q && `%${f.q}%`, (p) => `g.name LIKE ${p}`)
    .when(f.kind, (p) => `g.kind = ${p}`)
    .when(f.regionPath && `${f.regionPath}%`, (p) => `g.region_path LIKE ${p}`);
  return selectPage<GovUnitRow>(db, page, {
    sql: `SELECT ${UNIT_COLUMNS_SQL}, count(*) OVER () AS total_count ${UNIT_FROM} WHERE ${where} ORDER BY g.region_path, g.name`,
    countSql: `SELECT count(*)::int AS n FROM gov_units g WHERE ${where}`,
    params: where.params,
  });
}

export async function findGovUnitInScope(db: DbOrTx, actor: Actor, id: string): Promise<GovUnitRow | undefined> {
  const params: unknown[] = [id];
  const scope = scopeCondition(actor, { regionPath: 'g.region_path' }, params);
  const { rows } = await db.query<GovUnitRow>(`${UNIT_SELECT} WHERE g.id = $1 AND ${scope}`, params);
  return rows[0];
}

export interface GovUnitWrite {
  regionCode: string;
  regionPath: string;
  kind: string;
  name: string;
  officePhone: string | null;
  address: string | null;
}

export async function insertGovUnit(db: DbOrTx, id: string, u: GovUnitWrite, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO gov_units (id, region_code, region_path, kind, name, office_phone, address, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8)`,
    [id, u.regionCode, u.regionPath, u.kind, u.name, u.officePhone, u.address, now],
  );
}

export async function updateGovUnit(db: DbOrTx, id: string, version: number, u: GovUnitWrite, now: Date): Promise<boolean> {
  const result = await db.query(
    `UPDATE gov_units SET region_code = $3, region_path = $4, kind = $5, name = $6, office_phone = $7, address = $8,
       updated_at = $9, version = version + 1 WHERE id = $1 AND version = $2`,
    [id, version, u.regionCode, u.regionPath, u.kind, u.name, u.officePhone, u.address, now],
  );
  return result.rowCount === 1;
}

export async function deleteGovUnit(db: DbOrTx, id: string): Promise<void> {
  await db.query('DELETE FROM gov_units WHERE id = $1', [id]);
}

export async function govUnitNameTaken(db: DbOrTx, regionCode: string, name: string, exceptId?: string): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM gov_units WHERE region_code = $1 AND name = $2 AND id::text <> coalesce($3, \'\')',
    [regionCode, name, exceptId ?? null],
  );
  return rows.length > 0;
}

// ---- banks (a national catalogue) ----

export interface BankRow {
  id: string;
  name: string;
  bank_code: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export async function listBanks(db: DbOrTx, q?: string): Promise<BankRow[]> {
  const { rows } = await db.query<BankRow>(
    `SELECT * FROM banks WHERE ($1::text IS NULL OR name LIKE '%' || $1 || '%' OR bank_code LIKE $1 || '%') ORDER BY bank_code`,
    [q ?? null],
  );
  return rows;
}

export async function findBank(db: DbOrTx, id: string): Promise<BankRow | undefined> {
  return (await db.query<BankRow>('SELECT * FROM banks WHERE id = $1', [id])).rows[0];
}

export async function bankTaken(db: DbOrTx, name: string, bankCode: string, exceptId?: string): Promise<{ name: boolean; code: boolean }> {
  const { rows } = await db.query<{ name: string; bank_code: string }>(
    'SELECT name, bank_code FROM banks WHERE (name = $1 OR bank_code = $2) AND id::text <> coalesce($3, \'\')',
    [name, bankCode, exceptId ?? null],
  );
  return { name: rows.some((r) => r.name === name), code: rows.some((r) => r.bank_code === bankCode) };
}

export async function insertBank(db: DbOrTx, b: { id: string; name: string; bankCode: string; now: Date }): Promise<void> {
  await db.query('INSERT INTO banks (id, name, bank_code, created_at, updated_at) VALUES ($1,$2,$3,$4,$4)', [b.id, b.name, b.bankCode, b.now]);
}

export async function updateBank(db: DbOrTx, id: string, version: number, b: { name: string; bankCode: string }, now: Date): Promise<boolean> {
  const result = await db.query(
    'UPDATE banks SET name = $3, bank_code = $4, updated_at = $5, version = version + 1 WHERE id = $1 AND version = $2',
    [id, version, b.name, b.bankCode, now],
  );
  return result.rowCount === 1;
}

/** Set-based insert of many enterprises (seeding and imports): one statement. */
export async function insertEnterprises(db: DbOrTx, rows: (EnterpriseWrite & { id: string })[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof (EnterpriseWrite & { id: string })>(k: K) => rows.map((r) => r[k]);
  await db.query(
    `INSERT INTO enterprises (id, ${ENTERPRISE_COLUMNS.join(', ')})
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                          $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::uuid[], $15::text[])`,
    [
      column('id'), column('creditCode'), column('name'), column('type'), column('industry'), column('regionCode'),
      column('regionPath'), column('legalRepName'), column('legalRepIdEnc'), column('legalRepIdBidx'),
      column('legalRepPhoneEnc'), column('legalRepPhoneBidx'), column('address'), column('bankId'), column('status'),
    ],
  );
}

export async function insertGovUnits(db: DbOrTx, rows: (GovUnitWrite & { id: string })[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO gov_units (id, region_code, region_path, kind, name, office_phone, address)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    [rows.map((r) => r.id), rows.map((r) => r.regionCode), rows.map((r) => r.regionPath), rows.map((r) => r.kind),
      rows.map((r) => r.name), rows.map((r) => r.officePhone), rows.map((r) => r.address)],
  );
}

export async function insertBanks(db: DbOrTx, rows: { id: string; name: string; bankCode: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query('INSERT INTO banks (id, name, bank_code) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])', [
    rows.map((r) => r.id), rows.map((r) => r.name), rows.map((r) => r.bankCode),
  ]);
}

// ---- references from other modules ----

/** The public registry facts of enterprises (credit codes and names are public), whatever the caller's scope. */
export interface EnterpriseRef {
  id: string;
  credit_code: string;
  name: string;
  type: string;
  region_path: string;
  status: string;
}

export async function findEnterpriseRefs(db: DbOrTx, by: { ids?: string[]; creditCodes?: string[] }): Promise<EnterpriseRef[]> {
  const { rows } = await db.query<EnterpriseRef>(
    'SELECT id, credit_code, name, type, region_path, status FROM enterprises WHERE id = ANY($1::uuid[]) OR credit_code = ANY($2::text[])',
    [by.ids ?? [], by.creditCodes ?? []],
  );
  return rows;
}

/**
 * What a written decision names its party by (行政处罚法 Art. 59: name, address; the legal
 * representative as registered): registry facts, public like the name; no ID or phone.
 */
export interface EnterpriseParticulars {
  id: string;
  credit_code: string;
  name: string;
  legal_rep_name: string;
  address: string | null;
}

export async function findEnterpriseParticulars(db: DbOrTx, id: string): Promise<EnterpriseParticulars | undefined> {
  const { rows } = await db.query<EnterpriseParticulars>('SELECT id, credit_code, name, legal_rep_name, address FROM enterprises WHERE id = $1', [id]);
  return rows[0];
}

export interface GovUnitRef {
  id: string;
  name: string;
  kind: string;
  region_code: string;
  region_path: string;
}

export async function findGovUnitRefs(db: DbOrTx, by: { ids?: string[]; names?: string[] }): Promise<GovUnitRef[]> {
  const { rows } = await db.query<GovUnitRef>(
    'SELECT id, name, kind, region_code, region_path FROM gov_units WHERE id = ANY($1::uuid[]) OR name = ANY($2::text[])',
    [by.ids ?? [], by.names ?? []],
  );
  return rows;
}

/**
 * Registry entries a complaint's employer may be: by credit code, or names containing a fragment.
 * Enterprise names and codes are public registry data, so this looks beyond the caller's region
 * (a contractor registered elsewhere works on a project here).
 */
export async function matchEnterprises(db: DbOrTx, q: { creditCode?: string | null; nameFragments: string[]; limit: number }): Promise<{ id: string; name: string; credit_code: string }[]> {
  const { rows } = await db.query<{ id: string; name: string; credit_code: string }>(
    `SELECT id, name, credit_code FROM enterprises
      WHERE status = 'active' AND (credit_code = $1 OR name LIKE ANY ($2::text[]))
      ORDER BY (credit_code = $1) DESC NULLS LAST, name LIMIT $3`,
    [q.creditCode?.toUpperCase() ?? null, q.nameFragments.map((f) => `%${f.replace(/[%_\\]/g, (c) => `\\${c}`)}%`), q.limit],
  );
  return rows;
}
