import type { DbOrTx } from '../../db/client';
import type { WarningRule } from './warnings.catalogue';

const OPEN = `('generated', 'dispatched', 'acknowledged', 'disposed')`;
// Types every placeholder of the rules' contract, whether or not a rule's SQL uses it.
const ARGS = `_args AS (SELECT $1::jsonb AS params, $2::date AS today, $3::uuid[] AS project_ids, $4::jsonb AS calendar)`;

export interface RuleRunArgs {
  params: unknown;
  today: string;
  projectIds: string[] | null;
  calendar: unknown;
  now: Date;
  actorName: string;
  /** Deadline per number of working days from today: {"3": "2026-03-05", …}. */
  dueDates: Record<string, string | null>;
}

export interface RuleRunCounts {
  raised: number;
  updated: number;
  resolved: number;
  /** Warnings that became red in this run (new, or raised to red): their users are notified. */
  red_ids: string[];
}

/**
 * One statement per rule: evaluate every watched subject, raise a warning for each new hit (routed
 * to its unit with a deadline by level), refresh the open ones that still hold (level and
 * evidence), and resolve the open ones whose condition cleared, keeping the evidence of why.
 * Subjects closed by hand (整改销号) stay quiet for the configured days. Callers hold the scan
 * lock, so nothing else writes these warnings meanwhile.
 */
export async function runRule(db: DbOrTx, rule: WarningRule, a: RuleRunArgs): Promise<RuleRunCounts> {
  const { rows } = await db.query<RuleRunCounts>(
    `WITH ${ARGS}, ev AS MATERIALIZED (${rule.sql}),
     subj AS (
       SELECT ev.subject_key, ev.project_id, ev.enterprise_id, ev.hit, ev.level, ev.evidence,
              coalesce(p.region_code, e.region_code) AS region_code,
              coalesce(p.region_path, e.region_path) AS region_path,
              CASE WHEN p.id IS NOT NULL THEN p.supervising_industry ELSE e.industry END AS industry,
              CASE WHEN p.id IS NOT NULL THEN p.party_ids ELSE ARRAY[e.id] END AS party_ids
         FROM ev
         LEFT JOIN projects p ON p.id = ev.project_id
         LEFT JOIN enterprises e ON ev.project_id IS NULL AND e.id = ev.enterprise_id
     ),
     open AS (
       SELECT w.id, w.subject_key, w.level, w.status, w.due_on FROM warnings w
        WHERE w.rule_code = $5 AND w.status IN ${OPEN}
          AND ($3::uuid[] IS NULL OR w.project_id = ANY ($3::uuid[]) OR w.subject_key IN (SELECT subject_key FROM ev))
     ),
     due AS (
       SELECT s.subject_key,
              ($8::jsonb ->> (scan_param($1, 'WRN.deadlineWD.' || s.level, s.region_path) #>> '{}'))::date AS due_on
         FROM subj s WHERE s.hit
     ),
     upd AS (
       UPDATE warnings w
          SET level = x.level, evidence = x.evidence, evaluated_at = $6,
              due_on = CASE WHEN x.rank_up THEN least(w.due_on, x.due_on) ELSE w.due_on END,
              row_version = w.row_version + CASE WHEN x.level <> w.level THEN 1 ELSE 0 END
         FROM (SELECT o.id, o.level AS old_level, s.level, s.evidence, d.due_on,
                      array_position(ARRAY['yellow', 'orange', 'red'], s.level) > array_position(ARRAY['yellow', 'orange', 'red'], o.level) AS rank_up
                 FROM open o JOIN subj s ON s.subject_key = o.subject_key AND s.hit
                 JOIN due d ON d.subject_key = s.subject_key) x
        WHERE w.id = x.id
       RETURNING w.id, x.old_level, w.level
     ),
     fresh AS (
       SELECT s.*, d.due_on FROM subj s JOIN due d ON d.subject_key = s.subject_key
        WHERE s.hit
          AND NOT EXISTS (SELECT 1 FROM open o WHERE o.subject_key = s.subject_key)
          AND NOT EXISTS (
            SELECT 1 FROM warnings c
             WHERE c.rule_code = $5 AND c.subject_key = s.subject_key AND c.status = 'closed'
               AND c.closed_at > $6::timestamptz - make_interval(days => (scan_param($1, 'WRN.reraiseAfterCloseDays', s.region_path) #>> '{}')::int))
     ),
     routed AS (
       SELECT f.*,
              CASE WHEN f.project_id IS NOT NULL THEN r.lead_unit_id ELSE nearest_unit(f.region_path, ARRAY['wage_office', 'hrss']) END AS lead_unit_id,
              coalesce(r.assist_unit_ids, '{}') AS assist_unit_ids
         FROM fresh f
         LEFT JOIN LATERAL route_project($1, f.project_id) r ON f.project_id IS NOT NULL
     ),
     ins AS (
       INSERT INTO warnings (id, rule_code, subject_key, subject_kind, project_id, enterprise_id, region_code, region_path, industry,
                             party_ids, level, status, evidence, raised_at, raised_on, evaluated_at, due_on,
                             lead_unit_id, assist_unit_ids, handling_unit_id)
       SELECT uuid_v7(), $5, r.subject_key, CASE WHEN r.project_id IS NULL THEN 'enterprise' ELSE 'project' END, r.project_id, r.enterprise_id,
              r.region_code, r.region_path, r.industry, r.party_ids, r.level,
              CASE WHEN r.lead_unit_id IS NULL THEN 'generated' ELSE 'dispatched' END,
              r.evidence, $6, $2, $6, r.due_on, r.lead_unit_id, r.assist_unit_ids, r.lead_unit_id
         FROM routed r
       RETURNING id, status, level
     ),
     res AS (
       UPDATE warnings w
          SET status = 'resolved', resolved_at = $6, evaluated_at = $6, row_version = w.row_version + 1,
              resolution = jsonb_build_object('reason', CASE WHEN x.evidence IS NULL THEN 'out_of_watch' ELSE 'condition_cleared' END,
                                              'on', $2::date, 'evidence', x.evidence)
         FROM (SELECT o.id, o.status, s.evidence FROM open o LEFT JOIN subj s ON s.subject_key = o.subject_key
                WHERE s.subject_key IS NULL OR NOT s.hit) x
        WHERE w.id = x.id
       RETURNING w.id, x.status AS from_status
     ),
     evt AS (
       INSERT INTO warning_events (id, warning_id, at, kind, actor_name, from_status, to_status, data)
       SELECT uuid_v7(), id, $6, 'raised', $7, NULL, status, jsonb_build_object('level', level) FROM ins
       UNION ALL
       SELECT uuid_v7(), id, $6, 'level_changed', $7, NULL, NULL, jsonb_build_object('from', old_level, 'to', level) FROM upd WHERE old_level <> level
       UNION ALL
       SELECT uuid_v7(), id, $6, 'resolved', $7, from_status, 'resolved', NULL FROM res
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM ins)::int AS raised,
            (SELECT count(*) FROM upd)::int AS updated,
            (SELECT count(*) FROM res)::int AS resolved,
            (SELECT count(*) FROM evt)::int AS events,
            array(SELECT id FROM ins WHERE level = 'red' UNION ALL SELECT id FROM upd WHERE level = 'red' AND old_level <> 'red') AS red_ids`,
    [JSON.stringify(a.params), a.today, a.projectIds, JSON.stringify(a.calendar), rule.code, a.now, a.actorName, JSON.stringify(a.dueDates)],
  );
  return rows[0];
}

