import { defineParams } from '../../../platform/params/params.registry';
// PAY-07.monthlyPaidDays and PAY-07.workerSignOff are the payroll module's; a scan loads them from there.
import '../../payroll/payroll.params';
import type { WarningRule } from '../warnings.catalogue';
import { LAW } from '../warnings.params';
import { WATCHED_PROJECTS, num } from './money';

/**
 * The platform's own rules on 总包代发 and the wage account (the issue's W18–W20, W24–W26): bank
 * payouts that failed and stay failed, payroll lines the workers have not signed, a subcontractor's
 * workers left out of the account's payouts, money leaving the account other than as wages, wages
 * owed as 春节 nears, and a forecast of the account falling short on the next payday. They read
 * the views of migrations 0010, 0012 and 0013. Paydays are the agreed day of the month (projects.payday,
 * else the month's last day): the SQL has no holiday calendar, so PAY-03's move to the working day
 * before is not applied here — a rule judged "after the payday" judges at most a few days late, never early.
 */

/** Handled failures of the last months stay watched (hit or not), so a resolution carries its evidence. */
const FAILURE_WATCH_MONTHS = 12;
/** A payroll that left draft stays watched this many days, so a warning raised on the draft resolves with its evidence. */
const LEFT_DRAFT_WATCH_DAYS = 31;
/**
 * The most months a look-back can span (W05.lookbackMonths ≤ 24, PAY-02.graceUntil ≤ 1): month
 * offsets come from a series of constant length, filtered by the region's values, so the planner
 * estimates a few rows per project rather than a thousand.
 */
const MAX_MONTH_OFFSETS = 25;

const ISSUE = (code: string) => `issue: platform rule ${code} (beyond RULES.md §7.4 W01–W17)`;

