import type { DbOrTx } from '../../db/client';

/**
 * The project's link to the national platform (its columns, added by 0003_national), and the
 * read-only views of a project's ledger, teams, roster and attendance that an export maps. The
 * caller has checked the project is in scope.
 */

export const nationalSecretAad = (projectId: string) => `projects:${projectId}:national_secret`;

export interface LinkRow {
  national_project_code: string | null;
  national_secret_enc: string | null;
}

export async function findLink(db: DbOrTx, projectId: string): Promise<LinkRow | undefined> {
  const { rows } = await db.query<LinkRow>('SELECT national_project_code, national_secret_enc FROM projects WHERE id = $1', [projectId]);
  return rows[0];
}

/** Another project already holding this national code, if any. */
export async function projectWithNationalCode(db: DbOrTx, code: string, exceptId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM projects WHERE national_project_code = $1 AND id <> $2', [code, exceptId]);
  return rows[0]?.id;
}

export async function setLink(db: DbOrTx, projectId: string, link: { code: string | null; secretEnc: string | null | undefined }, now: Date): Promise<void> {
  await db.query(
    `UPDATE projects SET national_project_code = $2,
            national_secret_enc = CASE WHEN $3::boolean THEN $4 ELSE national_secret_enc END,
            updated_at = $5, version = version + 1
      WHERE id = $1`,
    [projectId, link.code, link.secretEnc !== undefined, link.secretEnc ?? null, now],
  );
}

export interface TeamLinkRow {
  id: string;
  name: string;
  employer_name: string;
  employer_credit_code: string;
  national_team_sys_no: string | null;
  leader_worker_id: string | null;
  leader_id_enc: string | null;
}

export async function listTeams(db: DbOrTx, projectId: string): Promise<TeamLinkRow[]> {
  const { rows } = await db.query<TeamLinkRow>(
    `SELECT t.id, t.name, e.name AS employer_name, e.credit_code AS employer_credit_code, t.national_team_sys_no::text,
            t.leader_worker_id, w.id_enc AS leader_id_enc
       FROM teams t JOIN enterprises e ON e.id = t.employer_id LEFT JOIN workers w ON w.id = t.leader_worker_id
      WHERE t.project_id = $1
      ORDER BY e.name, t.name`,
    [projectId],
  );
  return rows;
}

/** Sets the numbers of the named teams in one statement; the count of teams found on the project. */
export async function setTeamSysNos(db: DbOrTx, projectId: string, teams: { teamId: string; teamSysNo: number | null }[]): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE teams t SET national_team_sys_no = v.sys_no
       FROM unnest($2::uuid[], $3::bigint[]) AS v(id, sys_no)
      WHERE t.project_id = $1 AND t.id = v.id`,
    [projectId, teams.map((t) => t.teamId), teams.map((t) => t.teamSysNo)],
  );
  return rowCount ?? 0;
}

export interface ProjectExportRow {
  id: string;
  code: string;
  name: string;
  common_name: string | null;
  region_code: string;
  address: string;
  industry: string;
  investment_type: string;
  contract_price_fen: string;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  status: string;
  owner_name: string;
  owner_credit_code: string;
  gc_name: string;
  gc_credit_code: string;
  labor_officer_name: string | null;
  labor_officer_phone_enc: string | null;
}

export async function projectForExport(db: DbOrTx, projectId: string): Promise<ProjectExportRow | undefined> {
  const { rows } = await db.query<ProjectExportRow>(
    `SELECT p.id, p.code, p.name, p.common_name, p.region_code, p.address, p.industry, p.investment_type, p.contract_price_fen::text,
            p.planned_start::text, p.planned_end::text, p.actual_start::text, p.actual_end::text, p.status,
            o.name AS owner_name, o.credit_code AS owner_credit_code, g.name AS gc_name, g.credit_code AS gc_credit_code,
            p.labor_officer_name, p.labor_officer_phone_enc
       FROM projects p JOIN enterprises o ON o.id = p.owner_id JOIN enterprises g ON g.id = p.general_contractor_id
      WHERE p.id = $1`,
    [projectId],
  );
  return rows[0];
}

export interface SubcontractExportRow {
  name: string;
  credit_code: string;
  parent_credit_code: string;
  amount_fen: string;
}

export async function subcontractsForExport(db: DbOrTx, projectId: string): Promise<SubcontractExportRow[]> {
  const { rows } = await db.query<SubcontractExportRow>(
    `SELECT e.name, e.credit_code, pe.credit_code AS parent_credit_code, s.amount_fen::text
       FROM subcontracts s JOIN enterprises e ON e.id = s.enterprise_id JOIN enterprises pe ON pe.id = s.parent_id
      WHERE s.project_id = $1
      ORDER BY s.created_at, s.id`,
    [projectId],
  );
  return rows;
}

export interface EmploymentExportRow {
  worker_id: string;
  name: string;
  id_enc: string;
  phone_enc: string | null;
  bank_card_enc: string | null;
  bank_name: string | null;
  bank_code: string | null;
  native_place: string | null;
  ethnicity: string | null;
  education: string | null;
  employer_name: string;
  employer_credit_code: string;
  team_name: string | null;
  team_sys_no: string | null;
  is_team_leader: boolean;
  trade: string;
  entry_date: string;
  exit_date: string | null;
  contract_kind: string;
  contract_signed_on: string;
}

/** The roster, every employment the project has had (exits included: the platform wants the exit too). */
export async function employmentsForExport(db: DbOrTx, projectId: string): Promise<EmploymentExportRow[]> {
  const { rows } = await db.query<EmploymentExportRow>(
    `SELECT w.id AS worker_id, w.name, w.id_enc, w.phone_enc, w.bank_card_enc, b.name AS bank_name, b.bank_code, w.native_place,
            w.ethnicity, w.education, e.name AS employer_name, e.credit_code AS employer_credit_code, t.name AS team_name,
            t.national_team_sys_no::text AS team_sys_no, m.is_team_leader, m.trade, m.entry_date::text, m.exit_date::text,
            m.contract_kind, m.contract_signed_on::text
       FROM employments m
       JOIN workers w ON w.id = m.worker_id
       JOIN enterprises e ON e.id = m.employer_id
       LEFT JOIN teams t ON t.project_id = m.project_id AND t.id = m.team_id
       LEFT JOIN banks b ON b.id = w.bank_id
      WHERE m.project_id = $1
      ORDER BY e.name, t.name NULLS LAST, m.entry_date, w.name, m.id`,
    [projectId],
  );
  return rows;
}

export interface AttendanceExportRow {
  worker_id: string;
  work_date: string;
  occurred_at: Date;
  direction: 'in' | 'out';
  method: string;
}

/** Clock events of people on this roster in the period; others are not the platform's to receive. */
export async function attendanceForExport(db: DbOrTx, projectId: string, from: string, to: string): Promise<AttendanceExportRow[]> {
  const { rows } = await db.query<AttendanceExportRow>(
    `SELECT worker_id, work_date::text, occurred_at, direction, method
       FROM attendance_events
      WHERE project_id = $1 AND work_date >= $2 AND work_date <= $3 AND status = 'registered'
      ORDER BY occurred_at, id`,
    [projectId, from, to],
  );
  return rows;
}