/** Just the rule's evaluation, for the benchmark's reference timing and for tests of the SQL alone. */
export async function evaluateRule(db: DbOrTx, rule: WarningRule, a: Pick<RuleRunArgs, 'params' | 'today' | 'projectIds' | 'calendar'>) {
  const { rows } = await db.query<{ subject_key: string; project_id: string | null; enterprise_id: string | null; hit: boolean; level: string | null; evidence: unknown }>(
    `WITH ${ARGS} SELECT * FROM (${rule.sql}) AS ev`,
    [JSON.stringify(a.params), a.today, a.projectIds, JSON.stringify(a.calendar)],
  );
  return rows;
}

/**
 * Takes the scan lock for the transaction (scans never interleave) and turns JIT off for it: the
 * rules' estimates over generated series and parameter lookups cross the JIT cost threshold, and
 * compiling costs seconds where the queries themselves take milliseconds.
 */
export async function lockScans(db: DbOrTx): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('warnings.scan'))`);
  await db.query(`SET LOCAL jit = off`);
}

/** Removes and returns the dirty marks (the incremental evaluation's input). */
export async function takeDirtyProjects(db: DbOrTx, limit: number): Promise<{ project_id: string; facts: string[] }[]> {
  const { rows } = await db.query<{ project_id: string; facts: string[] }>(
    `WITH taken AS (
       DELETE FROM warning_dirty_projects d
        WHERE d.project_id IN (SELECT project_id FROM warning_dirty_projects GROUP BY project_id ORDER BY min(marked_at) LIMIT $1)
       RETURNING d.project_id, d.fact
     )
     SELECT project_id, array_agg(DISTINCT fact) AS facts FROM taken GROUP BY project_id`,
    [limit],
  );
  return rows;
}

/** Marks projects whose facts changed outside a trigger (attendance batches, signals). */
export async function markDirty(db: DbOrTx, projectIds: string[], fact: string): Promise<void> {
  await db.query(
    `INSERT INTO warning_dirty_projects (project_id, fact) SELECT DISTINCT unnest($1::uuid[]), $2
     ON CONFLICT (project_id, fact) DO UPDATE SET marked_at = now()`,
    [projectIds, fact],
  );
}

export async function insertScan(db: DbOrTx, s: { id: string; kind: 'full' | 'incremental'; startedAt: Date; requestedBy: string }) {
  await db.query(`INSERT INTO warning_scans (id, kind, started_at, requested_by) VALUES ($1, $2, $3, $4)`, [s.id, s.kind, s.startedAt, s.requestedBy]);
}

export async function finishScan(
  db: DbOrTx,
  s: { id: string; finishedAt: Date; projectCount: number | null; raised: number; updated: number; resolved: number; rules: unknown[] },
) {
  await db.query(
    `UPDATE warning_scans SET finished_at = $2, project_count = $3, raised = $4, updated = $5, resolved = $6, rules = $7 WHERE id = $1`,
    [s.id, s.finishedAt, s.projectCount, s.raised, s.updated, s.resolved, JSON.stringify(s.rules)],
  );
}
