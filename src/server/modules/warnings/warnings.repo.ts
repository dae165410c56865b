import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';
import { Where } from '../../db/where';

export const OPEN_SQL = `('generated', 'dispatched', 'acknowledged', 'disposed')`;

/** Officials see the warnings of their region subtree (and industry); a company those on its projects and about itself. */
export const warningScope = (actor: Actor, params: unknown[]) =>
  scopeCondition(actor, { regionPath: 'w.region_path', industry: 'w.industry', enterpriseIds: 'w.party_ids' }, params);

export interface NotifyTarget {
  id: string;
  rule_code: string;
  subject_name: string;
  handling_unit_id: string | null;
  industry: string | null;
  general_contractor_id: string | null;
  enterprise_id: string | null;
}

export async function notifyTargets(db: DbOrTx, ids: string[]): Promise<NotifyTarget[]> {
  const { rows } = await db.query<NotifyTarget>(
    `SELECT w.id, w.rule_code, coalesce(p.name, e.name) AS subject_name, w.handling_unit_id, w.industry,
            p.general_contractor_id, w.enterprise_id
       FROM warnings w LEFT JOIN projects p ON p.id = w.project_id LEFT JOIN enterprises e ON e.id = w.enterprise_id
      WHERE w.id = ANY ($1::uuid[])`,
    [ids],
  );
  return rows;
}

export { Where };

export interface WarningRow {
  id: string;
  rule_code: string;
  subject_key: string;
  subject_kind: 'project' | 'enterprise';
  project_id: string | null;
  project_name: string | null;
  general_contractor_id: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  region_code: string;
  region_name: string;
  region_path: string;
  industry: string | null;
  party_ids: string[];
  level: 'yellow' | 'orange' | 'red';
  status: 'generated' | 'dispatched' | 'acknowledged' | 'disposed' | 'closed' | 'resolved';
  evidence: Record<string, unknown>;
  raised_at: Date;
  due_on: string | null;
  overdue: boolean;
  lead_unit_id: string | null;
  lead_unit_name: string | null;
  assist_unit_ids: string[];
  handling_unit_id: string | null;
  handling_unit_name: string | null;
  handling_unit_path: string | null;
  escalations: number;
  ladder_step: 'notice' | 'reminder' | 'escalated' | 'consequences';
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  disposed_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  resolved_at: Date | null;
  resolution: Record<string, unknown> | null;
  row_version: number;
}

const SELECT = `
  SELECT w.id, w.rule_code, w.subject_key, w.subject_kind, w.project_id, p.name AS project_name, p.general_contractor_id,
         w.enterprise_id, e.name AS enterprise_name, w.region_code, r.name AS region_name, w.region_path, w.industry, w.party_ids,
         w.level, w.status, w.evidence, w.raised_at, to_char(w.due_on, 'YYYY-MM-DD') AS due_on,
         (w.status IN ${OPEN_SQL} AND w.status <> 'disposed' AND (w.due_on < $1::date OR w.escalations > 0)) AS overdue,
         w.lead_unit_id, lu.name AS lead_unit_name, w.assist_unit_ids, w.handling_unit_id, hu.name AS handling_unit_name, hu.region_path AS handling_unit_path,
         w.escalations, w.ladder_step, w.acknowledged_at, w.acknowledged_by, w.disposed_at, w.closed_at, w.closed_by, w.resolved_at, w.resolution, w.row_version
    FROM warnings w
    JOIN regions r ON r.code = w.region_code
    LEFT JOIN projects p ON p.id = w.project_id
    LEFT JOIN enterprises e ON e.id = w.enterprise_id
    LEFT JOIN gov_units lu ON lu.id = w.lead_unit_id
    LEFT JOIN gov_units hu ON hu.id = w.handling_unit_id`;

export interface WarningFilter {
  regionPath?: string;
  level?: string;
  status?: 'open' | 'overdue' | 'closed' | 'resolved' | 'all';
  ruleCode?: string;
  projectId?: string;
  enterpriseId?: string;
  q?: string;
}

