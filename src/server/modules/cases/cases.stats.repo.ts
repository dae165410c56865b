import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';
import { PROJECT_KINDS, type RowKey, STAT_ROWS } from './cases.stats.layout';

/**
 * The set-based SQL of 附件1 and the leader's dashboard: one statement per family of figures, each
 * grouped by the employer-type row, over the cases of a region subtree within the caller's scope.
 * The registry (enterprises, projects, employments) is read for the employer type, the project's
 * investment type and the inspected employers' real-name roster; nothing here writes.
 */

export interface Period {
  from: string;
  to: string;
}

/** The region subtree and the caller's own scope, on the cases table (alias `c`). */
function scoped(actor: Actor, regionPath: string) {
  const params: unknown[] = [`${regionPath}%`];
  const cond = `c.region_path LIKE $1 AND ${scopeCondition(actor, { regionPath: 'c.region_path', industry: 'c.industry' }, params)}`;
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return { params, cond, bind };
}

/**
 * The row of a case by its employer's registry type (`e` the employer): the first row also takes
 * an employer outside the registry when the case is about a registered project; the last row
 * takes whatever no other row names.
 */
function rowOf(bind: (v: unknown) => string) {
  const [first, ...rest] = STAT_ROWS;
  const named = rest.slice(0, -1).map((r) => `WHEN e.type = ANY(${bind([...r.enterpriseTypes])}::text[]) THEN '${r.key}'`);
  return `CASE WHEN e.type = ANY(${bind([...first.enterpriseTypes])}::text[]) OR (e.type IS NULL AND c.project_id IS NOT NULL) THEN '${first.key}'
               ${named.join(' ')} ELSE '${STAT_ROWS[STAT_ROWS.length - 1].key}' END`;
}

const between = (col: string, f: string, t: string) => `${col} BETWEEN ${f}::date AND ${t}::date`;

export interface FlowRow {
  row_key: RowKey;
  received: number;
  accepted: number;
  filed: number;
  settled_without_filing: number;
  closed: number;
  arrears_employers: number;
  arrears_workers: number;
  arrears_fen: number;
}

/**
 * The case flow (received, accepted, filed, settled without filing, closed) and the arrears of
 * the cases received in the period. A merged case counts in the case it went into. Arrears: what
 * verification found owed, or what was claimed until verified; refused and unfounded cases owe
 * nothing; a case speaks for the workers it lists, or for more when a complaint said so (a
 * national-platform clue names one worker of twelve).
 */
export async function flowFigures(db: DbOrTx, actor: Actor, regionPath: string, p: Period) {
  const s = scoped(actor, regionPath);
  const row = rowOf(s.bind);
  const f = s.bind(p.from);
  const t = s.bind(p.to);
  const { rows } = await db.query<FlowRow>(
    `WITH c0 AS (
       SELECT c.id, c.received_on, c.accepted_on, c.filed_on, c.resolved_on, c.closed_on, c.closure_kind,
              coalesce(c.employer_id::text, c.employer_name) AS employer_key, ${row} AS row_key
         FROM cases c LEFT JOIN enterprises e ON e.id = c.employer_id
        WHERE ${s.cond} AND c.closure_kind IS DISTINCT FROM 'merged'
          AND (${between('c.received_on', f, t)} OR ${between('c.accepted_on', f, t)} OR ${between('c.filed_on', f, t)}
               OR ${between('c.resolved_on', f, t)} OR ${between('c.closed_on', f, t)})
     ),
     arrears AS (
       SELECT c0.id, w.owed_fen, greatest(w.listed, k.spoken) AS workers
         FROM c0
        CROSS JOIN LATERAL (SELECT count(*)::int AS listed, coalesce(sum(coalesce(cw.found_owed_fen, cw.claimed_fen)), 0)::bigint AS owed_fen
                              FROM case_workers cw WHERE cw.case_id = c0.id) w
        CROSS JOIN LATERAL (SELECT coalesce(max(l.worker_count), 0)::int AS spoken FROM clues l WHERE l.case_id = c0.id) k
        WHERE ${between('c0.received_on', f, t)} AND c0.closure_kind IS DISTINCT FROM 'not_accepted' AND c0.closure_kind IS DISTINCT FROM 'unfounded'
          AND w.owed_fen > 0
     )
     SELECT c0.row_key,
            count(*) FILTER (WHERE ${between('c0.received_on', f, t)})::int AS received,
            count(*) FILTER (WHERE ${between('c0.accepted_on', f, t)})::int AS accepted,
            count(*) FILTER (WHERE ${between('c0.filed_on', f, t)})::int AS filed,
            count(*) FILTER (WHERE c0.filed_on IS NULL AND ${between('c0.resolved_on', f, t)})::int AS settled_without_filing,
            count(*) FILTER (WHERE ${between('c0.closed_on', f, t)})::int AS closed,
            count(DISTINCT c0.employer_key) FILTER (WHERE a.id IS NOT NULL)::int AS arrears_employers,
            coalesce(sum(a.workers), 0)::int AS arrears_workers,
            coalesce(sum(a.owed_fen), 0)::bigint AS arrears_fen
       FROM c0 LEFT JOIN arrears a ON a.id = c0.id
      GROUP BY c0.row_key`,
    s.params,
  );
  return rows;
}

