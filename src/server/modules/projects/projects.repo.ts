import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../../db/client';
import { type Page, type PageRequest, selectPage } from '../../db/paging';
import { Where } from '../../db/where';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';

// Associated data binds each ciphertext to its row and column.
export const pmIdAad = (id: string) => `projects:${id}:project_manager_id`;
export const csIdAad = (id: string) => `projects:${id}:chief_supervisor_id`;
export const laborOfficerPhoneAad = (id: string) => `projects:${id}:labor_officer_phone`;

export interface ProjectRow {
  id: string;
  code: string;
  name: string;
  common_name: string | null;
  region_code: string;
  region_path: string;
  region_name: string;
  address: string;
  industry: string;
  supervising_industry: string;
  investment_type: string;
  ownership_tier: string;
  ownership_tier_overridden: boolean;
  competent_unit_id: string | null;
  competent_unit_name: string | null;
  contract_price_fen: string | number;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  status: string;
  owner_id: string;
  owner_name: string;
  owner_credit_code: string;
  general_contractor_id: string;
  general_contractor_name: string;
  general_contractor_credit_code: string;
  party_ids: string[];
  project_manager_name: string | null;
  project_manager_id_enc: string | null;
  project_manager_id_bidx: string | null;
  chief_supervisor_name: string | null;
  chief_supervisor_id_enc: string | null;
  chief_supervisor_id_bidx: string | null;
  labor_officer_name: string | null;
  labor_officer_phone_enc: string | null;
  labor_officer_phone_mask: string | null;
  board_set_up: boolean;
  board_contents: string[];
  board_photo_id: string | null;
  payday: number | null;
  labor_cost_share_bp: number | null;
  allocation_cycle_months: number | null;
  metering_cycle: string | null;
  settlement_method: string | null;
  payment_guarantee: boolean;
  funds_in_place: boolean | null;
  registered_at: Date;
  created_at: Date;
  updated_at: Date;
  version: number;
  open_employments: number;
}

// Dates as text: a civil date must not pass through a time zone on its way out.
const COLUMNS = `p.id, p.code, p.name, p.common_name, p.region_code, p.region_path, r.name AS region_name, p.address, p.industry,
  p.supervising_industry, p.investment_type, p.ownership_tier, p.ownership_tier_overridden, p.competent_unit_id,
  u.name AS competent_unit_name, p.contract_price_fen, p.planned_start::text, p.planned_end::text, p.actual_start::text,
  p.actual_end::text, p.status, p.owner_id, o.name AS owner_name, o.credit_code AS owner_credit_code, p.general_contractor_id,
  g.name AS general_contractor_name, g.credit_code AS general_contractor_credit_code, p.party_ids, p.project_manager_name,
  p.project_manager_id_enc, p.project_manager_id_bidx, p.chief_supervisor_name, p.chief_supervisor_id_enc, p.chief_supervisor_id_bidx,
  p.labor_officer_name, p.labor_officer_phone_enc, p.labor_officer_phone_mask, p.board_set_up, p.board_contents, p.board_photo_id,
  p.payday, p.labor_cost_share_bp, p.allocation_cycle_months, p.metering_cycle, p.settlement_method, p.payment_guarantee,
  p.funds_in_place, p.registered_at, p.created_at, p.updated_at, p.version,
  (SELECT count(*)::int FROM employments e WHERE e.project_id = p.id AND e.exit_date IS NULL) AS open_employments`;
const FROM = `
    FROM projects p
    JOIN regions r ON r.code = p.region_code
    JOIN enterprises o ON o.id = p.owner_id
    JOIN enterprises g ON g.id = p.general_contractor_id
    LEFT JOIN gov_units u ON u.id = p.competent_unit_id`;

export const projectScope = (actor: Actor, params: unknown[], alias = 'p') =>
  scopeCondition(
    actor,
    { regionPath: `${alias}.region_path`, industry: `${alias}.supervising_industry`, enterpriseIds: `${alias}.party_ids`, projectId: `${alias}.id` },
    params,
  );

export interface ProjectFilter {
  q?: string;
  regionPath?: string;
  industry?: string;
  investmentType?: string;
  ownershipTier?: string;
  status?: string;
}

