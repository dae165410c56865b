import type { DbOrTx } from '../../db/client';
import { RISK_POINTS } from './warnings.rules';

const OPEN = `('generated', 'dispatched', 'acknowledged', 'disposed')`;
const P = RISK_POINTS;

/** A factor's JSON when it counts: {code, count, points}. */
const factor = (code: string, count: string, points: string) =>
  `CASE WHEN ${count} > 0 THEN jsonb_build_object('code', '${code}', 'count', ${count}, 'points', ${points}) END`;

const capped = (count: string, each: number, cap: number) => `least(${count} * ${each}, ${cap})`;

export async function upsertProjectScores(tx: DbOrTx, projectIds: string[] | null, now: Date, today: string): Promise<void> {
  // Planned for the values each time: a generic plan cannot see how few projects there are and
  // hashes every complaint and warning instead (measured: 10 ms custom, 240 ms generic).
  await tx.query(
    `WITH p AS (SELECT id, region_path, supervising_industry, party_ids FROM projects WHERE ${projectIds ? 'id = ANY ($1::uuid[])' : '$1::uuid[] IS NULL'}),
     f AS (
       SELECT p.*,
              coalesce(a.red, 0) AS red, coalesce(a.orange, 0) AS orange, coalesce(a.yellow, 0) AS yellow,
              coalesce(h.n, 0) AS history, coalesce(c.n, 0) AS complaints, coalesce(l.n, 0) AS listed, coalesce(r.n, 0) AS arrears
         FROM p
         LEFT JOIN (SELECT w.project_id, count(*) FILTER (WHERE w.level = 'red')::int AS red, count(*) FILTER (WHERE w.level = 'orange')::int AS orange,
                           count(*) FILTER (WHERE w.level = 'yellow')::int AS yellow
                      FROM warnings w JOIN p ON p.id = w.project_id WHERE w.status IN ${OPEN} GROUP BY w.project_id) a ON a.project_id = p.id
         LEFT JOIN (SELECT w.project_id, count(*)::int AS n FROM warnings w JOIN p ON p.id = w.project_id
                     WHERE w.status IN ('resolved', 'closed') AND w.raised_on > $3::date - 365 GROUP BY w.project_id) h ON h.project_id = p.id
         LEFT JOIN (SELECT c.project_id, count(*)::int AS n FROM complaint_facts c JOIN p ON p.id = c.project_id
                     WHERE c.at > $2::timestamptz - interval '90 days' GROUP BY c.project_id) c ON c.project_id = p.id
         LEFT JOIN LATERAL (SELECT count(DISTINCT d.enterprise_id)::int AS n FROM enterprise_dishonesty_listings d
                             WHERE d.enterprise_id = ANY (p.party_ids) AND d.listed_on <= $3 AND (d.removed_on IS NULL OR d.removed_on > $3)) l ON true
         LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM enterprise_arrears e
                             WHERE e.enterprise_id = ANY (p.party_ids) AND e.resolved_on IS NULL) r ON true
     ),
     scored AS (
       SELECT f.*, array_remove(ARRAY[
                ${factor('open_red', 'f.red', `f.red * ${P.red}`)},
                ${factor('open_orange', 'f.orange', `f.orange * ${P.orange}`)},
                ${factor('open_yellow', 'f.yellow', `f.yellow * ${P.yellow}`)},
                ${factor('history', 'f.history', capped('f.history', P.history, P.historyCap))},
                ${factor('complaints', 'f.complaints', capped('f.complaints', P.complaint, P.complaintCap))},
                ${factor('party_listed', 'f.listed', capped('f.listed', P.listed, P.listedCap))},
                ${factor('party_arrears', 'f.arrears', capped('f.arrears', P.arrears, P.arrearsCap))}
              ], NULL) AS factors
         FROM f
     )
     INSERT INTO risk_scores (subject_kind, subject_id, region_path, industry, party_ids, score, factors, computed_at)
     SELECT 'project', s.id, s.region_path, s.supervising_industry, s.party_ids,
            least(100, (SELECT coalesce(sum((x ->> 'points')::int), 0) FROM unnest(s.factors) AS x)), to_jsonb(s.factors), $2
       FROM scored s
     ON CONFLICT (subject_kind, subject_id) DO UPDATE
       SET score = excluded.score, factors = excluded.factors, computed_at = excluded.computed_at,
           region_path = excluded.region_path, industry = excluded.industry, party_ids = excluded.party_ids`,
    [projectIds, now, today],
  );
}

/**
 * An enterprise answers for its own warnings in full; for the project-level warnings of projects it
 * contracts generally, in full; and for its subcontractors' and teams' warnings at the chain share
 * (a team's arrears raise its subcontractor's and the general contractor's risk).
 */