/** 追发工资及赔偿金: payments made in the period, by the row of their case; each worker once per row. */
export async function recoveredFigures(db: DbOrTx, actor: Actor, regionPath: string, p: Period) {
  const s = scoped(actor, regionPath);
  const row = rowOf(s.bind);
  const { rows } = await db.query<{ row_key: RowKey; workers: number; fen: number }>(
    `SELECT ${row} AS row_key, count(DISTINCT cp.case_worker_id)::int AS workers, sum(cp.amount_fen)::bigint AS fen
       FROM case_payments cp JOIN cases c ON c.id = cp.case_id LEFT JOIN enterprises e ON e.id = c.employer_id
      WHERE ${s.cond} AND ${between('cp.paid_on', s.bind(p.from), s.bind(p.to))}
      GROUP BY 1`,
    s.params,
  );
  return rows;
}

export interface DocumentRow {
  row_key: RowKey;
  orders_to_correct: number;
  handling_decisions: number;
  penalty_decisions: number;
  police_transfers: number;
  fines_fen: number;
  compensation_fen: number;
}

/** The written instruments issued in the period (case_documents.kind), counted and, for penalties and compensation, summed. */
export async function documentFigures(db: DbOrTx, actor: Actor, regionPath: string, p: Period) {
  const s = scoped(actor, regionPath);
  const row = rowOf(s.bind);
  const { rows } = await db.query<DocumentRow>(
    `SELECT ${row} AS row_key,
            count(*) FILTER (WHERE d.kind = 'order_to_correct')::int AS orders_to_correct,
            count(*) FILTER (WHERE d.kind = 'handling_decision')::int AS handling_decisions,
            count(*) FILTER (WHERE d.kind = 'penalty_decision')::int AS penalty_decisions,
            count(*) FILTER (WHERE d.kind = 'police_transfer')::int AS police_transfers,
            coalesce(sum(d.amount_fen) FILTER (WHERE d.kind = 'penalty_decision'), 0)::bigint AS fines_fen,
            coalesce(sum(d.amount_fen) FILTER (WHERE d.kind = 'compensation_order'), 0)::bigint AS compensation_fen
       FROM case_documents d JOIN cases c ON c.id = d.case_id LEFT JOIN enterprises e ON e.id = c.employer_id
      WHERE ${s.cond} AND ${between('d.issued_on', s.bind(p.from), s.bind(p.to))}
        AND d.kind IN ('order_to_correct', 'handling_decision', 'penalty_decision', 'police_transfer', 'compensation_order')
      GROUP BY 1`,
    s.params,
  );
  return rows;
}

/**
 * The cases whose employer was inspected in the period: verified on site (一案双查 checklist or
 * findings recorded) or found by an inspection (a clue from the inspection channel).
 */
function checkedCases(s: ReturnType<typeof scoped>, p: Period) {
  const row = rowOf(s.bind);
  const from = s.bind(p.from);
  const to = s.bind(p.to);
  return `checked AS (
    SELECT c.id, c.project_id, c.employer_id, coalesce(c.employer_id::text, c.employer_name) AS employer_key, ${row} AS row_key
      FROM cases c LEFT JOIN enterprises e ON e.id = c.employer_id
     WHERE ${s.cond} AND c.closure_kind IS DISTINCT FROM 'merged'
       AND (EXISTS (SELECT 1 FROM case_events ev WHERE ev.case_id = c.id AND ev.kind IN ('checklist', 'findings')
                      AND ev.at >= (${from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
                      AND ev.at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
            OR EXISTS (SELECT 1 FROM clues l WHERE l.case_id = c.id AND l.channel = 'inspection' AND ${between('l.received_on', from, to)}))
  )`;
}

