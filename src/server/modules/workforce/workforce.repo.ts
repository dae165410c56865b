import type { DbOrTx } from '../../db/client';
import { type Page, type PageRequest, selectPage } from '../../db/paging';
import { Where } from '../../db/where';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';

// Associated data binds each ciphertext to its row and column.
export const workerIdAad = (id: string) => `workers:${id}:id_number`;
export const workerPhoneAad = (id: string) => `workers:${id}:phone`;
export const workerCardAad = (id: string) => `workers:${id}:bank_card`;

/**
 * Who sees an employment: officials through the project's region (and industry); a company when it
 * is the employer, the general contractor or the owner (a subcontractor sees only its own people);
 * a worker their own; a site device its project's.
 */
export const employmentScope = (actor: Actor, params: unknown[]) =>
  scopeCondition(
    actor,
    {
      regionPath: 'p.region_path',
      industry: 'p.supervising_industry',
      enterpriseIds: 'ARRAY[e.employer_id, p.general_contractor_id, p.owner_id]',
      projectId: 'e.project_id',
      workerId: 'e.worker_id',
    },
    params,
  );

const workerVisible = (actor: Actor, params: unknown[]) =>
  actor.scope.kind === 'worker'
    ? scopeCondition(actor, { workerId: 'w.id' }, params)
    : `EXISTS (SELECT 1 FROM employments e JOIN projects p ON p.id = e.project_id WHERE e.worker_id = w.id AND ${employmentScope(actor, params)})`;

export interface WorkerRow {
  id: string;
  name: string;
  id_type: string;
  id_enc: string;
  id_bidx: string;
  id_mask: string;
  birth_date: string;
  gender: 'male' | 'female';
  ethnicity: string | null;
  phone_enc: string | null;
  phone_mask: string | null;
  bank_card_enc: string | null;
  bank_card_mask: string | null;
  bank_id: string | null;
  bank_name: string | null;
  trade: string | null;
  native_place: string | null;
  education: string | null;
  skill_certificates: { name: string; number?: string; validUntil?: string }[];
  created_at: Date;
  updated_at: Date;
  version: number;
  open_employments: number;
}

const WORKER_COLUMNS = `w.id, w.name, w.id_type, w.id_enc, w.id_bidx, w.id_mask, w.birth_date::text, w.gender, w.ethnicity, w.phone_enc,
  w.phone_mask, w.bank_card_enc, w.bank_card_mask, w.bank_id, b.name AS bank_name, w.trade, w.native_place, w.education,
  w.skill_certificates, w.created_at, w.updated_at, w.version,
  (SELECT count(*)::int FROM employments oe WHERE oe.worker_id = w.id AND oe.exit_date IS NULL) AS open_employments`;
const WORKER_FROM = 'FROM workers w LEFT JOIN banks b ON b.id = w.bank_id';

export interface WorkerFilter {
  q?: string;
  idBidx?: string;
  phoneBidx?: string;
}

export async function listWorkers(db: DbOrTx, actor: Actor, f: WorkerFilter, page: PageRequest): Promise<Page<WorkerRow>> {
  const where = new Where();
  // A typed pattern like 4501**********1234 or a few trailing digits searches the stored mask.
  const maskPattern = f.q && /^[\dXx*]+$/.test(f.q) ? f.q.toUpperCase().replace(/\*+/g, '%') : undefined;
  where
    .and(workerVisible(actor, where.params))
    .when(maskPattern ? undefined : f.q && `%${f.q}%`, (p) => `w.name LIKE ${p}`)
    .when(maskPattern && (maskPattern.includes('%') ? maskPattern : `%${maskPattern}`), (p) => `w.id_mask LIKE ${p}`)
    .when(f.idBidx, (p) => `w.id_bidx = ${p}`)
    .when(f.phoneBidx, (p) => `w.phone_bidx = ${p}`);
  return selectPage<WorkerRow>(db, page, {
    sql: `SELECT ${WORKER_COLUMNS}, count(*) OVER () AS total_count ${WORKER_FROM} WHERE ${where} ORDER BY w.name, w.id`,
    countSql: `SELECT count(*)::int AS n FROM workers w WHERE ${where}`,
    params: where.params,
  });
}

