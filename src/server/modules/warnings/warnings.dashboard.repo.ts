import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';
import { OPEN_SQL, warningScope } from './warnings.repo';

/** The battle map's figures for a region subtree, within the actor's scope; one statement each. */

const scoped = (actor: Actor, regionPath: string) => {
  const params: unknown[] = [`${regionPath}%`];
  const cond = `w.region_path LIKE $1 AND ${warningScope(actor, params)}`;
  return { params, cond };
};

export async function counts(db: DbOrTx, actor: Actor, regionPath: string, today: string, weekStart: Date) {
  const s = scoped(actor, regionPath);
  const { rows } = await db.query<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE w.status IN ${OPEN_SQL})::int AS open,
            count(*) FILTER (WHERE w.status IN ${OPEN_SQL} AND w.level = 'red')::int AS red,
            count(*) FILTER (WHERE w.status IN ${OPEN_SQL} AND w.level = 'orange')::int AS orange,
            count(*) FILTER (WHERE w.status IN ${OPEN_SQL} AND w.level = 'yellow')::int AS yellow,
            count(*) FILTER (WHERE w.status IN ('generated', 'dispatched', 'acknowledged') AND (w.due_on < $${s.params.length + 1}::date OR w.escalations > 0))::int AS overdue,
            count(*) FILTER (WHERE w.status IN ${OPEN_SQL} AND w.escalations > 0)::int AS escalated,
            count(*) FILTER (WHERE w.status = 'closed' AND w.closed_at >= $${s.params.length + 2})::int AS "closedThisWeek",
            count(*) FILTER (WHERE w.status = 'resolved' AND w.resolved_at >= $${s.params.length + 2})::int AS "resolvedThisWeek"
       FROM warnings w WHERE ${s.cond}`,
    [...s.params, today, weekStart],
  );
  return rows[0];
}

export async function byRule(db: DbOrTx, actor: Actor, regionPath: string) {
  const s = scoped(actor, regionPath);
  const { rows } = await db.query<{ rule_code: string; red: number; orange: number; yellow: number }>(
    `SELECT w.rule_code, count(*) FILTER (WHERE w.level = 'red')::int AS red, count(*) FILTER (WHERE w.level = 'orange')::int AS orange,
            count(*) FILTER (WHERE w.level = 'yellow')::int AS yellow
       FROM warnings w WHERE ${s.cond} AND w.status IN ${OPEN_SQL} GROUP BY w.rule_code ORDER BY w.rule_code`,
    s.params,
  );
  return rows;
}

export async function byChildRegion(db: DbOrTx, actor: Actor, regionCode: string, regionPath: string, today: string) {
  const s = scoped(actor, regionPath);
  const { rows } = await db.query<{ code: string; name: string; open: number; red: number; orange: number; yellow: number; overdue: number }>(
    `SELECT c.code, c.name,
            count(w.id)::int AS open,
            count(w.id) FILTER (WHERE w.level = 'red')::int AS red,
            count(w.id) FILTER (WHERE w.level = 'orange')::int AS orange,
            count(w.id) FILTER (WHERE w.level = 'yellow')::int AS yellow,
            count(w.id) FILTER (WHERE w.status <> 'disposed' AND (w.due_on < $${s.params.length + 2}::date OR w.escalations > 0))::int AS overdue
       FROM regions c
       LEFT JOIN warnings w ON w.region_path LIKE c.path || '%' AND w.status IN ${OPEN_SQL} AND ${s.cond}
      WHERE c.parent_code = $${s.params.length + 1}
      GROUP BY c.code, c.name ORDER BY c.code`,
    [...s.params, regionCode, today],
  );
  return rows;
}

/** Raised, closed and resolved per week (weeks start on Monday, Asia/Shanghai) since `from`. */
export async function trend(db: DbOrTx, actor: Actor, regionPath: string, from: string) {
  const s = scoped(actor, regionPath);
  const week = (col: string) => `to_char(date_trunc('week', (${col} AT TIME ZONE 'Asia/Shanghai')), 'YYYY-MM-DD')`;
  const { rows } = await db.query<{ week: string; raised: number; closed: number; resolved: number }>(
    `WITH ev AS (
       SELECT ${week('w.raised_at')} AS week, 1 AS raised, 0 AS closed, 0 AS resolved FROM warnings w WHERE ${s.cond} AND w.raised_on >= $${s.params.length + 1}::date
       UNION ALL SELECT ${week('w.closed_at')}, 0, 1, 0 FROM warnings w WHERE ${s.cond} AND w.closed_at IS NOT NULL AND w.closed_at >= $${s.params.length + 1}::date
       UNION ALL SELECT ${week('w.resolved_at')}, 0, 0, 1 FROM warnings w WHERE ${s.cond} AND w.resolved_at IS NOT NULL AND w.resolved_at >= $${s.params.length + 1}::date
     )
     SELECT week, sum(raised)::int AS raised, sum(closed)::int AS closed, sum(resolved)::int AS resolved FROM ev GROUP BY week ORDER BY week`,
    [...s.params, from],
  );
  return rows;
}

export interface ScoredProject {
  id: string;
  name: string;
  region_code: string;
  region_name: string;
  township_name: string | null;
  score: number;
  open_warnings: number;
  top_level: string | null;
}

/** Every project of the subtree with its score, worst first (the risk map and the top list). */
export async function scoredProjects(db: DbOrTx, actor: Actor, regionPath: string, limit: number | null): Promise<ScoredProject[]> {
  const params: unknown[] = [`${regionPath}%`];
  const cond = scopeCondition(actor, { regionPath: 'p.region_path', industry: 'p.supervising_industry', enterpriseIds: 'p.party_ids' }, params);
  const { rows } = await db.query<ScoredProject>(
    `SELECT p.id, p.name, p.region_code, r.name AS region_name, t.name AS township_name, rs.score,
            (SELECT count(*)::int FROM warnings w WHERE w.project_id = p.id AND w.status IN ${OPEN_SQL}) AS open_warnings,
            (SELECT w.level FROM warnings w WHERE w.project_id = p.id AND w.status IN ${OPEN_SQL}
              ORDER BY array_position(ARRAY['red', 'orange', 'yellow'], w.level) LIMIT 1) AS top_level
       FROM risk_scores rs
       JOIN projects p ON p.id = rs.subject_id
       JOIN regions r ON r.code = p.region_code
       LEFT JOIN regions t ON t.code = split_part(p.region_path, '/', 4)
      WHERE rs.subject_kind = 'project' AND p.region_path LIKE $1 AND ${cond}
        AND p.status IN ('not_started', 'in_progress', 'suspended', 'completed')
      ORDER BY rs.score DESC, p.name
      ${limit ? `LIMIT ${Number(limit)}` : ''}`,
    params,
  );
  return rows;
}

export async function topEnterprises(db: DbOrTx, actor: Actor, regionPath: string, limit: number) {
  const params: unknown[] = [`${regionPath}%`];
  const cond = scopeCondition(actor, { regionPath: 'e.region_path', industry: 'e.industry', enterpriseId: 'e.id' }, params);
  const { rows } = await db.query<{ id: string; name: string; score: number; open_warnings: number }>(
    `SELECT e.id, e.name, rs.score,
            (SELECT count(*)::int FROM warnings w WHERE w.status IN ${OPEN_SQL} AND (w.enterprise_id = e.id OR w.project_id IN (SELECT id FROM projects WHERE general_contractor_id = e.id))) AS open_warnings
       FROM risk_scores rs JOIN enterprises e ON e.id = rs.subject_id
      WHERE rs.subject_kind = 'enterprise' AND rs.score > 0 AND e.region_path LIKE $1 AND ${cond}
      ORDER BY rs.score DESC, e.name LIMIT ${Number(limit)}`,
    params,
  );
  return rows;
}

export async function riskScoreOf(db: DbOrTx, actor: Actor, kind: 'project' | 'enterprise', id: string) {
  const params: unknown[] = [kind, id];
  const cond = scopeCondition(actor, { regionPath: 'rs.region_path', industry: kind === 'project' ? 'rs.industry' : undefined, enterpriseIds: 'rs.party_ids' }, params);
  const { rows } = await db.query<{ score: number; factors: { code: string; count: number; points: number }[]; computed_at: Date }>(
    `SELECT rs.score, rs.factors, rs.computed_at FROM risk_scores rs WHERE rs.subject_kind = $1 AND rs.subject_id = $2 AND ${cond}`,
    params,
  );
  return rows[0];
}
