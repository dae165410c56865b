import { defineParams } from '../../../platform/params/params.registry';
// W07 prorates by PAY-07.monthlyPaidDays, the payroll module's; a scan loads it from there.
import '../../payroll/payroll.params';
import type { WarningRule } from '../warnings.catalogue';
import { LAW } from '../warnings.params';

/**
 * Wage-payment rules: the 专户, the payroll and the bank payout. Projects are watched from their
 * start until completion; a month is judged once its wages fall due.
 *
 * For speed on a full scan, a rule reads its parameters once per project in a MATERIALIZED CTE
 * (inlined, scan_param would run again for every payroll line joined to it), and repeats the $3
 * project filter on the large tables so an incremental run reaches them by index.
 */

const MONTHS = { zh: '个月', en: 'months' };
const FEN = { zh: '分', en: 'fen' };
/** §7.2's thresholds are a provincial platform's (a vendor's specification), not the law's: confirm them with the province. */
const PRACTICE_NOTE = { zh: '（阈值取自省级平台规则，须经本省确认）', en: ' (the threshold is a provincial platform’s; confirm it with the province)' };

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

defineParams([
  {
    id: 'W03.redAfterMonths',
    module: 'warnings',
    name: { zh: '人工费连续未拨付转红色预警月数', en: 'Consecutive months of labour cost missed before the warning turns red' },
    type: 'duration_months',
    unit: MONTHS,
    default: 2,
    min: 1,
    max: 12,
    regionOverridable: true,
    unverified: true,
    citation: {
      zh: `${LAW.REG.zh}第24条、第29条、第57条（升级月数为平台设定）`,
      en: `${LAW.REG.en}, Arts. 24, 29 and 57 (the escalation months are the platform's)`,
      source: 'RULES.md §7.4 W03',
    },
  },
  {
    id: 'W06.lookbackMonths',
    module: 'warnings',
    name: { zh: '考勤与发放不符预警回溯月数', en: 'Months looked back for attendance not matched by pay' },
    type: 'duration_months',
    unit: MONTHS,
    default: 3,
    min: 1,
    max: 24,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.PROVINCIAL.zh}（回溯月数为平台设定）`, en: `${LAW.PROVINCIAL.en} (the look-back is the platform's)`, source: 'RULES.md §7.4 W06' },
  },
  {
    id: 'W06.minPaidShare',
    module: 'warnings',
    name: { zh: '当月出勤农民工获发工资人数占比下限（低于即黄色预警）', en: 'Least share of the month’s attended workers paid (below it: yellow)' },
    type: 'ratio',
    default: 1,
    min: 0.5,
    max: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第31条；${LAW.PROVINCIAL.zh}${PRACTICE_NOTE.zh}`, en: `${LAW.REG.en}, Art. 31; ${LAW.PROVINCIAL.en}${PRACTICE_NOTE.en}`, source: 'RULES.md §7.4 W06; §7.2 rule 3' },
  },
  {
    id: 'W06.redUnpaidShare',
    module: 'warnings',
    name: { zh: '当月出勤农民工未获发工资人数占比（达到即红色预警）', en: 'Share of the month’s attended workers unpaid that turns the warning red' },
    type: 'ratio',
    default: 0.1,
    min: 0.01,
    max: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第31条；${LAW.PROVINCIAL.zh}${PRACTICE_NOTE.zh}`, en: `${LAW.REG.en}, Art. 31; ${LAW.PROVINCIAL.en}${PRACTICE_NOTE.en}`, source: 'RULES.md §7.4 W06; §7.2 rule 6' },
  },
  {
    id: 'W07.minAveragePayFen',
    module: 'warnings',
    name: { zh: '工资表人均实发工资下限（月）', en: 'Least average net pay per head on a payroll (a month)' },
    type: 'money_fen',
    unit: FEN,
    default: 189_000,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: {
      zh: `${LAW.REG.zh}第34条第（二）项（公示当地最低工资标准）；${LAW.PROVINCIAL.zh}（1890元为示例，须按本省最低工资标准设置）`,
      en: `${LAW.REG.en}, Art. 34(2) (the local minimum wage on the board); ${LAW.PROVINCIAL.en} (¥1,890 is an example: set the province's minimum wage)`,
      source: 'RULES.md §7.4 W07; §7.2 rule 2',
    },
  },
  {
    id: 'W07.prorateByDays',
    module: 'warnings',
    name: { zh: '人均工资下限按出勤天数折算', en: 'Prorate the least average pay by the days worked' },
    type: 'boolean',
    default: true,
    regionOverridable: true,
    unverified: true,
    citation: {
      zh: `${LAW.PROVINCIAL.zh}（按月计薪天数折算不足整月的出勤，为平台设定）`,
      en: `${LAW.PROVINCIAL.en} (part months counted against the legal paid days a month: the platform's setting)`,
      source: 'RULES.md §7.4 W07',
    },
  },
  {
    id: 'W07.lookbackMonths',
    module: 'warnings',
    name: { zh: '人均工资过低预警回溯月数', en: 'Months of payrolls looked back for abnormally low pay' },
    type: 'duration_months',
    unit: MONTHS,
    default: 3,
    min: 1,
    max: 24,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.PROVINCIAL.zh}（回溯月数为平台设定）`, en: `${LAW.PROVINCIAL.en} (the look-back is the platform's)`, source: 'RULES.md §7.4 W07' },
  },
  {
    id: 'W08.monthlyCapFen',
    module: 'warnings',
    name: { zh: '个人月工资异常偏高阈值（同一项目）', en: 'One worker’s pay on a project in a month above which it is abnormal' },
    type: 'money_fen',
    unit: FEN,
    default: 5_000_000,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.PROVINCIAL.zh}${PRACTICE_NOTE.zh}`, en: `${LAW.PROVINCIAL.en}${PRACTICE_NOTE.en}`, source: 'RULES.md §7.4 W08; §7.2 rule 4' },
  },
  {
    id: 'W08.yearlyCapFen',
    module: 'warnings',
    name: { zh: '个人年工资异常偏高阈值（同一项目，自然年）', en: 'One worker’s pay on a project in a calendar year above which it is abnormal' },
    type: 'money_fen',
    unit: FEN,
    default: 30_000_000,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.PROVINCIAL.zh}${PRACTICE_NOTE.zh}`, en: `${LAW.PROVINCIAL.en}${PRACTICE_NOTE.en}`, source: 'RULES.md §7.4 W08; §7.2 rule 4' },
  },
  {
    id: 'W08.lookbackMonths',
    module: 'warnings',
    name: { zh: '个人工资异常偏高预警回溯月数', en: 'Months looked back for abnormally high individual pay' },
    type: 'duration_months',
    unit: MONTHS,
    default: 3,
    min: 1,
    max: 24,
    regionOverridable: true,
    unverified: true,
    citation: {
      zh: `${LAW.PROVINCIAL.zh}（回溯月数为平台设定；回溯所及的自然年均核年度金额）`,
      en: `${LAW.PROVINCIAL.en} (the look-back is the platform's; every calendar year it reaches is checked for the yearly amount)`,
      source: 'RULES.md §7.4 W08',
    },
  },
]);

