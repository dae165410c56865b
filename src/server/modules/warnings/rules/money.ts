import { defineParams } from '../../../platform/params/params.registry';
import type { WarningRule } from '../warnings.catalogue';
import { LAW } from '../warnings.params';

/**
 * Wage-payment rules: the 专户, the payroll and the bank payout. Projects are watched from their
 * start until completion; a month is judged once its wages fall due.
 */

defineParams([
  {
    id: 'W05.lookbackMonths',
    module: 'warnings',
    name: { zh: '按月足额支付预警回溯月数', en: 'Months looked back for wages not paid monthly' },
    type: 'duration_months',
    unit: { zh: '个月', en: 'months' },
    default: 3,
    min: 1,
    max: 24,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第12条（回溯月数为平台设定）`, en: `${LAW.REG.en}, Art. 12 (the look-back is the platform's)`, source: 'RULES.md §7.4 W05' },
  },
]);

/** Projects a wage rule watches: under way or stopped, and completed ones until they are accepted. */
export const WATCHED_PROJECTS = `
  SELECT p.id, p.region_path, p.general_contractor_id FROM projects p
   WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND p.status IN ('in_progress', 'suspended', 'completed')`;

/** `param` of a watched project as SQL: `num('W05.lookbackMonths')` → an int expression on `s.region_path`. */
export const num = (param: string, alias = 's') => `(scan_param($1, '${param}', ${alias}.region_path) #>> '{}')::numeric`;

export const W05: WarningRule = {
  code: 'W05',
  name: { zh: '未按月足额支付工资', en: 'Wages not paid monthly' },
  watches: {
    zh: '项目当月有农民工出勤，至次月末仍未通过工资专用账户代发工资',
    en: 'Workers attended in a month and no wages were paid through the wage account by the end of the next month',
  },
  subject: 'project',
  levels: ['red'],
  facts: ['attendance', 'payroll', 'payout', 'project'],
  params: ['W05.lookbackMonths', 'PAY-02.graceUntil'],
  source: { zh: `${LAW.REG.zh}第12条、第31条；${LAW.ACCOUNTS.zh}`, en: `${LAW.REG.en}, Arts. 12 and 31; ${LAW.ACCOUNTS.en}` },
  ruleRef: 'RULES.md §7.4 W05; §7.2 rule 1',
  consequences: ['order_to_correct', 'credit_downgrade'],
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    months AS (
      SELECT s.id AS project_id, ${num('PAY-02.graceUntil')}::int AS grace,
             (date_trunc('month', $2::date) - make_interval(months => 1 + ${num('PAY-02.graceUntil')}::int + k))::date AS month
        FROM s CROSS JOIN LATERAL generate_series(0, ${num('W05.lookbackMonths')}::int - 1) AS k
    ),
    worked AS (
      SELECT m.project_id, m.month, m.grace, count(*)::int AS workers, sum(a.days)::int AS worker_days
        FROM months m JOIN attendance_worker_months a ON a.project_id = m.project_id AND a.month = m.month AND a.days > 0
       GROUP BY m.project_id, m.month, m.grace
    ),
    paid AS (
      SELECT f.project_id, f.month, count(*)::int AS payrolls, sum(f.paid_fen)::bigint AS paid_fen
        FROM payroll_month_facts f JOIN worked w ON w.project_id = f.project_id AND w.month = f.month
       GROUP BY f.project_id, f.month
    )
    SELECT w.project_id || ':' || to_char(w.month, 'YYYY-MM') AS subject_key, w.project_id, NULL::uuid AS enterprise_id,
           coalesce(pd.paid_fen, 0) = 0 AS hit, 'red' AS level,
           jsonb_build_object('month', to_char(w.month, 'YYYY-MM'),
                              'dueBy', (w.month + make_interval(months => w.grace + 1) - interval '1 day')::date,
                              'attendedWorkers', w.workers, 'workerDays', w.worker_days,
                              'payrolls', coalesce(pd.payrolls, 0), 'paidFen', coalesce(pd.paid_fen, 0)) AS evidence
      FROM worked w LEFT JOIN paid pd ON pd.project_id = w.project_id AND pd.month = w.month`,
};

export const MONEY_RULES: WarningRule[] = [W05];