defineParams([
  {
    id: 'W18.afterWD',
    module: 'warnings',
    name: { zh: '代发失败未处理预警（失败后工作日）', en: 'Failed payout not handled after' },
    type: 'duration_wd',
    unit: { zh: '个工作日', en: 'working days' },
    default: 3,
    min: 0,
    max: 30,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第31条（总包代发至农民工本人账户；时限为平台设定）`, en: `${LAW.REG.en}, Art. 31 (paid into each worker's own account; the limit is the platform's)`, source: `${ISSUE('W18')}; RULES.md PAY-08` },
  },
  {
    id: 'W18.redAfterWD',
    module: 'warnings',
    name: { zh: '代发失败未处理升为红色（失败后工作日）', en: 'Failed payout not handled: red after' },
    type: 'duration_wd',
    unit: { zh: '个工作日', en: 'working days' },
    default: 10,
    min: 1,
    max: 60,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第12条、第31条（时限为平台设定）`, en: `${LAW.REG.en}, Arts. 12 and 31 (the limit is the platform's)`, source: `${ISSUE('W18')}; RULES.md PAY-08` },
  },
  {
    id: 'W19.afterDays',
    module: 'warnings',
    name: { zh: '工资表未经农民工确认预警（月末后天数）', en: 'Payroll lines unsigned by workers after the month end' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 5,
    min: 0,
    max: 31,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第31条（工资支付表经农民工本人签字确认；天数为平台设定）`, en: `${LAW.REG.en}, Art. 31 (each worker signs the wage sheet; the days are the platform's)`, source: `${ISSUE('W19')}; RULES.md PAY-07` },
  },
  {
    id: 'W24.daysBeforeSpringFestival',
    module: 'warnings',
    name: { zh: '春节前欠薪倒计时预警起始（春节前天数）', en: 'Wages owed before 春节: warn from this many days before' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 30,
    min: 1,
    max: 120,
    regionOverridable: true,
    citation: { zh: `${LAW.REG.zh}第12条；根治欠薪冬季专项行动（春节前欠薪动态清零）`, en: `${LAW.REG.en}, Art. 12; the winter campaign (arrears cleared before 春节)`, source: `${ISSUE('W24')}; seeds 001–002` },
  },
  {
    id: 'W24.redDaysBefore',
    module: 'warnings',
    name: { zh: '春节前欠薪倒计时升为红色（春节前天数）', en: 'Wages owed before 春节: red from this many days before' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 10,
    min: 0,
    max: 60,
    regionOverridable: true,
    citation: { zh: `${LAW.REG.zh}第12条；根治欠薪冬季专项行动`, en: `${LAW.REG.en}, Art. 12; the winter campaign`, source: `${ISSUE('W24')}; seeds 001–002` },
  },
  {
    id: 'W25.horizonDays',
    module: 'warnings',
    name: { zh: '发薪日前人工费缺口预测提前天数', en: 'Days before the payday a labour-cost gap is forecast' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 10,
    min: 1,
    max: 31,
    regionOverridable: true,
    citation: { zh: `${LAW.REG.zh}第24条、第29条；${LAW.ACCOUNTS.zh}（人工费须足额按月拨付）`, en: `${LAW.REG.en}, Arts. 24 and 29; ${LAW.ACCOUNTS.en} (labour cost in full every month)`, source: `${ISSUE('W25')}; RULES.md ACC-04` },
  },
  {
    id: 'W26.lookbackDays',
    module: 'warnings',
    name: { zh: '专户非工资支出预警回溯天数', en: 'Days looked back for non-wage debits of the wage account' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 30,
    min: 1,
    max: 366,
    regionOverridable: true,
    citation: { zh: `${LAW.ACCOUNTS.zh}；${LAW.REG.zh}第26条、第33条`, en: `${LAW.ACCOUNTS.en}; ${LAW.REG.en}, Arts. 26 and 33`, source: `${ISSUE('W26')}; RULES.md ACC-05` },
  },
]);

/** The date `param` (a duration_wd) working days before today, for the region of `alias`; null beyond the holiday calendar. */
const workingDaysAgo = (param: string, alias: string) => `($4 -> 'workingDaysAgo' ->> (${num(param, alias)})::int::text)::date`;

/** PAY-02: the agreed payday in the month that starts on `month` (a date): `payday`, or the month's last day when null or past it. */
const agreedPayday = (month: string, payday: string) =>
  `(${month} + (least(coalesce(${payday}, 31), extract(day FROM ${month} + interval '1 month' - interval '1 day')::int) - 1))`;

const shanghaiDay = (instant: string) => `(${instant} AT TIME ZONE 'Asia/Shanghai')::date`;

export const W18: WarningRule = {
  code: 'W18',
  name: { zh: '代发失败未处理', en: 'Failed payout not handled' },
  watches: {
    zh: '银行代发失败的工资行，失败后规定工作日内未重新发放',
    en: 'A payroll line whose bank payout failed and was not sent again within the working days allowed',
  },
  subject: 'project',
  levels: ['orange', 'red'],
  facts: ['payout', 'payroll', 'project'],
  params: ['W18.afterWD', 'W18.redAfterWD'],
  source: { zh: `${LAW.REG.zh}第12条、第31条`, en: `${LAW.REG.en}, Arts. 12 and 31` },
  ruleRef: `${ISSUE('W18')}; RULES.md PAY-08`,
  consequences: ['order_to_correct'],
  // One subject per employer and month (the current payroll version): a line's failure is open
  // while nothing was sent after it, and counts from the day of its latest failed attempt. A
  // failure on a version since corrected is carried by the correction, which pays the rest.
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    f AS (
      SELECT s.region_path, f.project_id, f.employer_id, f.month, f.payroll_line_id, f.amount_fen, f.failure_reason,
             f.open AND f.payroll_status <> 'superseded' AS open, ${shanghaiDay('f.result_at')} AS failed_on
        FROM s JOIN payout_failure_facts f ON f.project_id = s.id
    ),
    m AS (
      SELECT f.project_id, f.employer_id, f.month,
             ${workingDaysAgo('W18.afterWD', 'f')} AS orange_before, ${workingDaysAgo('W18.redAfterWD', 'f')} AS red_before,
             count(*) FILTER (WHERE f.open)::int AS failed_lines,
             count(*) FILTER (WHERE f.open AND f.failed_on < ${workingDaysAgo('W18.afterWD', 'f')})::int AS overdue_lines,
             coalesce(sum(f.amount_fen) FILTER (WHERE f.open), 0)::bigint AS failed_fen,
             min(f.failed_on) FILTER (WHERE f.open) AS oldest_on,
             coalesce(array_agg(DISTINCT f.failure_reason) FILTER (WHERE f.open AND f.failure_reason IS NOT NULL), '{}') AS reasons,
             count(DISTINCT f.payroll_line_id)::int AS lines_ever_failed
        FROM f
       GROUP BY f.project_id, f.employer_id, f.month, f.region_path
      HAVING bool_or(f.open) OR f.month >= (date_trunc('month', $2::date) - interval '${FAILURE_WATCH_MONTHS} months')::date
    )
    SELECT m.project_id || ':' || m.employer_id || ':' || to_char(m.month, 'YYYY-MM') AS subject_key, m.project_id, m.employer_id AS enterprise_id,
           coalesce(m.oldest_on < m.orange_before, false) AS hit,
           CASE WHEN m.oldest_on < m.red_before THEN 'red' ELSE 'orange' END AS level,
           jsonb_build_object('month', to_char(m.month, 'YYYY-MM'), 'employerName', e.name,
                              'failedLines', m.failed_lines, 'overdueLines', m.overdue_lines, 'failedFen', m.failed_fen,
                              'oldestFailureOn', m.oldest_on, 'reasons', to_jsonb(m.reasons), 'linesEverFailed', m.lines_ever_failed) AS evidence
      FROM m LEFT JOIN enterprises e ON e.id = m.employer_id`,
};

export const W19: WarningRule = {
  code: 'W19',
  name: { zh: '工资表未经农民工确认', en: 'Payroll not confirmed by the workers' },
  watches: {
    zh: '工资表（编制中）月末后规定天数仍有工资行未经农民工本人确认，或有异议未更正',
    en: 'A draft payroll still has lines its workers have not confirmed, or disputed and not corrected, some days after the month end',
  },
  subject: 'project',
  levels: ['yellow'],
  facts: ['payroll', 'project'],
  params: ['W19.afterDays', 'PAY-07.workerSignOff'],
  source: { zh: `${LAW.REG.zh}第31条、第56条`, en: `${LAW.REG.en}, Arts. 31 and 56` },
  ruleRef: `${ISSUE('W19')}; RULES.md PAY-07`,
  consequences: ['order_to_correct'],
  // One subject per employer and month (the current version). A line needs its worker's signature
  // when it pays for days or money (as approval requires); a disputed line stays disputed until
  // it is corrected, which asks the worker again. Drafts are watched, and payrolls that left draft
  // lately (approval needs the signatures, so approving clears the warning with its evidence).
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    pr AS (
      SELECT s.region_path, l.project_id, l.employer_id, l.month, l.version, l.status AS payroll_status,
             count(*) FILTER (WHERE l.needs_confirmation)::int AS lines_to_sign,
             count(*) FILTER (WHERE l.needs_confirmation AND l.confirmation = 'pending')::int AS unconfirmed,
             count(*) FILTER (WHERE l.confirmation = 'disputed')::int AS disputed,
             coalesce(sum(l.net_fen) FILTER (WHERE (l.needs_confirmation AND l.confirmation = 'pending') OR l.confirmation = 'disputed'), 0)::bigint AS unsigned_fen
        FROM s JOIN payroll_line_signoffs l ON l.project_id = s.id
       WHERE l.status = 'draft'
          OR (l.status <> 'superseded' AND l.payroll_updated_at >= $2::date - ${LEFT_DRAFT_WATCH_DAYS})
       GROUP BY s.region_path, l.project_id, l.employer_id, l.month, l.version, l.status
    ),
    d AS (
      SELECT pr.*, (pr.month + interval '1 month')::date - 1 + ${num('W19.afterDays', 'pr')}::int AS confirm_by,
             (scan_param($1, 'PAY-07.workerSignOff', pr.region_path) #>> '{}')::boolean AS sign_off
        FROM pr
    )
    SELECT d.project_id || ':' || d.employer_id || ':' || to_char(d.month, 'YYYY-MM') AS subject_key, d.project_id, d.employer_id AS enterprise_id,
           d.payroll_status = 'draft' AND d.sign_off AND d.unconfirmed + d.disputed > 0 AND $2::date > d.confirm_by AS hit,
           'yellow' AS level,
           jsonb_build_object('month', to_char(d.month, 'YYYY-MM'), 'employerName', e.name, 'payrollVersion', d.version,
                              'payrollStatus', d.payroll_status, 'confirmBy', d.confirm_by, 'linesToSign', d.lines_to_sign,
                              'unconfirmedLines', d.unconfirmed, 'disputedLines', d.disputed, 'unconfirmedFen', d.unsigned_fen) AS evidence
      FROM d LEFT JOIN enterprises e ON e.id = d.employer_id`,
};

export const W20: WarningRule = {
  code: 'W20',
  name: { zh: '分包单位未通过专户发放', en: 'Subcontractor not paid through the wage account' },
  watches: {
    zh: '分包单位的农民工当月出勤，至工资支付日仍无一人经工资专用账户代发，而项目专户已为其他单位代发',
    en: "A subcontractor's workers attended in a month and none was paid through the wage account by the payday, while the account paid others",
  },
  subject: 'project',
  levels: ['red'],
  facts: ['attendance', 'employment', 'payroll', 'payout', 'project'],
  params: ['PAY-02.graceUntil', 'W05.lookbackMonths'],
  source: { zh: `${LAW.REG.zh}第30条、第31条；${LAW.ACCOUNTS.zh}`, en: `${LAW.REG.en}, Arts. 30 and 31; ${LAW.ACCOUNTS.en}` },
  ruleRef: `${ISSUE('W20')}; RULES.md PAY-08, LIA-01`,
  consequences: ['order_to_correct', 'credit_downgrade'],
  // One subject per project, subcontractor on its roster and month, from the latest month whose
  // payday (the agreed day of the month PAY-02's grace later) has passed back W05's look-back, once
  // the account paid someone for that month (when it paid nobody, the month is W05's). Only the
  // subcontractors it paid nothing have their days on site read, each day for the employer whose
  // employment covers it; a subcontractor paid for the month is watched with its payment as evidence.
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    pp AS MATERIALIZED (
      SELECT s.id AS project_id, s.general_contractor_id, p.payday,
             ${num('PAY-02.graceUntil')}::int AS grace, ${num('W05.lookbackMonths')}::int AS lookback
        FROM s JOIN projects p ON p.id = s.id
    ),
    months AS (
      SELECT pp.project_id, pp.general_contractor_id, m.month,
             ${agreedPayday('(m.month + make_interval(months => pp.grace))::date', 'pp.payday')} AS due_by
        FROM pp
        CROSS JOIN generate_series(0, ${MAX_MONTH_OFFSETS}) AS k
        CROSS JOIN LATERAL (SELECT (date_trunc('month', $2::date) - make_interval(months => pp.grace + k))::date AS month) m
       WHERE k <= pp.lookback
    ),
    paid AS (
      SELECT d.project_id, d.month, f.employer_id, sum(f.paid_fen)::bigint AS paid_fen,
             min(f.status) FILTER (WHERE f.status <> 'superseded') AS status
        FROM months d JOIN payroll_month_facts f ON f.project_id = d.project_id AND f.month = d.month
       WHERE d.due_by < $2::date
       GROUP BY d.project_id, d.month, f.employer_id
    ),
    paying AS (
      SELECT d.project_id, d.general_contractor_id, d.month, d.due_by, t.employers, t.paid_fen
        FROM months d
        JOIN (SELECT pd.project_id, pd.month, count(*)::int AS employers, sum(pd.paid_fen)::bigint AS paid_fen
                FROM paid pd WHERE pd.paid_fen > 0 GROUP BY pd.project_id, pd.month) t ON t.project_id = d.project_id AND t.month = d.month
    ),
    subs AS (
      SELECT DISTINCT d.project_id, d.month, d.due_by, d.employers AS paid_employers, d.paid_fen AS project_paid_fen, e.employer_id
        FROM paying d
        JOIN employment_wage_terms e ON e.project_id = d.project_id AND e.employer_id <> d.general_contractor_id
                                    AND e.entry_date < (d.month + interval '1 month')::date AND (e.exit_date IS NULL OR e.exit_date >= d.month)
    ),
    worked AS (
      SELECT u.project_id, u.month, u.employer_id, count(DISTINCT a.worker_id)::int AS workers, count(*)::int AS worker_days
        FROM subs u
        JOIN employment_wage_terms e ON e.project_id = u.project_id AND e.employer_id = u.employer_id
                                    AND e.entry_date < (u.month + interval '1 month')::date AND (e.exit_date IS NULL OR e.exit_date >= u.month)
        JOIN attendance_present_days a ON a.project_id = e.project_id AND a.worker_id = e.worker_id
                                      AND a.work_date >= greatest(u.month, e.entry_date) AND a.work_date < (u.month + interval '1 month')::date
                                      AND (e.exit_date IS NULL OR a.work_date <= e.exit_date)
       WHERE NOT EXISTS (SELECT 1 FROM paid pd WHERE pd.project_id = u.project_id AND pd.month = u.month AND pd.employer_id = u.employer_id AND pd.paid_fen > 0)
       GROUP BY u.project_id, u.month, u.employer_id
    )
    SELECT u.project_id || ':' || u.employer_id || ':' || to_char(u.month, 'YYYY-MM') AS subject_key, u.project_id, u.employer_id AS enterprise_id,
           coalesce(own.paid_fen, 0) = 0 AND coalesce(wk.workers, 0) > 0 AS hit, 'red' AS level,
           jsonb_build_object('month', to_char(u.month, 'YYYY-MM'), 'dueBy', u.due_by, 'employerName', e.name,
                              'attendedWorkers', coalesce(wk.workers, 0), 'workerDays', coalesce(wk.worker_days, 0), 'payrollStatus', own.status,
                              'paidFen', coalesce(own.paid_fen, 0),
                              'otherEmployersPaid', u.paid_employers - CASE WHEN own.paid_fen > 0 THEN 1 ELSE 0 END,
                              'othersPaidFen', u.project_paid_fen - coalesce(own.paid_fen, 0)) AS evidence
      FROM subs u
      LEFT JOIN paid own ON own.project_id = u.project_id AND own.month = u.month AND own.employer_id = u.employer_id
      LEFT JOIN worked wk ON wk.project_id = u.project_id AND wk.month = u.month AND wk.employer_id = u.employer_id
      LEFT JOIN enterprises e ON e.id = u.employer_id`,
};

export const W24: WarningRule = {
  code: 'W24',
  name: { zh: '春节前欠薪倒计时', en: 'Wages owed as 春节 nears' },
  watches: {
    zh: '春节前规定天数内，项目仍有已审核未发放的工资、有出勤而无代发的月份，或未结的欠薪记录',
    en: 'Within some days of 春节 the project still has approved wages unpaid, months worked with nothing paid, or open arrears',
  },
  subject: 'project',
  levels: ['orange', 'red'],
  facts: ['attendance', 'payroll', 'payout', 'arrears', 'project'],
  params: ['W24.daysBeforeSpringFestival', 'W24.redDaysBefore', 'PAY-02.graceUntil', 'W05.lookbackMonths'],
  source: { zh: `${LAW.REG.zh}第12条、第30条；根治欠薪冬季专项行动`, en: `${LAW.REG.en}, Arts. 12 and 30; the winter campaign against arrears` },
  ruleRef: `${ISSUE('W24')}; seeds 001–002 (冬季专项行动)`,
  consequences: ['order_to_correct', 'credit_downgrade'],
  // One subject per project and 春节; watched only inside the countdown, so it leaves the watch
  // once the festival is past. Months worked are W05's window reaching up to last month (no grace:
  // wages are wanted before the festival, not on the payday after it).
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    w AS (
      SELECT s.id AS project_id, ($4 ->> 'springFestival')::date AS festival, ($4 ->> 'springFestival')::date - $2::date AS days_left,
             ${num('W24.redDaysBefore')}::int AS red_days,
             ${num('PAY-02.graceUntil')}::int + ${num('W05.lookbackMonths')}::int AS months_back
        FROM s
       WHERE ($4 ->> 'springFestival')::date - $2::date BETWEEN 0 AND ${num('W24.daysBeforeSpringFestival')}::int
    ),
    months AS (
      SELECT w.project_id, (date_trunc('month', $2::date) - make_interval(months => 1 + k))::date AS month
        FROM w CROSS JOIN generate_series(0, ${MAX_MONTH_OFFSETS}) AS k
       WHERE k < w.months_back
    ),
    unpaid_months AS (
      SELECT m.project_id, jsonb_agg(jsonb_build_object('month', to_char(m.month, 'YYYY-MM'), 'workers', wk.workers) ORDER BY m.month) AS months
        FROM (SELECT m.* FROM months m
               WHERE NOT EXISTS (SELECT 1 FROM payroll_month_facts f WHERE f.project_id = m.project_id AND f.month = m.month AND f.paid_fen > 0)) m
        CROSS JOIN LATERAL (
          SELECT count(DISTINCT a.worker_id)::int AS workers FROM attendance_present_days a
           WHERE a.project_id = m.project_id AND a.work_date >= m.month AND a.work_date < (m.month + interval '1 month')::date
        ) wk
       WHERE wk.workers > 0
       GROUP BY m.project_id
    ),
    unpaid_lines AS (
      SELECT l.project_id, count(*)::int AS lines, count(DISTINCT l.worker_id)::int AS workers, sum(l.payable_fen - l.paid_fen)::bigint AS fen
        FROM w JOIN payroll_line_facts l ON l.project_id = w.project_id
       WHERE l.status IN ('approved', 'paying', 'partially_paid') AND l.payable_fen > l.paid_fen
       GROUP BY l.project_id
    ),
    arrears AS (
      SELECT a.project_id, count(*)::int AS findings, sum(a.amount_fen)::bigint AS fen, min(a.found_on) AS oldest_on
        FROM w JOIN project_open_arrears a ON a.project_id = w.project_id
       GROUP BY a.project_id
    )
    SELECT w.project_id || ':' || to_char(w.festival, 'YYYY-MM-DD') AS subject_key, w.project_id, NULL::uuid AS enterprise_id,
           (ul.lines IS NOT NULL OR um.months IS NOT NULL OR ar.findings IS NOT NULL) AS hit,
           CASE WHEN w.days_left <= w.red_days THEN 'red' ELSE 'orange' END AS level,
           jsonb_build_object('springFestival', w.festival, 'daysLeft', w.days_left,
                              'unpaidLines', coalesce(ul.lines, 0), 'unpaidWorkers', coalesce(ul.workers, 0), 'unpaidFen', coalesce(ul.fen, 0),
                              'unpaidMonths', coalesce(um.months, '[]'::jsonb),
                              'openArrears', coalesce(ar.findings, 0), 'openArrearsFen', coalesce(ar.fen, 0), 'oldestArrearsOn', ar.oldest_on) AS evidence
      FROM w
      LEFT JOIN unpaid_lines ul ON ul.project_id = w.project_id
      LEFT JOIN unpaid_months um ON um.project_id = w.project_id
      LEFT JOIN arrears ar ON ar.project_id = w.project_id`,
};

export const W25: WarningRule = {
  code: 'W25',
  name: { zh: '发薪日前人工费缺口预测', en: 'Labour-cost gap forecast before the payday' },
  watches: {
    zh: '发薪日前规定天数内，预计应发工资超过专户余额与发薪日前到期的人工费拨付之和',
    en: 'Within some days of the payday, the wages expected exceed the account balance plus the labour cost due in before it',
  },
  subject: 'project',
  levels: ['orange'],
  facts: ['attendance', 'employment', 'payroll', 'payout', 'account', 'project'],
  params: ['W25.horizonDays', 'PAY-02.graceUntil', 'PAY-07.monthlyPaidDays'],
  source: { zh: `${LAW.REG.zh}第24条、第29条；${LAW.ACCOUNTS.zh}`, en: `${LAW.REG.en}, Arts. 24 and 29; ${LAW.ACCOUNTS.en}` },
  ruleRef: `${ISSUE('W25')}; RULES.md ACC-04`,
  consequences: ['order_to_correct'],
  // One subject per project and payday, watched once the payday is within the horizon; projects
  // with an open wage account only (no account is W02's). The payday pays the wages of the month
  // PAY-02's grace earlier (wageDueOn). The forecast, employer by employer: what its current
  // payroll for that month still has to pay; without one, its workers' days on site that month
  // so far on their wage terms (a day rate × days; a monthly wage pro rata to PAY-07's paid days,
  // at most the month's; a piece rate: the worker's last payroll line). With neither on the whole
  // project: its last payroll's net. Expected in before the payday: the labour-cost allocations due
  // from today to the payday that the deposits to date leave uncovered (overdue ones are W03's and
  // are not counted on).
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    pd AS (
      SELECT s.id AS project_id, s.region_path, ${num('PAY-02.graceUntil')}::int AS grace,
             CASE WHEN ${agreedPayday("date_trunc('month', $2::date)::date", 'p.payday')} >= $2::date
                  THEN ${agreedPayday("date_trunc('month', $2::date)::date", 'p.payday')}
                  ELSE ${agreedPayday("(date_trunc('month', $2::date) + interval '1 month')::date", 'p.payday')} END AS payday
        FROM s JOIN projects p ON p.id = s.id
    ),
    h AS (
      SELECT pd.project_id, pd.region_path, pd.payday, pd.payday - $2::date AS days_to_payday,
             (date_trunc('month', pd.payday) - make_interval(months => pd.grace))::date AS wage_month, a.balance_fen,
             round(${num('PAY-07.monthlyPaidDays', 'pd')} * 100)::bigint AS paid_hundredths
        FROM pd JOIN wage_account_balances a ON a.project_id = pd.project_id
       WHERE pd.payday - $2::date <= ${num('W25.horizonDays', 'pd')}::int
    ),
    on_payroll AS (
      SELECT h.project_id, l.employer_id, sum(greatest(l.payable_fen - l.paid_fen, 0))::bigint AS fen
        FROM h JOIN payroll_line_facts l ON l.project_id = h.project_id AND l.month = h.wage_month AND l.status <> 'superseded'
       GROUP BY h.project_id, l.employer_id
    ),
    roster AS MATERIALIZED (
      SELECT h.project_id, h.wage_month, h.paid_hundredths, e.employer_id, e.employment_id, e.worker_id, e.wage_type, e.wage_amount_fen,
             greatest(h.wage_month, e.entry_date) AS from_day,
             least((h.wage_month + interval '1 month')::date - 1, $2::date, coalesce(e.exit_date, $2::date)) AS to_day
        FROM h
        JOIN employment_wage_terms e ON e.project_id = h.project_id AND e.entry_date <= $2::date AND e.entry_date < (h.wage_month + interval '1 month')::date
                                    AND (e.exit_date IS NULL OR e.exit_date >= h.wage_month)
       WHERE NOT EXISTS (SELECT 1 FROM on_payroll py WHERE py.project_id = h.project_id AND py.employer_id = e.employer_id)
    ),
    days AS (
      SELECT r.project_id, r.wage_month, r.paid_hundredths, r.employer_id, r.worker_id, r.wage_type, r.wage_amount_fen, count(*)::int AS days
        FROM roster r
        JOIN attendance_present_days a ON a.worker_id = r.worker_id AND a.work_date BETWEEN r.from_day AND r.to_day AND a.project_id = r.project_id
       WHERE a.work_date >= (SELECT min(wage_month) FROM h) AND a.work_date <= $2::date
       GROUP BY r.project_id, r.wage_month, r.paid_hundredths, r.employer_id, r.worker_id, r.employment_id, r.wage_type, r.wage_amount_fen
    ),
    attended AS (
      SELECT d.project_id, d.employer_id,
             sum(CASE d.wage_type
                   WHEN 'daily' THEN d.wage_amount_fen * d.days
                   WHEN 'monthly' THEN (d.wage_amount_fen * least(d.days * 100, d.paid_hundredths)) / d.paid_hundredths
                   ELSE coalesce((SELECT l.net_fen FROM payroll_line_facts l
                                   WHERE l.project_id = d.project_id AND l.worker_id = d.worker_id AND l.status <> 'superseded' AND l.month < d.wage_month
                                   ORDER BY l.month DESC LIMIT 1), 0)
                 END)::bigint AS fen
        FROM days d
       GROUP BY d.project_id, d.employer_id
    ),
    forecast AS (
      SELECT coalesce(py.project_id, ad.project_id) AS project_id, sum(coalesce(py.fen, ad.fen))::bigint AS fen,
             bool_or(py.project_id IS NOT NULL) AS from_payroll, bool_or(py.project_id IS NULL) AS from_attendance
        FROM on_payroll py FULL JOIN attended ad ON ad.project_id = py.project_id AND ad.employer_id = py.employer_id
       GROUP BY coalesce(py.project_id, ad.project_id)
    ),
    est AS (
      SELECT h.*, fc.fen AS forecast_fen, fc.from_payroll, fc.from_attendance, lp.month AS last_month, lp.net_fen AS last_net_fen, sc.fen AS scheduled_fen
        FROM h
        LEFT JOIN forecast fc ON fc.project_id = h.project_id
        LEFT JOIN LATERAL (
          SELECT f.month, sum(f.net_fen)::bigint AS net_fen FROM payroll_month_facts f
           WHERE fc.project_id IS NULL AND f.project_id = h.project_id AND f.status <> 'superseded' AND f.month < h.wage_month
           GROUP BY f.month ORDER BY f.month DESC LIMIT 1
        ) lp ON true
        CROSS JOIN LATERAL (
          SELECT coalesce(sum(c.uncovered_fen), 0)::bigint AS fen FROM labor_cost_allocation_coverage c
           WHERE c.project_id = h.project_id AND c.due_on >= $2::date AND c.due_on <= h.payday
        ) sc
    ),
    g AS (
      SELECT est.*, coalesce(est.forecast_fen, est.last_net_fen, 0) - est.balance_fen - est.scheduled_fen AS gap_fen,
             CASE WHEN est.forecast_fen IS NOT NULL THEN
                    CASE WHEN est.from_payroll AND est.from_attendance THEN 'payroll+attendance' WHEN est.from_payroll THEN 'payroll' ELSE 'attendance' END
                  WHEN est.last_net_fen IS NOT NULL THEN 'last_payroll' ELSE 'none' END AS basis
        FROM est
    )
    SELECT g.project_id || ':' || to_char(g.payday, 'YYYY-MM-DD') AS subject_key, g.project_id, NULL::uuid AS enterprise_id,
           g.gap_fen > 0 AS hit, 'orange' AS level,
           jsonb_build_object('payday', g.payday, 'daysToPayday', g.days_to_payday, 'wageMonth', to_char(g.wage_month, 'YYYY-MM'),
                              'forecastFen', coalesce(g.forecast_fen, g.last_net_fen, 0), 'balanceFen', g.balance_fen, 'scheduledFen', g.scheduled_fen,
                              'gapFen', g.gap_fen, 'basis', g.basis, 'lastPayrollMonth', to_char(g.last_month, 'YYYY-MM')) AS evidence
      FROM g`,
};

export const W26: WarningRule = {
  code: 'W26',
  name: { zh: '专户非工资支出', en: 'Non-wage debits of the wage account' },
  watches: {
    zh: '近期工资专用账户有支出并非代发至本项目农民工本人账户（ACC-05 标记）',
    en: "Lately the wage account paid out other than as wages to this project's workers' own accounts (flagged by ACC-05)",
  },
  subject: 'project',
  levels: ['red'],
  facts: ['account', 'project'],
  params: ['W26.lookbackDays'],
  source: { zh: `${LAW.ACCOUNTS.zh}；${LAW.REG.zh}第26条、第33条`, en: `${LAW.ACCOUNTS.en}; ${LAW.REG.en}, Arts. 26 and 33` },
  ruleRef: `${ISSUE('W26')}; RULES.md ACC-05`,
  consequences: ['order_to_correct', 'payment_suspension'],
  // One subject per project whose account ever had a flagged debit; it clears when the look-back
  // holds none (the bank reports what happened: the debit stays, it ages out). Counterparties are
  // named with their card's mask only.
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    t AS (
      SELECT s.id AS project_id, s.general_contractor_id, t.kind, t.amount_fen, t.booked_at, t.counterparty_name, t.counterparty_account_mask,
             ${shanghaiDay('t.booked_at')} AS booked_on, $2::date - ${num('W26.lookbackDays')}::int AS before_window
        FROM s JOIN account_transaction_facts t ON t.project_id = s.id
       WHERE t.flags <> '{}' AND t.amount_fen < 0
    ),
    r AS (SELECT t.*, t.booked_on > t.before_window AND t.booked_on <= $2::date AS recent FROM t)
    SELECT r.project_id::text AS subject_key, r.project_id, r.general_contractor_id AS enterprise_id,
           bool_or(r.recent) AS hit, 'red' AS level,
           jsonb_build_object('since', min(r.before_window) + 1, 'flaggedDebits', count(*) FILTER (WHERE r.recent),
                              'flaggedFen', coalesce(-sum(r.amount_fen) FILTER (WHERE r.recent), 0),
                              'latestBookedAt', to_char((max(r.booked_at) FILTER (WHERE r.recent)) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'),
                              'kinds', coalesce(jsonb_agg(DISTINCT r.kind) FILTER (WHERE r.recent), '[]'::jsonb),
                              'counterparties', coalesce(jsonb_agg(DISTINCT jsonb_build_object('name', r.counterparty_name, 'accountMask', r.counterparty_account_mask))
                                                           FILTER (WHERE r.recent), '[]'::jsonb),
                              'lastFlaggedOn', max(r.booked_on)) AS evidence
      FROM r
     GROUP BY r.project_id, r.general_contractor_id`,
};

export const PAYOUT_RULES: WarningRule[] = [W18, W19, W20, W24, W25, W26];