/** Projects a wage rule watches: under way or stopped, and completed ones until they are accepted. */
export const WATCHED_PROJECTS = `
  SELECT p.id, p.region_path, p.general_contractor_id FROM projects p
   WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND p.status IN ('in_progress', 'suspended', 'completed')`;

/** `param` of a watched project as SQL: `num('W05.lookbackMonths')` → an int expression on `s.region_path`. */
export const num = (param: string, alias = 's') => `(scan_param($1, '${param}', ${alias}.region_path) #>> '{}')::numeric`;

/** Whole months from the first day of month `from` to that of `to` (dates), as SQL. */
const monthsBetween = (from: string, to: string) =>
  `((extract(year FROM ${to}) - extract(year FROM ${from})) * 12 + extract(month FROM ${to}) - extract(month FROM ${from}))::int`;

/** A boolean `param` of a watched project as SQL. */
const flag = (param: string, alias = 's') => `(scan_param($1, '${param}', ${alias}.region_path) #>> '{}')::boolean`;

/** An open warning's statuses, as the engine's one-open index has them. */
const OPEN = `('generated', 'dispatched', 'acknowledged', 'disposed')`;

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
             (date_trunc('month', $2::date::timestamp) - make_interval(months => 1 + ${num('PAY-02.graceUntil')}::int + k))::date AS month
        FROM s CROSS JOIN generate_series(0, 23) AS k
       WHERE k < ${num('W05.lookbackMonths')}
    ),
    -- Only the judged months' partitions and the filtered projects are read.
    att AS (
      SELECT d.project_id, date_trunc('month', d.work_date::timestamp)::date AS month, count(DISTINCT d.worker_id)::int AS workers, count(*)::int AS worker_days
        FROM attendance_present_days d
       WHERE ($3::uuid[] IS NULL OR d.project_id = ANY ($3::uuid[]))
         AND d.work_date >= (SELECT min(month) FROM months)
         AND d.work_date < (SELECT (max(month) + interval '1 month')::date FROM months)
       GROUP BY 1, 2
    ),
    worked AS (
      SELECT m.project_id, m.month, m.grace, a.workers, a.worker_days
        FROM months m JOIN att a ON a.project_id = m.project_id AND a.month = m.month
    ),
    paid AS (
      SELECT f.project_id, f.month, count(*)::int AS payrolls, sum(f.paid_fen)::bigint AS paid_fen
        FROM payroll_month_facts f JOIN worked w ON w.project_id = f.project_id AND w.month = f.month
       WHERE ($3::uuid[] IS NULL OR f.project_id = ANY ($3::uuid[]))
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

/**
 * W03. The builder pays the labour cost into the wage account at least once every disbursement
 * cycle (ACC-04: a month). The months missed are the calendar months of works after the month of
 * the latest deposit (or after the month works started: the first cycle), up to last month, or to
 * the month works ended or were stopped in. Where the accounts module holds the contract's
 * allocation schedule, a period whose due day has passed and which the deposits to date do not
 * cover (matched oldest first, as the accounts module matches them) is missed too, however often
 * the owner deposited. Yellow once anything is missed; red once the missed months, or the
 * uncovered periods, reach W03.redAfterMonths. The owner (建设单位) answers for it.
 */
export const W03: WarningRule = {
  code: 'W03',
  name: { zh: '人工费未按时拨付', en: 'Labour cost not paid into the wage account on time' },
  watches: {
    zh: '项目施工期间有自然月未向工资专用账户拨付人工费，或人工费分账计划已到期未足额到账',
    en: 'A calendar month of works passed without a labour-cost deposit into the wage account, or a scheduled allocation fell due and is not covered',
  },
  subject: 'project',
  levels: ['yellow', 'red'],
  facts: ['account', 'project'],
  params: ['ACC-04.maxDisbursementCycleMonths', 'W03.redAfterMonths'],
  source: { zh: `${LAW.REG.zh}第24条、第29条、第57条；${LAW.ACCOUNTS.zh}`, en: `${LAW.REG.en}, Arts. 24, 29 and 57; ${LAW.ACCOUNTS.en}` },
  ruleRef: 'RULES.md §7.4 W03; ACC-04, ACC-06',
  consequences: ['order_to_correct', 'payment_suspension', 'credit_downgrade'],
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    w AS MATERIALIZED (
      SELECT s.id AS project_id, p.owner_id, coalesce(p.actual_start, p.planned_start) AS started_on,
             ${num('ACC-04.maxDisbursementCycleMonths')}::int AS cycle, ${num('W03.redAfterMonths')}::int AS red_after,
             -- The last month judged: last month while works go on; the month they ended or were stopped in.
             least(date_trunc('month', $2::date::timestamp - interval '1 month')::date,
                   CASE p.status
                     WHEN 'completed' THEN date_trunc('month', p.actual_end::timestamp)::date
                     WHEN 'suspended' THEN (SELECT date_trunc('month', max(h.at) AT TIME ZONE 'Asia/Shanghai')::date
                                              FROM project_status_history h WHERE h.project_id = p.id AND h.to_status = 'suspended')
                   END) AS last_month
        FROM s JOIN projects p ON p.id = s.id
    ),
    dep AS MATERIALIZED (
      SELECT d.project_id, sum(d.amount_fen)::bigint AS deposited_fen, max(d.booked_on) AS last_on
        FROM w JOIN labor_cost_deposits d ON d.project_id = w.project_id
       WHERE ($3::uuid[] IS NULL OR d.project_id = ANY ($3::uuid[])) AND d.booked_on <= $2::date
       GROUP BY d.project_id
    ),
    -- The months missed run from the month after the latest deposit (or after the month works started).
    gap AS MATERIALIZED (
      SELECT w.*, dep.deposited_fen, dep.last_on, x.first_missed,
             greatest(${monthsBetween('x.first_missed', 'w.last_month')} + 1, 0) AS missed
        FROM w LEFT JOIN dep ON dep.project_id = w.project_id
        CROSS JOIN LATERAL (SELECT (date_trunc('month', greatest(w.started_on, dep.last_on)::timestamp) + interval '1 month')::date AS first_missed) x
    ),
    sched AS (
      SELECT l.project_id, l.due_on,
             sum(l.expected_fen) OVER (PARTITION BY l.project_id ORDER BY l.due_on, l.period_start) AS through_fen
        FROM w JOIN labor_cost_schedule l ON l.project_id = w.project_id
       WHERE ($3::uuid[] IS NULL OR l.project_id = ANY ($3::uuid[]))
    ),
    due AS (
      SELECT a.project_id, max(a.through_fen)::bigint AS expected_fen,
             count(*) FILTER (WHERE a.through_fen > coalesce(dep.deposited_fen, 0))::int AS uncovered,
             min(a.due_on) FILTER (WHERE a.through_fen > coalesce(dep.deposited_fen, 0)) AS first_uncovered_due_on
        FROM sched a LEFT JOIN dep ON dep.project_id = a.project_id
       WHERE a.due_on < $2::date
       GROUP BY a.project_id
    )
    SELECT g.project_id::text AS subject_key, g.project_id, g.owner_id AS enterprise_id,
           (g.missed >= g.cycle OR coalesce(d.uncovered, 0) > 0) AS hit,
           CASE WHEN greatest(g.missed, coalesce(d.uncovered, 0)) >= g.red_after THEN 'red' ELSE 'yellow' END AS level,
           jsonb_build_object('ownerName', e.name, 'worksStartedOn', g.started_on, 'accountOpened', a.account_id IS NOT NULL,
                              'lastDepositOn', g.last_on,
                              'monthsWithoutDeposit', to_jsonb(ARRAY(SELECT to_char(m, 'YYYY-MM') FROM generate_series(g.first_missed::timestamp, g.last_month::timestamp, interval '1 month') AS m)),
                              'depositedFen', coalesce(g.deposited_fen, 0),
                              'allocatedDueFen', coalesce(d.expected_fen, 0),
                              'allocationShortfallFen', greatest(coalesce(d.expected_fen, 0) - coalesce(g.deposited_fen, 0), 0),
                              'uncoveredAllocations', coalesce(d.uncovered, 0), 'firstUncoveredDueOn', d.first_uncovered_due_on,
                              'cycleMonths', g.cycle, 'redAfterMonths', g.red_after) AS evidence
      FROM gap g
      JOIN enterprises e ON e.id = g.owner_id
      LEFT JOIN due d ON d.project_id = g.project_id
      LEFT JOIN wage_account_balances a ON a.project_id = g.project_id`,
};

/**
 * W04. The wage account cannot pay the wages due: its balance (which already holds the deposits
 * booked so far) is below what approved payrolls still owe that fall due by the end of this month,
 * those already overdue included. The same as "balance at the start of the month plus this
 * month's deposits below this month's wages", without counting the deposits twice or the wages
 * already paid from them. One warning per project, carried from month to month while it holds.
 */
export const W04: WarningRule = {
  code: 'W04',
  name: { zh: '人工费不足', en: 'Labour cost insufficient' },
  watches: {
    zh: '工资专用账户余额（含本月已拨付人工费）不足以支付本月到期的应发工资',
    en: 'The wage account’s balance, with this month’s deposits, is below the wages falling due this month',
  },
  subject: 'project',
  levels: ['yellow'],
  facts: ['account', 'payroll', 'payout', 'project'],
  params: [],
  source: { zh: `${LAW.ACCOUNTS.zh}；${LAW.REG.zh}第29条`, en: `${LAW.ACCOUNTS.en}; ${LAW.REG.en}, Art. 29` },
  ruleRef: 'RULES.md §7.4 W04; ACC-04',
  consequences: ['order_to_correct'],
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    w AS MATERIALIZED (
      SELECT s.id AS project_id, p.owner_id, date_trunc('month', $2::date::timestamp)::date AS month_start,
             (date_trunc('month', $2::date::timestamp) + interval '1 month - 1 day')::date AS month_end
        FROM s JOIN projects p ON p.id = s.id
    ),
    owed AS (
      SELECT f.project_id, count(DISTINCT f.payroll_id) FILTER (WHERE f.paid_fen < f.payable_fen)::int AS payrolls,
             min(f.due_on) FILTER (WHERE f.paid_fen < f.payable_fen) AS first_due_on,
             sum(f.payable_fen - least(f.paid_fen, f.payable_fen))::bigint AS unpaid_fen,
             coalesce(sum(f.payable_fen - least(f.paid_fen, f.payable_fen)) FILTER (WHERE f.due_on < w.month_start), 0)::bigint AS overdue_fen
        FROM w JOIN payroll_line_facts f ON f.project_id = w.project_id
       WHERE ($3::uuid[] IS NULL OR f.project_id = ANY ($3::uuid[]))
         AND f.status IN ('approved', 'paying', 'partially_paid') AND f.due_on <= w.month_end
       GROUP BY f.project_id
    ),
    dep AS (
      SELECT d.project_id, sum(d.amount_fen)::bigint AS fen
        FROM w JOIN labor_cost_deposits d ON d.project_id = w.project_id
       WHERE ($3::uuid[] IS NULL OR d.project_id = ANY ($3::uuid[])) AND d.booked_on >= w.month_start AND d.booked_on <= $2::date
       GROUP BY d.project_id
    )
    SELECT w.project_id::text AS subject_key, w.project_id, w.owner_id AS enterprise_id,
           coalesce(o.unpaid_fen, 0) > coalesce(a.balance_fen, 0) AS hit, 'yellow' AS level,
           jsonb_build_object('month', to_char(w.month_start, 'YYYY-MM'), 'ownerName', e.name, 'accountStatus', a.status,
                              'balanceFen', coalesce(a.balance_fen, 0), 'depositsThisMonthFen', coalesce(dep.fen, 0),
                              'wagesDueFen', coalesce(o.unpaid_fen, 0), 'overdueWagesFen', coalesce(o.overdue_fen, 0),
                              'payrolls', coalesce(o.payrolls, 0), 'firstDueOn', o.first_due_on,
                              'shortfallFen', greatest(coalesce(o.unpaid_fen, 0) - coalesce(a.balance_fen, 0), 0)) AS evidence
      FROM w
      JOIN enterprises e ON e.id = w.owner_id
      LEFT JOIN owed o ON o.project_id = w.project_id
      LEFT JOIN wage_account_balances a ON a.project_id = w.project_id
      LEFT JOIN dep ON dep.project_id = w.project_id`,
};

/**
 * W06. Of the workers on site in month M (judged once M's wages are due, as W05), how many were
 * paid anything for M through the account, on any version of any employer's payroll. Yellow when
 * the paid share is below W06.minPaidShare (100%), red when W06.redUnpaidShare (10%) or more went
 * unpaid. The evidence counts the unpaid workers by their employer on the roster.
 */
export const W06: WarningRule = {
  code: 'W06',
  name: { zh: '考勤与发放不符', en: 'Attendance not matched by pay' },
  watches: {
    zh: '当月有考勤的农民工中有人至工资支付期限届满仍未获发工资',
    en: 'Workers who attended in a month were not all paid by the time the month’s wages fell due',
  },
  subject: 'project',
  levels: ['yellow', 'red'],
  facts: ['attendance', 'payroll', 'payout', 'project'],
  params: ['W06.lookbackMonths', 'W06.minPaidShare', 'W06.redUnpaidShare', 'PAY-02.graceUntil'],
  source: { zh: `${LAW.REG.zh}第12条、第31条；${LAW.PROVINCIAL.zh}`, en: `${LAW.REG.en}, Arts. 12 and 31; ${LAW.PROVINCIAL.en}` },
  ruleRef: 'RULES.md §7.4 W06; §7.2 rules 3 and 6',
  consequences: ['order_to_correct', 'credit_downgrade'],
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    months AS MATERIALIZED (
      SELECT s.id AS project_id, ${num('PAY-02.graceUntil')}::int AS grace,
             ${num('W06.minPaidShare')} AS min_paid, ${num('W06.redUnpaidShare')} AS red_unpaid,
             (date_trunc('month', $2::date::timestamp) - make_interval(months => 1 + ${num('PAY-02.graceUntil')}::int + k))::date AS month
        FROM s CROSS JOIN generate_series(0, 23) AS k
       WHERE k < ${num('W06.lookbackMonths')}
    ),
    -- Only the judged months' partitions: the bounds are known before attendance is read.
    att AS (
      SELECT d.project_id, date_trunc('month', d.work_date::timestamp)::date AS month, d.worker_id
        FROM attendance_present_days d
       WHERE ($3::uuid[] IS NULL OR d.project_id = ANY ($3::uuid[]))
         AND d.work_date >= (SELECT min(month) FROM months)
         AND d.work_date < (SELECT (max(month) + interval '1 month')::date FROM months)
       GROUP BY 1, 2, 3
    ),
    paid AS (
      SELECT f.project_id, f.month, f.worker_id
        FROM months m JOIN payroll_line_facts f ON f.project_id = m.project_id AND f.month = m.month
       WHERE ($3::uuid[] IS NULL OR f.project_id = ANY ($3::uuid[]))
       GROUP BY f.project_id, f.month, f.worker_id
      HAVING sum(f.paid_fen) > 0
    ),
    per AS MATERIALIZED (
      SELECT a.project_id, a.month, a.worker_id, pd.worker_id IS NOT NULL AS paid
        FROM att a
        JOIN months m ON m.project_id = a.project_id AND m.month = a.month
        LEFT JOIN paid pd ON pd.project_id = a.project_id AND pd.month = a.month AND pd.worker_id = a.worker_id
    ),
    tally AS (
      SELECT project_id, month, count(*)::int AS attended, count(*) FILTER (WHERE paid)::int AS paid FROM per GROUP BY project_id, month
    ),
    -- Each unpaid worker's employer: their employment on the project begun by the month's end (the latest, if they came back).
    unpaid AS (
      SELECT DISTINCT ON (u.project_id, u.month, u.worker_id) u.project_id, u.month, e.employer_id
        FROM per u
        LEFT JOIN employments e ON e.project_id = u.project_id AND e.worker_id = u.worker_id AND e.entry_date < (u.month + interval '1 month')::date
       WHERE NOT u.paid
       ORDER BY u.project_id, u.month, u.worker_id, e.entry_date DESC
    ),
    unpaid_by AS (
      SELECT x.project_id, x.month,
             jsonb_agg(jsonb_build_object('employerName', en.name, 'unpaidWorkers', x.n) ORDER BY x.n DESC, en.name) AS employers
        FROM (SELECT project_id, month, employer_id, count(*)::int AS n FROM unpaid GROUP BY project_id, month, employer_id) x
        LEFT JOIN enterprises en ON en.id = x.employer_id
       GROUP BY x.project_id, x.month
    )
    SELECT t.project_id || ':' || to_char(t.month, 'YYYY-MM') AS subject_key, t.project_id, NULL::uuid AS enterprise_id,
           (t.paid < t.attended * m.min_paid OR (t.paid < t.attended AND t.attended - t.paid >= t.attended * m.red_unpaid)) AS hit,
           CASE WHEN t.paid < t.attended AND t.attended - t.paid >= t.attended * m.red_unpaid THEN 'red' ELSE 'yellow' END AS level,
           jsonb_build_object('month', to_char(t.month, 'YYYY-MM'),
                              'dueBy', (t.month + make_interval(months => m.grace + 1) - interval '1 day')::date,
                              'attendedWorkers', t.attended, 'paidWorkers', t.paid, 'unpaidWorkers', t.attended - t.paid,
                              'paidShare', round(t.paid::numeric / t.attended, 4), 'unpaidShare', round((t.attended - t.paid)::numeric / t.attended, 4),
                              'unpaidByEmployer', coalesce(u.employers, '[]'::jsonb)) AS evidence
      FROM tally t
      JOIN months m ON m.project_id = t.project_id AND m.month = t.month
      LEFT JOIN unpaid_by u ON u.project_id = t.project_id AND u.month = t.month`,
};

/**
 * W07. A payroll's net pay per head below W07.minAveragePayFen (a local minimum-wage-like floor).
 * By default the floor is prorated by the days each worker worked, against the legal average of
 * paid days a month (PAY-07.monthlyPaidDays, 21.75; a full month or more counts as one), so a crew
 * that joined late is not taken for underpaid; W07.prorateByDays = false applies the floor to each
 * head as the source does. Judged on the approved payroll: the current version, or while a
 * correction is a draft, the version it replaces; payrolls of the last W07.lookbackMonths months.
 */
export const W07: WarningRule = {
  code: 'W07',
  name: { zh: '人均工资过低', en: 'Abnormally low pay' },
  watches: {
    zh: '工资表人均实发工资（按出勤天数折算）低于当地最低工资标准',
    en: 'A payroll’s net pay per head (prorated by the days worked) is below the local minimum wage',
  },
  subject: 'project',
  levels: ['red'],
  facts: ['payroll', 'project'],
  params: ['W07.minAveragePayFen', 'W07.prorateByDays', 'W07.lookbackMonths', 'PAY-07.monthlyPaidDays'],
  source: { zh: `${LAW.REG.zh}第34条；${LAW.PROVINCIAL.zh}`, en: `${LAW.REG.en}, Art. 34; ${LAW.PROVINCIAL.en}` },
  ruleRef: 'RULES.md §7.4 W07; §7.2 rule 2',
  consequences: ['order_to_correct', 'credit_downgrade'],
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    w AS MATERIALIZED (
      SELECT s.id AS project_id, ${num('W07.minAveragePayFen')}::bigint AS floor_fen, ${flag('W07.prorateByDays')} AS prorate,
             round(${num('PAY-07.monthlyPaidDays')} * 100)::int AS month_days_x100,
             (date_trunc('month', $2::date::timestamp) - make_interval(months => ${num('W07.lookbackMonths')}::int))::date AS from_month
        FROM s
    ),
    pay AS (
      SELECT f.project_id, f.employer_id, f.month, f.version, f.status, w.floor_fen, w.prorate, w.month_days_x100,
             count(*) FILTER (WHERE f.days_worked > 0 OR f.net_fen > 0)::int AS heads,
             sum(f.days_worked)::int AS worker_days, sum(f.net_fen)::bigint AS net_fen,
             sum(least(f.days_worked * 100, w.month_days_x100))::bigint AS days_x100
        FROM w JOIN payroll_line_facts f ON f.project_id = w.project_id AND f.month >= w.from_month AND f.judged
       WHERE ($3::uuid[] IS NULL OR f.project_id = ANY ($3::uuid[]))
       GROUP BY f.project_id, f.employer_id, f.month, f.version, f.status, w.floor_fen, w.prorate, w.month_days_x100
    ),
    judged AS (
      SELECT p.*, (CASE WHEN p.prorate THEN ceil(p.floor_fen::numeric * p.days_x100 / p.month_days_x100) ELSE p.floor_fen * p.heads END)::bigint AS required_fen
        FROM pay p WHERE p.heads > 0
    )
    SELECT j.project_id || ':' || j.employer_id || ':' || to_char(j.month, 'YYYY-MM') AS subject_key, j.project_id, j.employer_id AS enterprise_id,
           j.net_fen < j.required_fen AS hit, 'red' AS level,
           jsonb_build_object('month', to_char(j.month, 'YYYY-MM'), 'employerName', e.name, 'payrollVersion', j.version, 'payrollStatus', j.status,
                              'workers', j.heads, 'workerDays', j.worker_days, 'netFen', j.net_fen, 'averageNetFen', j.net_fen / j.heads,
                              'fullMonthEquivalents', round(j.days_x100::numeric / j.month_days_x100, 2),
                              'averageNetPerFullMonthFen', CASE WHEN j.days_x100 > 0 THEN floor(j.net_fen::numeric * j.month_days_x100 / j.days_x100)::bigint END,
                              'minAveragePayFen', j.floor_fen, 'proratedByDays', j.prorate, 'requiredFen', j.required_fen,
                              'shortfallFen', greatest(j.required_fen - j.net_fen, 0)) AS evidence
      FROM judged j JOIN enterprises e ON e.id = j.employer_id`,
};

/**
 * W08. One worker's pay on one project above W08.monthlyCapFen in a month, or above
 * W08.yearlyCapFen in a calendar year: a suspected diversion or a fake payee. A worker's pay for
 * a month is, from each employer, the larger of the approved net pay (the judged version, as W07)
 * and what the bank paid on every version, so it is caught before the money leaves and still
 * counts after a correction. Months of the last W08.lookbackMonths, and each calendar year they
 * reach, are judged. Periods under their cap come back only while a warning on them is open: the
 * others would come back not hit and change nothing, and there is one for every worker.
 */
export const W08: WarningRule = {
  code: 'W08',
  name: { zh: '个人工资异常偏高', en: 'Abnormally high individual pay' },
  watches: {
    zh: '同一农民工在同一项目月工资或自然年工资超过阈值（疑似套取资金或虚假发放对象）',
    en: 'One worker’s pay on a project above the monthly or yearly threshold (suspected diversion or a fake payee)',
  },
  subject: 'project',
  levels: ['red'],
  facts: ['payroll', 'payout', 'project'],
  params: ['W08.monthlyCapFen', 'W08.yearlyCapFen', 'W08.lookbackMonths'],
  source: { zh: `${LAW.REG.zh}第11条、第31条；${LAW.ACCOUNTS.zh}；${LAW.PROVINCIAL.zh}`, en: `${LAW.REG.en}, Arts. 11 and 31; ${LAW.ACCOUNTS.en}; ${LAW.PROVINCIAL.en}` },
  ruleRef: 'RULES.md §7.4 W08; §7.2 rule 4',
  consequences: ['order_to_correct', 'payment_suspension', 'credit_downgrade'],
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    w AS MATERIALIZED (
      SELECT s.id AS project_id, ${num('W08.monthlyCapFen')}::bigint AS month_cap, ${num('W08.yearlyCapFen')}::bigint AS year_cap, x.from_month,
             date_trunc('year', x.from_month::timestamp)::date AS year_from
        FROM s CROSS JOIN LATERAL (
          SELECT (date_trunc('month', $2::date::timestamp) - make_interval(months => ${num('W08.lookbackMonths')}::int))::date AS from_month
        ) x
    ),
    -- A worker's pay on the project by month: from each employer, the larger of the approved net pay and what was paid.
    pm AS MATERIALIZED (
      SELECT x.project_id, x.worker_id, x.month, sum(x.net_fen)::bigint AS net_fen, sum(x.paid_fen)::bigint AS paid_fen,
             sum(greatest(x.net_fen, x.paid_fen))::bigint AS amount_fen
        FROM (SELECT f.project_id, f.worker_id, f.month, f.employer_id,
                     coalesce(sum(f.net_fen) FILTER (WHERE f.judged), 0) AS net_fen, sum(f.paid_fen) AS paid_fen
                FROM w JOIN payroll_line_facts f ON f.project_id = w.project_id AND f.status <> 'draft' AND f.month >= w.year_from
               WHERE ($3::uuid[] IS NULL OR f.project_id = ANY ($3::uuid[]))
               GROUP BY f.project_id, f.worker_id, f.month, f.employer_id) x
       GROUP BY x.project_id, x.worker_id, x.month
    ),
    -- The periods of the open warnings (subject 'project:worker:YYYY-MM' or ':YYYY').
    open_w AS (
      SELECT split_part(o.subject_key, ':', 1)::uuid AS project_id, split_part(o.subject_key, ':', 2)::uuid AS worker_id,
             CASE WHEN length(split_part(o.subject_key, ':', 3)) = 7 THEN (split_part(o.subject_key, ':', 3) || '-01')::date END AS month,
             CASE WHEN length(split_part(o.subject_key, ':', 3)) = 4 THEN (split_part(o.subject_key, ':', 3) || '-01-01')::date END AS year
        FROM warnings o WHERE o.rule_code = 'W08' AND o.status IN ${OPEN}
    ),
    by_month AS (
      SELECT pm.project_id, pm.worker_id, 'month' AS period_kind, pm.month AS period_start, w.month_cap AS cap_fen,
             pm.net_fen, pm.paid_fen, pm.amount_fen, (pm.amount_fen > 0)::int AS months
        FROM pm JOIN w ON w.project_id = pm.project_id
       WHERE pm.month >= w.from_month
         AND (pm.amount_fen > w.month_cap OR (pm.project_id, pm.worker_id, pm.month) IN (SELECT project_id, worker_id, month FROM open_w))
    ),
    -- A year passes its cap only if one of its (at most twelve) months passes a twelfth of it.
    year_candidates AS (
      SELECT pm.project_id, pm.worker_id, date_trunc('year', pm.month::timestamp)::date AS year
        FROM pm JOIN w ON w.project_id = pm.project_id WHERE pm.amount_fen * 12 > w.year_cap
      UNION
      SELECT project_id, worker_id, year FROM open_w WHERE year IS NOT NULL
    ),
    by_year AS (
      SELECT c.project_id, c.worker_id, 'year', c.year, w.year_cap, sum(pm.net_fen)::bigint, sum(pm.paid_fen)::bigint, sum(pm.amount_fen)::bigint,
             count(*) FILTER (WHERE pm.amount_fen > 0)::int
        FROM year_candidates c
        JOIN w ON w.project_id = c.project_id
        JOIN pm ON pm.project_id = c.project_id AND pm.worker_id = c.worker_id AND pm.month >= c.year AND pm.month < (c.year + interval '1 year')::date
       GROUP BY c.project_id, c.worker_id, c.year, w.year_cap
    ),
    periods AS (SELECT * FROM by_month UNION ALL SELECT * FROM by_year)
    SELECT x.project_id || ':' || x.worker_id || ':' || x.period AS subject_key, x.project_id, emp.ids[1] AS enterprise_id,
           x.amount_fen > x.cap_fen AS hit, 'red' AS level,
           jsonb_build_object('period', x.period, 'periodKind', x.period_kind, 'workerName', n.name, 'employerNames', emp.names,
                              'amountFen', x.amount_fen, 'netFen', x.net_fen, 'paidFen', x.paid_fen, 'capFen', x.cap_fen,
                              'monthsPaid', x.months) AS evidence
      FROM (SELECT p.*, to_char(p.period_start, CASE p.period_kind WHEN 'month' THEN 'YYYY-MM' ELSE 'YYYY' END) AS period,
                   (p.period_start + CASE p.period_kind WHEN 'month' THEN interval '1 month' ELSE interval '1 year' END)::date AS period_end
              FROM periods p) x
      JOIN worker_names n ON n.worker_id = x.worker_id
      -- The employers who paid the worker in the period, who paid most first.
      CROSS JOIN LATERAL (
        SELECT array_agg(y.employer_id ORDER BY y.fen DESC, y.employer_id) AS ids, jsonb_agg(e.name ORDER BY y.fen DESC, y.employer_id) AS names
          FROM (SELECT f.employer_id, sum(CASE WHEN f.judged THEN f.net_fen ELSE 0 END + f.paid_fen) AS fen
                  FROM payroll_line_facts f
                 WHERE f.project_id = x.project_id AND f.worker_id = x.worker_id AND f.status <> 'draft'
                   AND f.month >= x.period_start AND f.month < x.period_end
                 GROUP BY f.employer_id) y
          JOIN enterprises e ON e.id = y.employer_id
      ) emp`,
};

export const MONEY_RULES: WarningRule[] = [W03, W04, W05, W06, W07, W08];