export async function upsertEnterpriseScores(tx: DbOrTx, projectIds: string[] | null, now: Date, today: string): Promise<void> {
  const weight = `(CASE w.level WHEN 'red' THEN ${P.red} WHEN 'orange' THEN ${P.orange} ELSE ${P.yellow} END)`;
  const cols = `w.id, w.project_id, w.enterprise_id, w.level, w.status, w.raised_on`;
  // Everything, or the parties of some projects with just the warnings that concern them. A
  // warning's parties always hold its own enterprise (an enterprise warning carries just it, a
  // project warning the project's parties, among them every employer), so one lookup finds them.
  // Two texts rather than an OR, so each plans as what it is: through the index, or by hashing.
  const scope = projectIds
    ? `e AS (
         SELECT en.id, en.region_path, en.industry FROM enterprises en
          WHERE en.id IN (SELECT unnest(p.party_ids) FROM projects p WHERE p.id = ANY ($1::uuid[]))
       ),
       ew AS (SELECT DISTINCT ${cols} FROM e JOIN warnings w ON w.party_ids @> ARRAY[e.id])`
    : `e AS (SELECT en.id, en.region_path, en.industry FROM enterprises en WHERE $1::uuid[] IS NULL),
       ew AS (SELECT ${cols} FROM warnings w)`;
  await tx.query(
    `WITH ${scope},
     ow AS (SELECT * FROM ew w WHERE w.status IN ${OPEN}),
     own AS (
       SELECT e.id, sum(${weight})::int AS points, count(*)::int AS n
         FROM e JOIN ow w ON w.enterprise_id = e.id GROUP BY e.id
     ),
     as_gc AS (
       SELECT e.id, sum(${weight})::int AS points, count(*)::int AS n
         FROM ow w JOIN projects p ON p.id = w.project_id JOIN e ON e.id = p.general_contractor_id
        WHERE w.enterprise_id IS NULL
        GROUP BY e.id
     ),
     -- A subcontractor's or team's warning weighs on the general contractor and on the contractor it works under.
     chain AS (
       SELECT x.id, (sum(x.weight) * ${P.chainShare})::int AS points, count(*)::int AS n
         FROM (SELECT e.id, w.id AS warning_id, ${weight} AS weight
                 FROM ow w JOIN projects p ON p.id = w.project_id JOIN e ON e.id = p.general_contractor_id
                WHERE w.enterprise_id <> e.id
               UNION
               SELECT e.id, w.id, ${weight}
                 FROM ow w JOIN subcontracts sc ON sc.project_id = w.project_id AND sc.enterprise_id = w.enterprise_id JOIN e ON e.id = sc.parent_id
                WHERE w.enterprise_id <> e.id) x
        GROUP BY x.id
     ),
     -- The past year's settled warnings: the enterprise's own, and the project-level ones of projects it contracts generally.
     history AS (
       SELECT coalesce(w.enterprise_id, p.general_contractor_id) AS id, count(*)::int AS n
         FROM ew w LEFT JOIN projects p ON w.enterprise_id IS NULL AND p.id = w.project_id
        WHERE w.status IN ('resolved', 'closed') AND w.raised_on > $3::date - 365
        GROUP BY 1
     ),
     listed AS (
       SELECT d.enterprise_id AS id, count(*)::int AS n FROM enterprise_dishonesty_listings d JOIN e ON e.id = d.enterprise_id
        WHERE d.listed_on <= $3 AND (d.removed_on IS NULL OR d.removed_on > $3) GROUP BY 1
     ),
     arrears AS (
       SELECT a.enterprise_id AS id, count(*)::int AS n FROM enterprise_arrears a JOIN e ON e.id = a.enterprise_id
        WHERE a.resolved_on IS NULL GROUP BY 1
     ),
     f AS (
       SELECT e.*, coalesce(own.points, 0) AS own_points, coalesce(own.n, 0) AS own_n,
              coalesce(as_gc.points, 0) AS gc_points, coalesce(as_gc.n, 0) AS gc_n,
              coalesce(chain.points, 0) AS chain_points, coalesce(chain.n, 0) AS chain_n,
              coalesce(listed.n, 0) AS listed, coalesce(arrears.n, 0) AS arrears, coalesce(history.n, 0) AS history
         FROM e LEFT JOIN own ON own.id = e.id LEFT JOIN as_gc ON as_gc.id = e.id LEFT JOIN chain ON chain.id = e.id
         LEFT JOIN listed ON listed.id = e.id LEFT JOIN arrears ON arrears.id = e.id LEFT JOIN history ON history.id = e.id
     ),
     scored AS (
       SELECT f.*, array_remove(ARRAY[
                ${factor('own_warnings', 'f.own_n', 'f.own_points')},
                ${factor('gc_project_warnings', 'f.gc_n', 'f.gc_points')},
                ${factor('chain_warnings', 'f.chain_n', 'f.chain_points')},
                ${factor('history', 'f.history', capped('f.history', P.history, P.historyCap))},
                ${factor('listed', 'f.listed', String(P.selfListed))},
                ${factor('arrears', 'f.arrears', capped('f.arrears', P.arrears, P.arrearsCap))}
              ], NULL) AS factors
         FROM f
     )
     INSERT INTO risk_scores (subject_kind, subject_id, region_path, industry, party_ids, score, factors, computed_at)
     SELECT 'enterprise', s.id, s.region_path, s.industry, ARRAY[s.id],
            least(100, (SELECT coalesce(sum((x ->> 'points')::int), 0) FROM unnest(s.factors) AS x)), to_jsonb(s.factors), $2
       FROM scored s
     ON CONFLICT (subject_kind, subject_id) DO UPDATE
       SET score = excluded.score, factors = excluded.factors, computed_at = excluded.computed_at, region_path = excluded.region_path, industry = excluded.industry`,
    [projectIds, now, today],
  );
}