function filter(actor: Actor, f: ProjectFilter): Where {
  const where = new Where();
  return where
    .and(projectScope(actor, where.params))
    .when(f.q && `%${f.q}%`, (p) => `(p.name LIKE ${p} OR p.common_name LIKE ${p} OR p.code LIKE ${p})`)
    .when(f.regionPath && `${f.regionPath}%`, (p) => `p.region_path LIKE ${p}`)
    .when(f.industry, (p) => `p.industry = ${p}`)
    .when(f.investmentType, (p) => `p.investment_type = ${p}`)
    .when(f.ownershipTier, (p) => `p.ownership_tier = ${p}`)
    .when(f.status, (p) => `p.status = ${p}`);
}

export async function listProjects(db: DbOrTx, actor: Actor, f: ProjectFilter, page: PageRequest): Promise<Page<ProjectRow>> {
  const where = filter(actor, f);
  return selectPage<ProjectRow>(db, page, {
    sql: `SELECT ${COLUMNS}, count(*) OVER () AS total_count ${FROM} WHERE ${where} ORDER BY p.region_code, p.name, p.id`,
    countSql: `SELECT count(*)::int AS n FROM projects p WHERE ${where}`,
    params: where.params,
  });
}

/** Every project in scope matching the filter, in ledger order, for exports (streamed by the caller in pages). */
export async function* iterateProjects(db: DbOrTx, actor: Actor, f: ProjectFilter, batch = 500): AsyncGenerator<ProjectRow> {
  const where = filter(actor, f);
  let after = '';
  for (;;) {
    const n = where.params.length;
    const { rows } = await db.query<ProjectRow & { sort_key: string }>(
      `SELECT ${COLUMNS}, p.region_code || '/' || p.name || '/' || p.id AS sort_key ${FROM}
        WHERE ${where} AND p.region_code || '/' || p.name || '/' || p.id > $${n + 1}
        ORDER BY sort_key LIMIT $${n + 2}`,
      [...where.params, after, batch],
    );
    for (const row of rows) yield row;
    if (rows.length < batch) return;
    after = rows[rows.length - 1].sort_key;
  }
}