/**
 * 检查用人单位情况: the inspected employers, and the migrant workers the real-name registry holds
 * for them in the period (on the inspected case's project, or anywhere in the region when the case
 * names none), with how many of those signed a labour contract (not a work agreement).
 */
export async function checkedFigures(db: DbOrTx, actor: Actor, regionPath: string, p: Period) {
  const s = scoped(actor, regionPath);
  const checked = checkedCases(s, p);
  const projectScope = scopeCondition(actor, { regionPath: 'pr.region_path', industry: 'pr.supervising_industry' }, s.params);
  const from = s.bind(p.from);
  const to = s.bind(p.to);
  const { rows } = await db.query<{ row_key: RowKey; employers: number; migrant_workers: number; contracts: number }>(
    `WITH ${checked},
     employers AS (SELECT row_key, count(DISTINCT employer_key)::int AS n FROM checked GROUP BY row_key),
     roster AS (
       SELECT DISTINCT k.row_key, em.worker_id, em.contract_kind = 'labor_contract' AS contract
         FROM (SELECT DISTINCT row_key, employer_id, project_id FROM checked WHERE employer_id IS NOT NULL) k
         JOIN employments em ON em.employer_id = k.employer_id AND (k.project_id IS NULL OR em.project_id = k.project_id)
         JOIN projects pr ON pr.id = em.project_id
        WHERE pr.region_path LIKE $1 AND ${projectScope}
          AND em.entry_date <= ${to}::date AND (em.exit_date IS NULL OR em.exit_date >= ${from}::date)
     ),
     registry AS (
       SELECT row_key, count(DISTINCT worker_id)::int AS workers, count(DISTINCT worker_id) FILTER (WHERE contract)::int AS contracts FROM roster GROUP BY row_key
     )
     SELECT e.row_key, e.n AS employers, coalesce(r.workers, 0) AS migrant_workers, coalesce(r.contracts, 0) AS contracts
       FROM employers e LEFT JOIN registry r ON r.row_key = e.row_key`,
    s.params,
  );
  return rows;
}

/**
 * 其它情况: the projects of the inspected cases by investment type, and among them those where
 * verification found wages owed (the amount and the workers found owed).
 */
export async function projectFigures(db: DbOrTx, actor: Actor, regionPath: string, p: Period) {
  const s = scoped(actor, regionPath);
  const checked = checkedCases(s, p);
  const kinds = s.bind(PROJECT_KINDS.map((k) => k.key));
  const { rows } = await db.query<{ investment_type: string; checked_projects: number; arrears_projects: number; arrears_fen: number; arrears_workers: number }>(
    `WITH ${checked},
     found AS (
       SELECT k.id, k.project_id,
              (SELECT coalesce(sum(cw.found_owed_fen), 0) FROM case_workers cw WHERE cw.case_id = k.id AND cw.found_owed_fen > 0)::bigint AS fen,
              (SELECT count(*) FROM case_workers cw WHERE cw.case_id = k.id AND cw.found_owed_fen > 0)::int AS workers
         FROM checked k WHERE k.project_id IS NOT NULL
     )
     SELECT pr.investment_type, count(DISTINCT pr.id)::int AS checked_projects,
            count(DISTINCT pr.id) FILTER (WHERE f.fen > 0)::int AS arrears_projects,
            coalesce(sum(f.fen), 0)::bigint AS arrears_fen, coalesce(sum(f.workers), 0)::int AS arrears_workers
       FROM found f JOIN projects pr ON pr.id = f.project_id
      WHERE pr.investment_type = ANY(${kinds}::text[])
      GROUP BY pr.investment_type`,
    s.params,
  );
  return rows;
}

