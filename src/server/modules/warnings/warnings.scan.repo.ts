import { createHash } from 'node:crypto';
import type { DbOrTx, Tx } from '../../db/client';
import { scopeConstants, type WarningRule } from './warnings.catalogue';

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
 * One statement for a set of rules: evaluate every watched subject, raise a warning for each new hit
 * (routed to its unit with a deadline by level), refresh the open ones that still hold (level and
 * evidence), and resolve the open ones whose condition cleared, keeping the evidence of why.
 * Subjects closed by hand (整改销号) stay quiet for the configured days. A full scan passes one rule
 * at a time; an incremental evaluation passes all it runs at once, prepared with a generic plan, so
 * a few projects cost one round trip and no planning rather than a plan and a trip per rule.
 * Callers hold the scan lock, so nothing else writes these warnings meanwhile.
 */
export async function runRules(tx: Tx, rules: readonly WarningRule[], a: RuleRunArgs): Promise<Map<string, RuleRunCounts>> {
  // Each rule's rows typed alike, so the rules' untyped NULLs line up in the union.
  const evaluations = rules
    .map(
      (r) => `SELECT '${r.code}'::text AS rule_code, x.subject_key::text, x.project_id::uuid, x.enterprise_id::uuid, x.hit::boolean, x.level::text, x.evidence::jsonb
                FROM (${r.sql}) AS x`,
    )
    .join('\n UNION ALL\n');
  const incremental = a.projectIds !== null;
  const sql = scopeConstants(
    `WITH ${ARGS}, ev AS MATERIALIZED (${evaluations}),
     subj AS (
       SELECT ev.rule_code, ev.subject_key, ev.project_id, ev.enterprise_id, ev.hit, ev.level, ev.evidence,
              coalesce(p.region_code, e.region_code) AS region_code,
              coalesce(p.region_path, e.region_path) AS region_path,
              CASE WHEN p.id IS NOT NULL THEN p.supervising_industry ELSE e.industry END AS industry,
              CASE WHEN p.id IS NOT NULL THEN p.party_ids ELSE ARRAY[e.id] END AS party_ids
         FROM ev
         LEFT JOIN projects p ON p.id = ev.project_id
         LEFT JOIN enterprises e ON ev.project_id IS NULL AND e.id = ev.enterprise_id
     ),
     open AS (
       SELECT w.id, w.rule_code, w.subject_key, w.level, w.status, w.due_on FROM warnings w
        WHERE w.rule_code = ANY ($5::text[]) AND w.status IN ${OPEN}
          AND ($3::uuid[] IS NULL OR w.project_id = ANY ($3::uuid[]) OR (w.rule_code, w.subject_key) IN (SELECT rule_code, subject_key FROM ev))
     ),
     due AS (
       SELECT s.rule_code, s.subject_key,
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
                 FROM open o JOIN subj s ON s.rule_code = o.rule_code AND s.subject_key = o.subject_key AND s.hit
                 JOIN due d ON d.rule_code = s.rule_code AND d.subject_key = s.subject_key) x
        WHERE w.id = x.id
       RETURNING w.id, w.rule_code, x.old_level, w.level
     ),
     fresh AS (
       SELECT s.*, d.due_on FROM subj s JOIN due d ON d.rule_code = s.rule_code AND d.subject_key = s.subject_key
        WHERE s.hit
          AND NOT EXISTS (SELECT 1 FROM open o WHERE o.rule_code = s.rule_code AND o.subject_key = s.subject_key)
          AND NOT EXISTS (
            SELECT 1 FROM warnings c
             WHERE c.rule_code = s.rule_code AND c.subject_key = s.subject_key AND c.status = 'closed'
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
       SELECT uuid_v7(), r.rule_code, r.subject_key, CASE WHEN r.project_id IS NULL THEN 'enterprise' ELSE 'project' END, r.project_id, r.enterprise_id,
              r.region_code, r.region_path, r.industry, r.party_ids, r.level,
              CASE WHEN r.lead_unit_id IS NULL THEN 'generated' ELSE 'dispatched' END,
              r.evidence, $6, $2, $6, r.due_on, r.lead_unit_id, r.assist_unit_ids, r.lead_unit_id
         FROM routed r
       RETURNING id, rule_code, status, level
     ),
     res AS (
       UPDATE warnings w
          SET status = 'resolved', resolved_at = $6, evaluated_at = $6, row_version = w.row_version + 1,
              resolution = jsonb_build_object('reason', CASE WHEN x.evidence IS NULL THEN 'out_of_watch' ELSE 'condition_cleared' END,
                                              'on', $2::date, 'evidence', x.evidence)
         FROM (SELECT o.id, o.status, s.evidence FROM open o LEFT JOIN subj s ON s.rule_code = o.rule_code AND s.subject_key = o.subject_key
                WHERE s.subject_key IS NULL OR NOT s.hit) x
        WHERE w.id = x.id
       RETURNING w.id, w.rule_code, x.status AS from_status
     ),
     evt AS (
       INSERT INTO warning_events (id, warning_id, at, kind, actor_name, from_status, to_status, data)
       SELECT uuid_v7(), id, $6, 'raised', $7, NULL, status, jsonb_build_object('level', level) FROM ins
       UNION ALL
       SELECT uuid_v7(), id, $6, 'level_changed', $7, NULL, NULL, jsonb_build_object('from', old_level, 'to', level) FROM upd WHERE old_level <> level
       UNION ALL
       SELECT uuid_v7(), id, $6, 'resolved', $7, from_status, 'resolved', NULL FROM res
       RETURNING 1
     ),
     touched AS (
       SELECT rule_code, 1 AS raised, 0 AS updated, 0 AS resolved, CASE WHEN level = 'red' THEN id END AS red_id FROM ins
       UNION ALL SELECT rule_code, 0, 1, 0, CASE WHEN level = 'red' AND old_level <> 'red' THEN id END FROM upd
       UNION ALL SELECT rule_code, 0, 0, 1, NULL FROM res
     )
     SELECT rule_code, sum(raised)::int AS raised, sum(updated)::int AS updated, sum(resolved)::int AS resolved,
            coalesce(array_agg(red_id) FILTER (WHERE red_id IS NOT NULL), '{}') AS red_ids
       FROM touched GROUP BY rule_code`,
    incremental,
  );
  const params = [JSON.stringify(a.params), a.today, a.projectIds, JSON.stringify(a.calendar), rules.map((r) => r.code), a.now, a.actorName, JSON.stringify(a.dueDates)];
  // The text names the statement: one rule set, one prepared statement per connection.
  const { rows } = incremental
    ? await tx.prepared<RuleRunCounts & { rule_code: string }>(`wrn_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`, sql, params)
    : await tx.query<RuleRunCounts & { rule_code: string }>(sql, params);
  const counts = new Map<string, RuleRunCounts>(rules.map((r) => [r.code, { raised: 0, updated: 0, resolved: 0, red_ids: [] }]));
  for (const { rule_code, raised, updated, resolved, red_ids } of rows) counts.set(rule_code, { raised, updated, resolved, red_ids });
  return counts;
}