export async function findWorkerInScope(db: DbOrTx, actor: Actor, id: string): Promise<WorkerRow | undefined> {
  const params: unknown[] = [id];
  const { rows } = await db.query<WorkerRow>(`SELECT ${WORKER_COLUMNS} ${WORKER_FROM} WHERE w.id = $1 AND ${workerVisible(actor, params)}`, params);
  return rows[0];
}

/** Which of these workers the actor may see, in one statement (the rest are unknown to them). */
export async function visibleWorkerIds(db: DbOrTx, actor: Actor, ids: string[]): Promise<Set<string>> {
  const params: unknown[] = [ids];
  const { rows } = await db.query<{ id: string }>(`SELECT w.id ${WORKER_FROM} WHERE w.id = ANY ($1::uuid[]) AND ${workerVisible(actor, params)}`, params);
  return new Set(rows.map((r) => r.id));
}

/** Registry lookup by the ID number's blind index, regardless of scope: the registry is national. */
export async function findWorkerByIdBidx(db: DbOrTx, idBidx: string, forUpdate = false): Promise<WorkerRow | undefined> {
  const { rows } = await db.query<WorkerRow>(`SELECT ${WORKER_COLUMNS} ${WORKER_FROM} WHERE w.id_bidx = $1${forUpdate ? ' FOR UPDATE OF w' : ''}`, [idBidx]);
  return rows[0];
}

export interface WorkerWrite {
  id: string;
  name: string;
  idEnc: string;
  idBidx: string;
  idMask: string;
  birthDate: string;
  gender: string;
  ethnicity: string | null;
  phoneEnc: string | null;
  phoneBidx: string | null;
  phoneMask: string | null;
  bankCardEnc: string | null;
  bankCardBidx: string | null;
  bankCardMask: string | null;
  bankId: string | null;
  trade: string | null;
  nativePlace: string | null;
  education: string | null;
}

export async function insertWorker(db: DbOrTx, w: WorkerWrite, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO workers (id, name, id_enc, id_bidx, id_mask, birth_date, gender, ethnicity, phone_enc, phone_bidx, phone_mask,
       bank_card_enc, bank_card_bidx, bank_card_mask, bank_id, trade, native_place, education, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)`,
    [w.id, w.name, w.idEnc, w.idBidx, w.idMask, w.birthDate, w.gender, w.ethnicity, w.phoneEnc, w.phoneBidx, w.phoneMask,
      w.bankCardEnc, w.bankCardBidx, w.bankCardMask, w.bankId, w.trade, w.nativePlace, w.education, now],
  );
}

/** Newer contact and payroll-card details replace older ones; identity columns never change. */
export async function updateWorkerContact(
  db: DbOrTx,
  id: string,
  c: Partial<Pick<WorkerWrite, 'phoneEnc' | 'phoneBidx' | 'phoneMask' | 'bankCardEnc' | 'bankCardBidx' | 'bankCardMask' | 'bankId' | 'trade' | 'nativePlace' | 'education' | 'ethnicity'>>,
  now: Date,
): Promise<void> {
  const cols: Record<string, string> = {
    phoneEnc: 'phone_enc', phoneBidx: 'phone_bidx', phoneMask: 'phone_mask', bankCardEnc: 'bank_card_enc', bankCardBidx: 'bank_card_bidx',
    bankCardMask: 'bank_card_mask', bankId: 'bank_id', trade: 'trade', nativePlace: 'native_place', education: 'education', ethnicity: 'ethnicity',
  };
  const params: unknown[] = [id, now];
  const sets = Object.entries(c)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${cols[k]} = $${params.push(v)}`);
  if (sets.length === 0) return;
  await db.query(`UPDATE workers SET ${sets.join(', ')}, updated_at = $2, version = version + 1 WHERE id = $1`, params);
}

// ---- employments ----

export interface EmploymentRow {
  project_id: string;
  project_name: string;
  project_code: string;
  id: string;
  worker_id: string;
  worker_name: string;
  id_mask: string;
  gender: string;
  birth_date: string;
  phone_mask: string | null;
  employer_id: string;
  employer_name: string;
  employer_credit_code: string;
  team_id: string | null;
  team_name: string | null;
  is_team_leader: boolean;
  trade: string;
  entry_date: string;
  exit_date: string | null;
  wage_type: string;
  wage_amount_fen: string | number;
  contract_kind: string;
  contract_signed_on: string;
  contract_file_id: string | null;
  safety_training_on: string;
  version: number;
  region_path: string;
}