function filterWhere(actor: Actor, today: string, f: WarningFilter): Where {
  const where = new Where();
  where.bind(today);
  where.and(warningScope(actor, where.params));
  where.when(f.regionPath, (v) => `w.region_path LIKE ${v} || '%'`);
  where.when(f.level, (v) => `w.level = ${v}`);
  where.when(f.ruleCode, (v) => `w.rule_code = ${v}`);
  where.when(f.projectId, (v) => `w.project_id = ${v}`);
  where.when(f.enterpriseId, (v) => `(w.enterprise_id = ${v} OR ${v}::uuid = ANY (w.party_ids))`);
  where.when(f.q, (v) => `(p.name LIKE '%' || ${v} || '%' OR e.name LIKE '%' || ${v} || '%')`);
  switch (f.status ?? 'open') {
    case 'open':
      where.and(`w.status IN ${OPEN_SQL}`);
      break;
    case 'overdue':
      // Overdue: past the deadline now, or escalated for having been (RULES.md §7.4: overdue warnings escalate).
      where.and(`w.status IN ('generated', 'dispatched', 'acknowledged') AND (w.due_on < $1::date OR w.escalations > 0)`);
      break;
    case 'closed':
      where.and(`w.status = 'closed'`);
      break;
    case 'resolved':
      where.and(`w.status = 'resolved'`);
      break;
    case 'all':
      break;
  }
  return where;
}

export async function listWarnings(db: DbOrTx, actor: Actor, today: string, f: WarningFilter, page: { limit: number; offset: number }, order: 'level' | 'due' = 'level') {
  const where = filterWhere(actor, today, f);
  const orderBy = order === 'due' ? 'w.due_on NULLS LAST, w.raised_at, w.id' : `array_position(ARRAY['red', 'orange', 'yellow'], w.level), w.raised_at DESC, w.id`;
  const { rows } = await db.query<WarningRow>(
    `${SELECT} WHERE ${where}
      ORDER BY ${orderBy}
      LIMIT ${where.bind(page.limit)} OFFSET ${where.bind(page.offset)}`,
    where.params,
  );
  const count = filterWhere(actor, today, f);
  const total = await db.query<{ n: number }>(
    `WITH args AS (SELECT $1::date AS today) SELECT count(*)::int AS n FROM warnings w LEFT JOIN projects p ON p.id = w.project_id LEFT JOIN enterprises e ON e.id = w.enterprise_id WHERE ${count}`,
    count.params,
  );
  return { rows, total: total.rows[0].n };
}

export async function findWarning(db: DbOrTx, actor: Actor, today: string, id: string): Promise<WarningRow | undefined> {
  const params: unknown[] = [today, id];
  const { rows } = await db.query<WarningRow>(`${SELECT} WHERE w.id = $2 AND ${warningScope(actor, params)}`, params);
  return rows[0];
}

export interface EventRow {
  id: string;
  at: Date;
  kind: string;
  actor_name: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
  files: { id: string; name: string }[];
}

export async function eventsOf(db: DbOrTx, warningId: string): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ev.id, ev.at, ev.kind, ev.actor_name, ev.from_status, ev.to_status, ev.note, ev.data,
            coalesce((SELECT jsonb_agg(jsonb_build_object('id', f.id, 'name', f.name) ORDER BY f.created_at) FROM files f WHERE f.id = ANY (ev.file_ids)), '[]') AS files
       FROM warning_events ev WHERE ev.warning_id = $1 ORDER BY ev.at, ev.id`,
    [warningId],
  );
  return rows;
}

export interface ProposalRow {
  id: string;
  consequence: string;
  proposed_at: Date;
  status: 'pending' | 'accepted' | 'declined' | 'lapsed';
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
}

export async function proposalsOf(db: DbOrTx, warningId: string): Promise<ProposalRow[]> {
  const { rows } = await db.query<ProposalRow>(
    `SELECT id, consequence, proposed_at, status, decided_by, decided_at, note FROM warning_proposals WHERE warning_id = $1 ORDER BY proposed_at, consequence`,
    [warningId],
  );
  return rows;
}

export async function unitNames(db: DbOrTx, ids: string[]): Promise<{ id: string; name: string; region_path: string; kind: string }[]> {
  const { rows } = await db.query<{ id: string; name: string; region_path: string; kind: string }>(
    `SELECT id, name, region_path, kind FROM gov_units WHERE id = ANY ($1::uuid[])`,
    [ids],
  );
  return rows;
}

/** Moves a warning from one status to another if it is still where the caller saw it; false when it moved meanwhile. */
export async function changeStatus(
  db: DbOrTx,
  w: { id: string; from: string; to: string; rowVersion: number; now: Date; actorName: string },
  set: { acknowledged?: boolean; disposed?: boolean; closed?: boolean; handlingUnitId?: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE warnings SET status = $3, row_version = row_version + 1,
            acknowledged_at = CASE WHEN $6 THEN $5 ELSE acknowledged_at END,
            acknowledged_by = CASE WHEN $6 THEN $7 ELSE acknowledged_by END,
            disposed_at = CASE WHEN $8 THEN $5 WHEN $3 = 'acknowledged' THEN NULL ELSE disposed_at END,
            closed_at = CASE WHEN $9 THEN $5 ELSE closed_at END,
            closed_by = CASE WHEN $9 THEN $7 ELSE closed_by END,
            handling_unit_id = coalesce($10, handling_unit_id),
            lead_unit_id = coalesce(lead_unit_id, $10)
      WHERE id = $1 AND status = $2 AND row_version = $4`,
    [w.id, w.from, w.to, w.rowVersion, w.now, !!set.acknowledged, w.actorName, !!set.disposed, !!set.closed, set.handlingUnitId ?? null],
  );
  return rowCount === 1;
}