/** 列入黑名单: enterprises of the region listed in the period (严重失信主体名单, recorded by the wage office). */
export async function blacklistedCount(db: DbOrTx, actor: Actor, regionPath: string, p: Period) {
  const params: unknown[] = [`${regionPath}%`, p.from, p.to];
  const scope = scopeCondition(actor, { regionPath: 'e.region_path', industry: 'e.industry' }, params);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM enterprise_dishonesty_listings x JOIN enterprises e ON e.id = x.enterprise_id
      WHERE e.region_path LIKE $1 AND ${scope} AND x.listed_on BETWEEN $2::date AND $3::date`,
    params,
  );
  return rows[0].n;
}

// ---- The leader's dashboard -------------------------------------------------------------------

export async function openCounts(db: DbOrTx, actor: Actor, regionPath: string, today: string) {
  const s = scoped(actor, regionPath);
  const d = s.bind(today);
  const { rows } = await db.query<{ status: string; n: number; overdue: number; escalated: number; major: number; listed: number; leader: number; task_force: number }>(
    `SELECT c.status, count(*)::int AS n,
            count(*) FILTER (WHERE c.stage_due_on < ${d}::date)::int AS overdue,
            count(*) FILTER (WHERE c.escalation_level > 0)::int AS escalated,
            count(*) FILTER (WHERE c.major)::int AS major,
            count(*) FILTER (WHERE 'listed' = ANY(c.supervision))::int AS listed,
            count(*) FILTER (WHERE 'leader' = ANY(c.supervision))::int AS leader,
            count(*) FILTER (WHERE 'task_force' = ANY(c.supervision))::int AS task_force
       FROM cases c WHERE ${s.cond} AND c.status <> 'closed'
      GROUP BY c.status`,
    s.params,
  );
  return rows;
}

export interface DashboardCaseRow {
  id: string;
  case_no: string;
  title: string;
  status: string;
  region_name: string;
  handling_unit_name: string | null;
  stage_due_on: string | null;
  days_overdue: number | null;
  escalation_level: number;
  major: boolean;
  supervision: string[];
  leader_name: string | null;
  owed_fen: number;
  recovered_fen: number;
}

const DASHBOARD_CASE = (today: string) => `
  SELECT c.id, c.case_no, c.title, c.status, r.name AS region_name, hu.name AS handling_unit_name, c.stage_due_on::text AS stage_due_on,
         CASE WHEN c.stage_due_on < ${today}::date THEN (${today}::date - c.stage_due_on) END AS days_overdue,
         c.escalation_level, c.major, c.supervision, c.leader_name,
         coalesce(w.owed, 0)::bigint AS owed_fen, coalesce(pay.n, 0)::bigint AS recovered_fen
    FROM cases c
    JOIN regions r ON r.code = c.region_code
    LEFT JOIN gov_units hu ON hu.id = c.handling_unit_id
    LEFT JOIN LATERAL (SELECT sum(coalesce(cw.found_owed_fen, cw.claimed_fen)) AS owed FROM case_workers cw WHERE cw.case_id = c.id) w ON true
    LEFT JOIN LATERAL (SELECT sum(cp.amount_fen) AS n FROM case_payments cp WHERE cp.case_id = c.id) pay ON true`;

/** Open cases past their stage deadline, the longest overdue first. */
export async function overdueCases(db: DbOrTx, actor: Actor, regionPath: string, today: string, limit: number) {
  const s = scoped(actor, regionPath);
  const d = s.bind(today);
  const { rows } = await db.query<DashboardCaseRow>(
    `${DASHBOARD_CASE(d)} WHERE ${s.cond} AND c.status <> 'closed' AND c.stage_due_on < ${d}::date
      ORDER BY c.stage_due_on, c.case_no LIMIT ${s.bind(limit)}`,
    s.params,
  );
  return rows;
}

/** Open cases under supervision (挂牌督办, 领导包案, 专案组) or major: supervised first, then by deadline. */
export async function supervisedCases(db: DbOrTx, actor: Actor, regionPath: string, today: string, limit: number) {
  const s = scoped(actor, regionPath);
  const d = s.bind(today);
  const { rows } = await db.query<DashboardCaseRow>(
    `${DASHBOARD_CASE(d)} WHERE ${s.cond} AND c.status <> 'closed' AND (cardinality(c.supervision) > 0 OR c.major)
      ORDER BY cardinality(c.supervision) DESC, c.stage_due_on NULLS LAST, c.case_no LIMIT ${s.bind(limit)}`,
    s.params,
  );
  return rows;
}

/**
 * The money at a glance: paid to workers since `monthStart`, owed on the cases received since then;
 * and on the open cases, what is owed (workers not moved to another procedure), what was paid and
 * what is still outstanding.
 */
export async function moneyFigures(db: DbOrTx, actor: Actor, regionPath: string, monthStart: string, today: string) {
  const s = scoped(actor, regionPath);
  const m = s.bind(monthStart);
  const d = s.bind(today);
  const { rows } = await db.query<{ month_recovered_fen: number; month_recovered_workers: number; month_new_owed_fen: number; open_owed_fen: number; open_recovered_fen: number; open_outstanding_fen: number }>(
    `WITH month_paid AS (
       SELECT coalesce(sum(cp.amount_fen), 0)::bigint AS fen, count(DISTINCT cp.case_worker_id)::int AS workers
         FROM case_payments cp JOIN cases c ON c.id = cp.case_id WHERE ${s.cond} AND cp.paid_on BETWEEN ${m}::date AND ${d}::date
     ),
     month_new AS (
       SELECT coalesce(sum(coalesce(cw.found_owed_fen, cw.claimed_fen)), 0)::bigint AS fen
         FROM cases c JOIN case_workers cw ON cw.case_id = c.id
        WHERE ${s.cond} AND c.received_on BETWEEN ${m}::date AND ${d}::date
          AND c.closure_kind IS DISTINCT FROM 'merged' AND c.closure_kind IS DISTINCT FROM 'unfounded' AND c.closure_kind IS DISTINCT FROM 'not_accepted'
     ),
     open_workers AS (
       SELECT cw.status, coalesce(cw.found_owed_fen, cw.claimed_fen) AS owed, coalesce(p.paid, 0) AS paid
         FROM cases c JOIN case_workers cw ON cw.case_id = c.id
         LEFT JOIN LATERAL (SELECT sum(cp.amount_fen) AS paid FROM case_payments cp WHERE cp.case_worker_id = cw.id) p ON true
        WHERE ${s.cond} AND c.status <> 'closed'
     )
     SELECT mp.fen AS month_recovered_fen, mp.workers AS month_recovered_workers, mn.fen AS month_new_owed_fen,
            (SELECT coalesce(sum(owed) FILTER (WHERE status <> 'moved'), 0) FROM open_workers)::bigint AS open_owed_fen,
            (SELECT coalesce(sum(paid), 0) FROM open_workers)::bigint AS open_recovered_fen,
            (SELECT coalesce(sum(greatest(owed - paid, 0)) FILTER (WHERE status = 'open'), 0) FROM open_workers)::bigint AS open_outstanding_fen
       FROM month_paid mp, month_new mn`,
    s.params,
  );
  return rows[0];
}

/** Group incidents since `since` in the region (incidents are scoped by region, as their list is). */
export async function incidentsSince(db: DbOrTx, actor: Actor, regionPath: string, since: Date, limit: number) {
  const params: unknown[] = [`${regionPath}%`, since];
  const scope = scopeCondition(actor, { regionPath: 'i.region_path' }, params);
  const where = `i.region_path LIKE $1 AND ${scope} AND i.occurred_at >= $2`;
  const totals = await db.query<{ n: number; people: number; extreme: number }>(
    `SELECT count(*)::int AS n, coalesce(sum(i.people), 0)::int AS people, count(*) FILTER (WHERE i.extreme)::int AS extreme FROM incidents i WHERE ${where}`,
    params,
  );
  const items = await db.query<{ id: string; occurred_at: Date; place: string; people: number; response_level: string; extreme: boolean; project_name: string | null; case_count: number }>(
    `SELECT i.id, i.occurred_at, i.place, i.people, i.response_level, i.extreme, p.name AS project_name, cardinality(i.case_ids) AS case_count
       FROM incidents i LEFT JOIN projects p ON p.id = i.project_id WHERE ${where}
      ORDER BY i.occurred_at DESC, i.id LIMIT ${limit | 0}`,
    params,
  );
  return { ...totals.rows[0], items: items.rows };
}

/** The open, overdue and major cases of each region directly below. */
export async function byChildRegion(db: DbOrTx, actor: Actor, regionCode: string, regionPath: string, today: string) {
  const s = scoped(actor, regionPath);
  const code = s.bind(regionCode);
  const d = s.bind(today);
  const { rows } = await db.query<{ code: string; name: string; open: number; overdue: number; major: number }>(
    `SELECT r.code, r.name, count(c.id)::int AS open,
            count(c.id) FILTER (WHERE c.stage_due_on < ${d}::date)::int AS overdue,
            count(c.id) FILTER (WHERE c.major)::int AS major
       FROM regions r
       LEFT JOIN cases c ON c.region_path LIKE r.path || '%' AND c.status <> 'closed' AND ${s.cond}
      WHERE r.parent_code = ${code}
      GROUP BY r.code, r.name ORDER BY r.code`,
    s.params,
  );
  return rows;
}

/** The unit that reports for a region: its own wage office (or HRSS), when it has one. */
export async function reportingUnitOf(db: DbOrTx, regionPath: string) {
  const { rows } = await db.query<{ name: string }>(
    `SELECT u.name FROM gov_units u WHERE u.id = nearest_unit($1, ARRAY['wage_office', 'hrss']) AND u.region_path = $1`,
    [regionPath],
  );
  return rows[0]?.name ?? null;
}