const EMPLOYMENT_COLUMNS = `e.project_id, p.name AS project_name, p.code AS project_code, e.id, e.worker_id, w.name AS worker_name, w.id_mask,
  w.gender, w.birth_date::text, w.phone_mask, e.employer_id, en.name AS employer_name, en.credit_code AS employer_credit_code, e.team_id,
  t.name AS team_name, e.is_team_leader, e.trade, e.entry_date::text, e.exit_date::text, e.wage_type, e.wage_amount_fen, e.contract_kind,
  e.contract_signed_on::text, e.contract_file_id, e.safety_training_on::text, e.version, p.region_path`;
const EMPLOYMENT_FROM = `FROM employments e
    JOIN projects p ON p.id = e.project_id
    JOIN workers w ON w.id = e.worker_id
    JOIN enterprises en ON en.id = e.employer_id
    LEFT JOIN teams t ON t.project_id = e.project_id AND t.id = e.team_id`;

export interface RosterFilter {
  projectId?: string;
  workerId?: string;
  teamId?: string;
  employerId?: string;
  status?: 'open' | 'exited' | 'all';
  q?: string;
}

function rosterWhere(actor: Actor, f: RosterFilter): Where {
  const where = new Where();
  return where
    .and(employmentScope(actor, where.params))
    .when(f.projectId, (p) => `e.project_id = ${p}`)
    .when(f.workerId, (p) => `e.worker_id = ${p}`)
    .when(f.teamId, (p) => `e.team_id = ${p}`)
    .when(f.employerId, (p) => `e.employer_id = ${p}`)
    .when(f.q && `%${f.q}%`, (p) => `w.name LIKE ${p}`)
    .and(f.status === 'exited' ? 'e.exit_date IS NOT NULL' : f.status === 'all' ? 'true' : 'e.exit_date IS NULL');
}

export async function listRoster(db: DbOrTx, actor: Actor, f: RosterFilter, page: PageRequest): Promise<Page<EmploymentRow>> {
  const where = rosterWhere(actor, f);
  return selectPage<EmploymentRow>(db, page, {
    sql: `SELECT ${EMPLOYMENT_COLUMNS}, count(*) OVER () AS total_count ${EMPLOYMENT_FROM} WHERE ${where}
           ORDER BY en.name, t.name NULLS LAST, w.name, e.id`,
    countSql: `SELECT count(*)::int AS n ${EMPLOYMENT_FROM} WHERE ${where}`,
    params: where.params,
  });
}

/** The whole roster in order, for exports (rosters are thousands of rows at most). */
export async function rosterRows(db: DbOrTx, actor: Actor, f: RosterFilter): Promise<(EmploymentRow & { bank_card_mask: string | null; bank_name: string | null; native_place: string | null; ethnicity: string | null; education: string | null })[]> {
  const where = rosterWhere(actor, f);
  const { rows } = await db.query<EmploymentRow & { bank_card_mask: string | null; bank_name: string | null; native_place: string | null; ethnicity: string | null; education: string | null }>(
    `SELECT ${EMPLOYMENT_COLUMNS}, w.bank_card_mask, bk.name AS bank_name, w.native_place, w.ethnicity, w.education
       ${EMPLOYMENT_FROM} LEFT JOIN banks bk ON bk.id = w.bank_id
      WHERE ${where} ORDER BY en.name, t.name NULLS LAST, w.name, e.id`,
    where.params,
  );
  return rows;
}

export async function findEmploymentInScope(db: DbOrTx, actor: Actor, projectId: string, id: string, forUpdate = false): Promise<EmploymentRow | undefined> {
  const params: unknown[] = [projectId, id];
  const { rows } = await db.query<EmploymentRow>(
    `SELECT ${EMPLOYMENT_COLUMNS} ${EMPLOYMENT_FROM} WHERE e.project_id = $1 AND e.id = $2 AND ${employmentScope(actor, params)}${forUpdate ? ' FOR UPDATE OF e' : ''}`,
    params,
  );
  return rows[0];
}

