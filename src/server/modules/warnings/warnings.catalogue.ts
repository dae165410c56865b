import type { Bilingual } from '../../platform/errors';

export type WarningLevel = 'yellow' | 'orange' | 'red';
export const LEVEL_RANK: Record<WarningLevel, number> = { yellow: 1, orange: 2, red: 3 };

/** What changed: the outbox marks projects with these, and incremental evaluation runs the rules watching them. */
export type Fact = 'project' | 'employment' | 'attendance' | 'payroll' | 'payout' | 'account' | 'deposit' | 'payment' | 'arrears' | 'signal' | 'listing' | 'complaint';

/** What the escalation ladder's last step may propose (each waits for an official's decision). */
export type Consequence = 'order_to_correct' | 'payment_suspension' | 'credit_downgrade';

/**
 * One rule of the catalogue. `sql` is a set-based evaluation returning one row per subject the rule
 * watches, hit or not, with the columns
 *   subject_key text, project_id uuid, enterprise_id uuid, hit boolean, level text, evidence jsonb
 * and these placeholders:
 *   $1 jsonb  the parameter snapshot, read with scan_param($1, 'ID', <region path>)
 *   $2 date   today in Asia/Shanghai
 *   $3 uuid[] the projects to evaluate, or NULL for all (incremental evaluation); a rule on
 *             enterprises evaluates the enterprises party to those projects. Written only as
 *             `$3::uuid[] IS NULL`, `$3::uuid[] IS NOT NULL` and `ANY ($3::uuid[])`: the runner
 *             writes the NULL tests out as constants (see scopeConstants), so an incremental
 *             evaluation has one plan for any projects
 *   $4 jsonb  calendar facts the SQL cannot compute: {"springFestival": "2027-02-06" | null,
 *             "workingDaysAgo": {"10": "2026-02-13", …}} (every duration_wd parameter's values)
 * A project rule sets project_id (enterprise_id may name the employer concerned); an enterprise rule
 * leaves project_id null. `evidence` holds the figures an official needs to act, with amounts in fen.
 */
export interface WarningRule {
  code: string;
  name: Bilingual;
  /** What the rule watches and when it fires, in a sentence. */
  watches: Bilingual;
  subject: 'project' | 'enterprise';
  levels: readonly WarningLevel[];
  facts: readonly Fact[];
  /** Parameter ids the SQL reads (the snapshot holds exactly these). */
  params: readonly string[];
  /** The legal source, shown beside the warning so an official can cite it. */
  source: Bilingual;
  /** The RULES.md entry it implements. */
  ruleRef: string;
  consequences: readonly Consequence[];
  sql: string;
}

/**
 * The rules' SQL with the test for "all projects" written out: a constant lets the planner drop the
 * branch not taken, so the statement of an incremental evaluation keeps one generic plan that goes
 * through the project indexes (an `$3 IS NULL OR …` left to a generic plan scans everything).
 */
export const scopeConstants = (sql: string, incremental: boolean): string =>
  sql.replaceAll('$3::uuid[] IS NOT NULL', String(incremental)).replaceAll('$3::uuid[] IS NULL', String(!incremental));