export async function findProjectInScope(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<ProjectRow | undefined> {
  const params: unknown[] = [id];
  const scope = projectScope(actor, params);
  const { rows } = await db.query<ProjectRow>(`SELECT ${COLUMNS} ${FROM} WHERE p.id = $1 AND ${scope}${forUpdate ? ' FOR UPDATE OF p' : ''}`, params);
  return rows[0];
}

export interface ProjectPartiesRow {
  id: string;
  code: string;
  name: string;
  region_code: string;
  region_path: string;
  region_name: string;
  supervising_industry: string;
  party_ids: string[];
  parties: { id: string; name: string; credit_code: string }[];
}

const PARTIES_SELECT = `SELECT p.id, p.code, p.name, p.region_code, p.region_path, r.name AS region_name, p.supervising_industry, p.party_ids,
            (SELECT coalesce(json_agg(json_build_object('id', e.id, 'name', e.name, 'credit_code', e.credit_code)), '[]') FROM enterprises e WHERE e.id = ANY (p.party_ids)) AS parties
       FROM projects p JOIN regions r ON r.code = p.region_code`;

/** A project in the actor's scope, by id or by the code on its site board, with its parties' names and credit codes: what a complaint about it needs, in one read. */
export async function findProjectParties(db: DbOrTx, actor: Actor, by: { id: string } | { code: string }): Promise<ProjectPartiesRow | undefined> {
  const params: unknown[] = ['id' in by ? by.id : by.code];
  const scope = projectScope(actor, params);
  const { rows } = await db.query<ProjectPartiesRow>(`${PARTIES_SELECT} WHERE ${'id' in by ? 'p.id = $1' : 'p.code = $1'} AND ${scope}`, params, { prepare: true });
  return rows[0];
}

/** `findProjectParties` for many projects at once, keyed by id. */
export async function findProjectsParties(db: DbOrTx, actor: Actor, ids: readonly string[]): Promise<Map<string, ProjectPartiesRow>> {
  if (ids.length === 0) return new Map();
  const params: unknown[] = [ids];
  const scope = projectScope(actor, params);
  const { rows } = await db.query<ProjectPartiesRow>(`${PARTIES_SELECT} WHERE p.id = ANY ($1::uuid[]) AND ${scope}`, params);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The project each (region, name) pair names, in the actor's scope: a project of that name or
 * common name in the region's subtree (codes nest: 450102 holds 450102001), and only when exactly
 * one does. Keyed `${regionCode}|${name}`.
 */
export async function findProjectsNamed(db: DbOrTx, actor: Actor, wanted: readonly { regionCode: string; name: string }[]): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map();
  const params: unknown[] = [wanted.map((w) => w.regionCode), wanted.map((w) => w.name)];
  const scope = projectScope(actor, params);
  const { rows } = await db.query<{ region_code: string; name: string; id: string }>(
    `SELECT w.region_code, w.name, min(p.id::text) AS id
       FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::text[]) AS t (region_code, name)) AS w
       JOIN projects p ON (p.name = w.name OR p.common_name = w.name) AND p.region_code LIKE w.region_code || '%'
      WHERE ${scope}
      GROUP BY w.region_code, w.name
     HAVING count(*) = 1`,
    params,
  );
  return new Map(rows.map((r) => [`${r.region_code}|${r.name}`, r.id]));
}

export async function findProjectByCode(db: DbOrTx, code: string): Promise<{ id: string; region_path: string } | undefined> {
  const { rows } = await db.query<{ id: string; region_path: string }>('SELECT id, region_path FROM projects WHERE code = $1', [code]);
  return rows[0];
}

export async function projectNameTaken(db: DbOrTx, regionCode: string, name: string, exceptId?: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM projects WHERE region_code = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid', [regionCode, name, exceptId ?? null]);
  return rows.length > 0;
}

export async function nextProjectSerial(db: DbOrTx): Promise<number> {
  const { rows } = await db.query<{ n: string }>("SELECT nextval('project_code_seq') AS n");
  return Number(rows[0].n);
}

export interface ProjectWrite {
  code: string;
  name: string;
  commonName: string | null;
  regionCode: string;
  regionPath: string;
  address: string;
  industry: string;
  supervisingIndustry: string;
  investmentType: string;
  ownershipTier: string;
  ownershipTierOverridden: boolean;
  competentUnitId: string | null;
  contractPriceFen: number;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  status: string;
  ownerId: string;
  generalContractorId: string;
  partyIds: string[];
  projectManagerName: string | null;
  projectManagerIdEnc: string | null;
  projectManagerIdBidx: string | null;
  chiefSupervisorName: string | null;
  chiefSupervisorIdEnc: string | null;
  chiefSupervisorIdBidx: string | null;
  laborOfficerName: string | null;
  laborOfficerPhoneEnc: string | null;
  laborOfficerPhoneMask: string | null;
  boardSetUp: boolean;
  boardContents: string[];
  boardPhotoId: string | null;
  payday: number | null;
  laborCostShareBp: number | null;
  allocationCycleMonths: number | null;
  meteringCycle: string | null;
  settlementMethod: string | null;
  paymentGuarantee: boolean;
  fundsInPlace: boolean | null;
}

const WRITE_COLUMNS: [keyof ProjectWrite, string][] = [
  ['code', 'code'], ['name', 'name'], ['commonName', 'common_name'], ['regionCode', 'region_code'], ['regionPath', 'region_path'],
  ['address', 'address'], ['industry', 'industry'], ['supervisingIndustry', 'supervising_industry'], ['investmentType', 'investment_type'],
  ['ownershipTier', 'ownership_tier'], ['ownershipTierOverridden', 'ownership_tier_overridden'], ['competentUnitId', 'competent_unit_id'],
  ['contractPriceFen', 'contract_price_fen'], ['plannedStart', 'planned_start'], ['plannedEnd', 'planned_end'], ['actualStart', 'actual_start'],
  ['actualEnd', 'actual_end'], ['status', 'status'], ['ownerId', 'owner_id'], ['generalContractorId', 'general_contractor_id'],
  ['partyIds', 'party_ids'], ['projectManagerName', 'project_manager_name'], ['projectManagerIdEnc', 'project_manager_id_enc'],
  ['projectManagerIdBidx', 'project_manager_id_bidx'], ['chiefSupervisorName', 'chief_supervisor_name'], ['chiefSupervisorIdEnc', 'chief_supervisor_id_enc'],
  ['chiefSupervisorIdBidx', 'chief_supervisor_id_bidx'], ['laborOfficerName', 'labor_officer_name'], ['laborOfficerPhoneEnc', 'labor_officer_phone_enc'],
  ['laborOfficerPhoneMask', 'labor_officer_phone_mask'], ['boardSetUp', 'board_set_up'], ['boardContents', 'board_contents'],
  ['boardPhotoId', 'board_photo_id'], ['payday', 'payday'], ['laborCostShareBp', 'labor_cost_share_bp'], ['allocationCycleMonths', 'allocation_cycle_months'],
  ['meteringCycle', 'metering_cycle'], ['settlementMethod', 'settlement_method'], ['paymentGuarantee', 'payment_guarantee'], ['fundsInPlace', 'funds_in_place'],
];

export async function insertProjects(db: DbOrTx, rows: (ProjectWrite & { id: string })[], now: Date): Promise<void> {
  const cols = ['id', ...WRITE_COLUMNS.map(([, c]) => c), 'registered_at', 'created_at', 'updated_at'];
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => {
      const values = [r.id, ...WRITE_COLUMNS.map(([k]) => r[k]), now, now, now];
      return `(${values.map((v) => `$${params.push(v)}`).join(', ')})`;
    });
    await db.query(`INSERT INTO projects (${cols.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** Optimistic update of every column; false when `version` is stale. */
export async function updateProject(db: DbOrTx, id: string, version: number, w: ProjectWrite, now: Date): Promise<boolean> {
  const params: unknown[] = [id, version];
  const sets = WRITE_COLUMNS.map(([k, c]) => `${c} = $${params.push(w[k])}`);
  const result = await db.query(
    `UPDATE projects SET ${sets.join(', ')}, updated_at = $${params.push(now)}, version = version + 1 WHERE id = $1 AND version = $2`,
    params,
  );
  return result.rowCount === 1;
}

export async function insertStatusHistory(
  db: DbOrTx,
  e: { projectId: string; at: Date; from: string | null; to: string; reason: string | null; actorName: string },
): Promise<void> {
  await db.query('INSERT INTO project_status_history (id, project_id, at, from_status, to_status, reason, actor_name) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    uuidv7(),
    e.projectId,
    e.at,
    e.from,
    e.to,
    e.reason,
    e.actorName,
  ]);
}

export interface StatusHistoryRow {
  at: Date;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_name: string;
}

export async function listStatusHistory(db: DbOrTx, projectId: string): Promise<StatusHistoryRow[]> {
  const { rows } = await db.query<StatusHistoryRow>(
    'SELECT at, from_status, to_status, reason, actor_name FROM project_status_history WHERE project_id = $1 ORDER BY at, id',
    [projectId],
  );
  return rows;
}

export interface SubcontractRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  enterprise_credit_code: string;
  parent_id: string;
  parent_name: string;
  scope_of_work: string;
  amount_fen: string | number;
  signed_on: string | null;
}

export async function listSubcontracts(db: DbOrTx, projectId: string): Promise<SubcontractRow[]> {
  const { rows } = await db.query<SubcontractRow>(
    `SELECT s.id, s.enterprise_id, e.name AS enterprise_name, e.credit_code AS enterprise_credit_code, s.parent_id, pe.name AS parent_name,
            s.scope_of_work, s.amount_fen, s.signed_on::text
       FROM subcontracts s JOIN enterprises e ON e.id = s.enterprise_id JOIN enterprises pe ON pe.id = s.parent_id
      WHERE s.project_id = $1 ORDER BY s.created_at, s.id`,
    [projectId],
  );
  return rows;
}

export async function insertSubcontract(
  db: DbOrTx,
  s: { projectId: string; id: string; enterpriseId: string; parentId: string; scopeOfWork: string; amountFen: number; signedOn: string | null; now: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO subcontracts (project_id, id, enterprise_id, parent_id, scope_of_work, amount_fen, signed_on, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.projectId, s.id, s.enterpriseId, s.parentId, s.scopeOfWork, s.amountFen, s.signedOn, s.now],
  );
  await db.query('UPDATE projects SET party_ids = array_append(party_ids, $2::uuid) WHERE id = $1 AND NOT ($2::uuid = ANY(party_ids))', [s.projectId, s.enterpriseId]);
}

export async function setBoardPhoto(db: DbOrTx, projectId: string, fileId: string, now: Date): Promise<void> {
  await db.query('UPDATE projects SET board_photo_id = $2, updated_at = $3, version = version + 1 WHERE id = $1', [projectId, fileId, now]);
}

/** Projects whose key staff carry one of these ID blind indexes (attendance matches the 项目经理 and 总监). */
export async function keyStaffOf(db: DbOrTx, projectId: string): Promise<{ pm: string | null; cs: string | null } | undefined> {
  const { rows } = await db.query<{ pm: string | null; cs: string | null }>(
    'SELECT project_manager_id_bidx AS pm, chief_supervisor_id_bidx AS cs FROM projects WHERE id = $1',
    [projectId],
  );
  return rows[0];
}