export async function openEmploymentOf(db: DbOrTx, projectId: string, workerId: string): Promise<{ id: string } | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM employments WHERE project_id = $1 AND worker_id = $2 AND exit_date IS NULL', [projectId, workerId]);
  return rows[0];
}

export interface EmploymentWrite {
  projectId: string;
  id: string;
  workerId: string;
  employerId: string;
  teamId: string | null;
  isTeamLeader: boolean;
  trade: string;
  entryDate: string;
  exitDate: string | null;
  wageType: string;
  wageAmountFen: number;
  contractKind: string;
  contractSignedOn: string;
  safetyTrainingOn: string;
}

export async function insertEmployment(db: DbOrTx, e: EmploymentWrite, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO employments (project_id, id, worker_id, employer_id, team_id, is_team_leader, trade, entry_date, exit_date, wage_type,
       wage_amount_fen, contract_kind, contract_signed_on, safety_training_on, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
    [e.projectId, e.id, e.workerId, e.employerId, e.teamId, e.isTeamLeader, e.trade, e.entryDate, e.exitDate, e.wageType, e.wageAmountFen,
      e.contractKind, e.contractSignedOn, e.safetyTrainingOn, now],
  );
}

export async function setExit(db: DbOrTx, projectId: string, id: string, version: number, exitDate: string, now: Date): Promise<boolean> {
  const r = await db.query('UPDATE employments SET exit_date = $4, updated_at = $5, version = version + 1 WHERE project_id = $1 AND id = $2 AND version = $3', [
    projectId,
    id,
    version,
    exitDate,
    now,
  ]);
  return r.rowCount === 1;
}

export async function setContractFile(db: DbOrTx, projectId: string, id: string, fileId: string, now: Date): Promise<void> {
  await db.query('UPDATE employments SET contract_file_id = $3, updated_at = $4, version = version + 1 WHERE project_id = $1 AND id = $2', [projectId, id, fileId, now]);
}

// ---- teams ----

export interface TeamRow {
  id: string;
  project_id: string;
  employer_id: string;
  employer_name: string;
  name: string;
  leader_worker_id: string | null;
  leader_name: string | null;
  members: number;
}

export async function listTeams(db: DbOrTx, projectId: string): Promise<TeamRow[]> {
  const { rows } = await db.query<TeamRow>(
    `SELECT t.id, t.project_id, t.employer_id, en.name AS employer_name, t.name, t.leader_worker_id, w.name AS leader_name,
            (SELECT count(*)::int FROM employments e WHERE e.project_id = t.project_id AND e.team_id = t.id AND e.exit_date IS NULL) AS members
       FROM teams t JOIN enterprises en ON en.id = t.employer_id LEFT JOIN workers w ON w.id = t.leader_worker_id
      WHERE t.project_id = $1 ORDER BY en.name, t.name`,
    [projectId],
  );
  return rows;
}

export async function findTeamByName(db: DbOrTx, projectId: string, employerId: string, name: string): Promise<{ id: string } | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM teams WHERE project_id = $1 AND employer_id = $2 AND name = $3', [projectId, employerId, name]);
  return rows[0];
}

export async function findTeam(db: DbOrTx, projectId: string, id: string): Promise<{ id: string; employer_id: string } | undefined> {
  const { rows } = await db.query<{ id: string; employer_id: string }>('SELECT id, employer_id FROM teams WHERE project_id = $1 AND id = $2', [projectId, id]);
  return rows[0];
}

export async function insertTeam(db: DbOrTx, t: { projectId: string; id: string; employerId: string; name: string; leaderWorkerId: string | null; now: Date }): Promise<void> {
  await db.query('INSERT INTO teams (project_id, id, employer_id, name, leader_worker_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    t.projectId,
    t.id,
    t.employerId,
    t.name,
    t.leaderWorkerId,
    t.now,
  ]);
}

export async function setTeamLeader(db: DbOrTx, projectId: string, teamId: string, workerId: string): Promise<void> {
  await db.query('UPDATE teams SET leader_worker_id = $3 WHERE project_id = $1 AND id = $2', [projectId, teamId, workerId]);
}