export async function insertEvent(
  db: DbOrTx,
  e: { id: string; warningId: string; at: Date; kind: string; actorName: string; fromStatus?: string | null; toStatus?: string | null; note?: string | null; data?: unknown; fileIds?: string[] },
) {
  await db.query(
    `INSERT INTO warning_events (id, warning_id, at, kind, actor_name, from_status, to_status, note, data, file_ids) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [e.id, e.warningId, e.at, e.kind, e.actorName, e.fromStatus ?? null, e.toStatus ?? null, e.note ?? null, e.data === undefined ? null : JSON.stringify(e.data), e.fileIds ?? []],
  );
}

/** The files a disposal may cite: attached to this warning (by an earlier upload event). */
export async function attachedFileIds(db: DbOrTx, warningId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT DISTINCT unnest(file_ids) AS id FROM warning_events WHERE warning_id = $1 AND kind = 'file_attached'`,
    [warningId],
  );
  return new Set(rows.map((r) => r.id));
}

export async function findProposal(db: DbOrTx, warningId: string, proposalId: string): Promise<ProposalRow | undefined> {
  const { rows } = await db.query<ProposalRow>(
    `SELECT id, consequence, proposed_at, status, decided_by, decided_at, note FROM warning_proposals WHERE warning_id = $1 AND id = $2`,
    [warningId, proposalId],
  );
  return rows[0];
}