/** Just the rule's evaluation, for the benchmark's reference timing and for tests of the SQL alone. */
export async function evaluateRule(db: DbOrTx, rule: WarningRule, a: Pick<RuleRunArgs, 'params' | 'today' | 'projectIds' | 'calendar'>) {
  const { rows } = await db.query<{ subject_key: string; project_id: string | null; enterprise_id: string | null; hit: boolean; level: string | null; evidence: unknown }>(
    scopeConstants(`WITH ${ARGS} SELECT * FROM (${rule.sql}) AS ev`, a.projectIds !== null),
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
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('warnings.scan')), set_config('jit', 'off', true)`);
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
  s: { id: string; kind: 'full' | 'incremental'; startedAt: Date; requestedBy: string; finishedAt: Date; projectCount: number | null; raised: number; updated: number; resolved: number; rules: unknown[] },
) {
  await db.query(
    `INSERT INTO warning_scans (id, kind, started_at, requested_by, finished_at, project_count, raised, updated, resolved, rules)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE
       SET finished_at = excluded.finished_at, project_count = excluded.project_count, raised = excluded.raised,
           updated = excluded.updated, resolved = excluded.resolved, rules = excluded.rules`,
    [s.id, s.kind, s.startedAt, s.requestedBy, s.finishedAt, s.projectCount, s.raised, s.updated, s.resolved, JSON.stringify(s.rules)],
  );
}