export async function decideProposal(db: DbOrTx, p: { id: string; status: 'accepted' | 'declined'; by: string; at: Date; note: string }): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE warning_proposals SET status = $2, decided_by = $3, decided_at = $4, note = $5 WHERE id = $1 AND status = 'pending'`,
    [p.id, p.status, p.by, p.at, p.note],
  );
  return rowCount === 1;
}

const UP_ONE = `nearest_unit(regexp_replace(hu.region_path, '[^/]+/$', ''), ARRAY['wage_office', 'hrss'])`;
const OPEN_UNDISPOSED = `('generated', 'dispatched', 'acknowledged')`;

export interface LadderArgs {
  params: unknown;
  today: string;
  now: Date;
  actorName: string;
  dueDates: Record<string, string | null>;
  workingDaysAgo: Record<string, string | null>;
  /** Per rule and level, the consequences its last step proposes. */
  consequences: Record<string, Record<string, string[]>>;
}

/**
 * The escalation ladder, set-based, in the caller's transaction: overdue warnings move one level up
 * the region tree to the wage office there with a fresh deadline; warnings open past the reminder
 * days are reminded; warnings still undisposed past the consequence days get the consequences their
 * rule allows proposed, each pending an official's decision. Proposals of warnings no longer open lapse.
 */
export async function advanceLadder(db: DbOrTx, a: LadderArgs) {
  const args = [JSON.stringify(a.params), a.today, a.now, a.actorName];
  const escalated = await db.query<{ id: string }>(
    `WITH x AS (
       SELECT w.id, w.handling_unit_id AS from_unit, ${UP_ONE} AS up_unit
         FROM warnings w JOIN gov_units hu ON hu.id = w.handling_unit_id
        WHERE w.status IN ${OPEN_UNDISPOSED} AND w.due_on < $2::date
     ),
     up AS (
       UPDATE warnings w
          SET handling_unit_id = x.up_unit, escalations = w.escalations + 1, row_version = w.row_version + 1,
              due_on = ($5::jsonb ->> (scan_param($1, 'WRN.deadlineWD.' || w.level, w.region_path) #>> '{}'))::date,
              ladder_step = CASE WHEN w.ladder_step = 'consequences' THEN 'consequences' ELSE 'escalated' END
         FROM x WHERE w.id = x.id AND x.up_unit IS NOT NULL
       RETURNING w.id, x.from_unit, x.up_unit
     ),
     ev AS (
       INSERT INTO warning_events (id, warning_id, at, kind, actor_name, data)
       SELECT uuid_v7(), id, $3, 'escalated', $4, jsonb_build_object('fromUnitId', from_unit, 'toUnitId', up_unit) FROM up
     )
     SELECT id FROM up`,
    [...args, JSON.stringify(a.dueDates)],
  );
  const reminded = await db.query<{ id: string }>(
    `WITH up AS (
       UPDATE warnings w SET ladder_step = 'reminder', row_version = w.row_version + 1
        WHERE w.status IN ${OPEN_UNDISPOSED} AND w.ladder_step = 'notice' AND w.raised_on < $2::date
          AND w.raised_on <= ($5::jsonb ->> (scan_param($1, 'WRN.ladder.reminderWD', w.region_path) #>> '{}'))::date
       RETURNING w.id
     ),
     ev AS (INSERT INTO warning_events (id, warning_id, at, kind, actor_name) SELECT uuid_v7(), id, $3, 'reminded', $4 FROM up)
     SELECT id FROM up`,
    [...args, JSON.stringify(a.workingDaysAgo)],
  );
  const proposed = await db.query<{ id: string }>(
    `WITH up AS (
       UPDATE warnings w SET ladder_step = 'consequences', row_version = w.row_version + 1
        WHERE w.status IN ${OPEN_UNDISPOSED} AND w.ladder_step <> 'consequences' AND w.raised_on < $2::date
          AND w.raised_on <= ($5::jsonb ->> (scan_param($1, 'WRN.ladder.consequenceWD', w.region_path) #>> '{}'))::date
       RETURNING w.id, w.rule_code, w.level
     ),
     pr AS (
       INSERT INTO warning_proposals (id, warning_id, consequence, proposed_at)
       SELECT uuid_v7(), up.id, c, $3 FROM up CROSS JOIN LATERAL jsonb_array_elements_text(coalesce($6::jsonb -> up.rule_code -> up.level, '[]')) AS c
       ON CONFLICT (warning_id, consequence) DO NOTHING
       RETURNING warning_id, consequence
     ),
     ev AS (
       INSERT INTO warning_events (id, warning_id, at, kind, actor_name, data)
       SELECT uuid_v7(), up.id, $3, 'consequences_proposed', $4,
              jsonb_build_object('consequences', coalesce((SELECT jsonb_agg(pr.consequence) FROM pr WHERE pr.warning_id = up.id), '[]'))
         FROM up
     )
     SELECT id FROM up`,
    [...args, JSON.stringify(a.workingDaysAgo), JSON.stringify(a.consequences)],
  );
  const lapsed = await db.query(
    `UPDATE warning_proposals pr SET status = 'lapsed'
       FROM warnings w WHERE w.id = pr.warning_id AND pr.status = 'pending' AND w.status IN ('closed', 'resolved')`,
  );
  return { escalated: escalated.rows.map((r) => r.id), reminded: reminded.rows.map((r) => r.id), proposed: proposed.rows.map((r) => r.id), lapsed: lapsed.rowCount ?? 0 };
}

export interface SignalWrite {
  id: string;
  creditCode: string;
  kind: string;
  source: string;
  sourceRef: string;
  period: string;
  overdueFen: number;
  overdueMonths: number;
  clearedOn: string | null;
}

/** Credit codes of the batch with no enterprise in the actor's scope. */
export async function unknownCreditCodes(db: DbOrTx, actor: Actor, codes: string[]): Promise<string[]> {
  const params: unknown[] = [codes];
  const cond = scopeCondition(actor, { regionPath: 'e.region_path' }, params);
  const { rows } = await db.query<{ code: string }>(
    `SELECT c AS code FROM unnest($1::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.credit_code = c AND ${cond})`,
    params,
  );
  return rows.map((r) => r.code);
}

/**
 * One statement per batch, idempotent by the source's reference: a new reference is inserted, a
 * re-sent one with other figures (a later state of the same arrears) updates it, an identical one
 * is counted unchanged. Returns the projects the enterprises are party to, for re-evaluation.
 */
export async function upsertSignals(db: DbOrTx, signals: SignalWrite[], recordedBy: string, now: Date) {
  const { rows } = await db.query<{ inserted: number; updated: number; project_ids: string[] }>(
    `WITH input AS (
       SELECT t.*, e.id AS enterprise_id FROM jsonb_to_recordset($1::jsonb)
         AS t(id uuid, "creditCode" text, kind text, source text, "sourceRef" text, period date, "overdueFen" bigint, "overdueMonths" int, "clearedOn" date)
         JOIN enterprises e ON e.credit_code = t."creditCode"
     ),
     up AS (
       INSERT INTO enterprise_risk_signals AS s (id, enterprise_id, kind, source, source_ref, period, overdue_fen, overdue_months, cleared_on, recorded_by, received_at)
       SELECT id, enterprise_id, kind, source, "sourceRef", period, "overdueFen", "overdueMonths", "clearedOn", $2, $3 FROM input
       ON CONFLICT (source, source_ref) DO UPDATE
         SET enterprise_id = excluded.enterprise_id, kind = excluded.kind, period = excluded.period, overdue_fen = excluded.overdue_fen,
             overdue_months = excluded.overdue_months, cleared_on = excluded.cleared_on, recorded_by = excluded.recorded_by, received_at = excluded.received_at
         WHERE (s.enterprise_id, s.kind, s.period, s.overdue_fen, s.overdue_months, s.cleared_on)
               IS DISTINCT FROM (excluded.enterprise_id, excluded.kind, excluded.period, excluded.overdue_fen, excluded.overdue_months, excluded.cleared_on)
       RETURNING (xmax = 0) AS inserted, enterprise_id
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated,
            array(SELECT DISTINCT p.id FROM projects p WHERE p.party_ids && array(SELECT enterprise_id FROM up)) AS project_ids
       FROM up`,
    [JSON.stringify(signals), recordedBy, now],
  );
  return rows[0];
}

export interface SignalRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  kind: string;
  source: string;
  source_ref: string;
  period: string;
  overdue_fen: string;
  overdue_months: number;
  cleared_on: string | null;
  received_at: Date;
}

export async function listSignals(db: DbOrTx, actor: Actor, enterpriseId: string | undefined) {
  const params: unknown[] = [enterpriseId ?? null];
  const cond = scopeCondition(actor, { regionPath: 'e.region_path', enterpriseId: 'e.id' }, params);
  const { rows } = await db.query<SignalRow>(
    `SELECT s.id, s.enterprise_id, e.name AS enterprise_name, s.kind, s.source, s.source_ref, to_char(s.period, 'YYYY-MM-DD') AS period,
            s.overdue_fen, s.overdue_months, to_char(s.cleared_on, 'YYYY-MM-DD') AS cleared_on, s.received_at
       FROM enterprise_risk_signals s JOIN enterprises e ON e.id = s.enterprise_id
      WHERE ($1::uuid IS NULL OR s.enterprise_id = $1) AND ${cond}
      ORDER BY s.period DESC, s.received_at DESC LIMIT 500`,
    params,
  );
  return rows;
}

export async function projectIdsUnder(db: DbOrTx, regionPath: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM projects WHERE region_path LIKE $1`, [`${regionPath}%`]);
  return rows.map((r) => r.id);
}

/** Keeps the case a warning was turned into; false when it already has one. */
export async function setCaseRef(db: DbOrTx, warningId: string, caseId: string): Promise<boolean> {
  const { rowCount } = await db.query(`UPDATE warnings SET case_ref = $2 WHERE id = $1 AND case_ref IS NULL`, [warningId, caseId]);
  return rowCount === 1;
}
