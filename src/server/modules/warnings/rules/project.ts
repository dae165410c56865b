import { defineParams } from '../../../platform/params/params.registry';
import type { WarningRule } from '../warnings.catalogue';
import { LAW } from '../warnings.params';
import { num } from './money';

/**
 * Project rules: the ledger entry and its key staff, the wage account's opening, real-name entry to
 * the site, the "5+1" checklist, wages owed on a stopped project, the on-site rate of the project
 * manager and chief supervisor, and a listed enterprise among the parties. A project's start is its
 * actual start, else its planned start.
 */

defineParams([
  {
    id: 'W01.redAfterDays',
    module: 'warnings',
    name: { zh: '开工后项目信息仍不全转红色预警天数', en: 'Days after the start before missing project information turns red' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 7,
    min: 0,
    max: 90,
    regionOverridable: true,
    citation: { zh: `${LAW.XINJIANG.zh}第二条第（一）项；${LAW.REG.zh}第28条`, en: `${LAW.XINJIANG.en}, §2(1); ${LAW.REG.en}, Art. 28`, source: 'RULES.md §7.4 W01' },
  },
  {
    id: 'W01.lateRegistrationWatchDays',
    module: 'warnings',
    name: { zh: '开工后补录项目的预警观察期', en: 'Days a project entered after its start stays under warning' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 30,
    min: 0,
    max: 365,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.XINJIANG.zh}第二条第（一）项（观察期为平台设定）`, en: `${LAW.XINJIANG.en}, §2(1) (the watch period is the platform's)`, source: 'RULES.md §7.4 W01' },
  },
  {
    id: 'W09.lookbackDays',
    module: 'warnings',
    name: { zh: '未实名登记人员进场预警回溯天数', en: 'Days looked back for unregistered people on site' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 7,
    min: 1,
    max: 90,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第28条、第55条（回溯天数为平台设定）`, en: `${LAW.REG.en}, Arts. 28 and 55 (the look-back is the platform's)`, source: 'RULES.md §7.4 W09' },
  },
  {
    id: 'W22.windowWD',
    module: 'warnings',
    name: { zh: '项目经理、总监到岗率统计期', en: 'Working days over which key staff on-site rates are measured' },
    type: 'duration_wd',
    unit: { zh: '个工作日', en: 'working days' },
    default: 20,
    min: 5,
    max: 120,
    regionOverridable: true,
    unverified: true,
    citation: {
      zh: `${LAW.REAL_NAME.zh}；天津市项目经理、总监到岗率周通报（种子文件001）；统计期为平台设定`,
      en: `${LAW.REAL_NAME.en}; Tianjin's weekly on-site rates of project managers and chief supervisors (seed 001); the window is the platform's`,
      source: 'platform rule W22 (issue: key staff on-site rate); seed 001',
    },
  },
  {
    id: 'W22.minOnSiteRatio',
    module: 'warnings',
    name: { zh: '项目经理、总监最低到岗率', en: 'Lowest acceptable on-site rate of the project manager and chief supervisor' },
    type: 'ratio',
    default: 0.8,
    min: 0.1,
    max: 1,
    regionOverridable: true,
    unverified: true,
    citation: {
      zh: `${LAW.REAL_NAME.zh}；各地项目负责人、总监驻场（到岗）规定（比例†，待核实）`,
      en: `${LAW.REAL_NAME.en}; local on-site rules for project managers and chief supervisors (the ratio is unverified †)`,
      source: 'platform rule W22 (issue: key staff on-site rate); seed 001',
    },
  },
]);

/** Projects whose works have begun (under way or stopped), with `columns` of theirs: the rules on what must exist once works start. */
const startedProjects = (columns = '') => `
  SELECT p.id, p.region_path, p.general_contractor_id, coalesce(p.actual_start, p.planned_start) AS start${columns ? `, ${columns}` : ''}
    FROM projects p
   WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND p.status IN ('in_progress', 'suspended')
     AND coalesce(p.actual_start, p.planned_start) <= $2::date`;

/**
 * The parameters' values for each region path of `from` (a CTE of watched projects): scan_param
 * runs once per region rather than once per project. Grouped, so the planner cannot flatten it and
 * evaluate the values again on every joined row. `columns` maps a column name to its SQL on the
 * region row `r`, e.g. `{ days: num('W09.lookbackDays', 'r') }`.
 */
const perRegion = (from: string, columns: Record<string, string>) => `
  SELECT r.region_path, ${Object.entries(columns).map(([name, sql]) => `${sql} AS ${name}`).join(', ')}
    FROM ${from} r GROUP BY r.region_path`;

/** A boolean parameter on the region row `alias` (see perRegion), as SQL. */
const flag = (param: string, alias = 'r') => `(scan_param($1, '${param}', ${alias}.region_path) #>> '{}')::boolean`;

/** Payroll versions that can still owe wages once approved (the payroll module's open statuses, less drafts). */
const OWING_PAYROLL = `('approved', 'paying', 'partially_paid')`;

/**
 * W01. Xinjiang §2(1): the general contractor enters the project, its project manager (项目负责人)
 * and its 劳资专管员 before works start. Two ways to fail:
 * - information still missing on a project under way: the project manager's name, their ID number
 *   (without it the platform cannot recognise them on site, W22) or the labour officer. Yellow, red
 *   once `W01.redAfterDays` have passed since the start;
 * - entered after the start. Lateness cannot be undone, so a late entry is watched for
 *   `W01.lateRegistrationWatchDays` after the registration day (the time an official has to order
 *   correction or record it), red when it came `W01.redAfterDays` or more after the start, and then
 *   clears with the evidence of how late it was. A full record entered late is therefore a passing
 *   warning, not a permanent one.
 */
export const W01: WarningRule = {
  code: 'W01',
  name: { zh: '项目信息未按时登记', en: 'Project not registered before start' },
  watches: {
    zh: '在建或停工项目开工后才录入平台，或缺少项目经理、劳资专管员等开工前应录入的信息',
    en: 'A project under way was entered after its start, or lacks the project manager or labour officer that must be entered before works start',
  },
  subject: 'project',
  levels: ['yellow', 'red'],
  facts: ['project'],
  params: ['W01.redAfterDays', 'W01.lateRegistrationWatchDays'],
  source: { zh: `${LAW.REG.zh}第28条；${LAW.XINJIANG.zh}第二条第（一）项`, en: `${LAW.REG.en}, Art. 28; ${LAW.XINJIANG.en}, §2(1)` },
  ruleRef: 'RULES.md §7.4 W01; PRJ-01; RN-05',
  consequences: ['order_to_correct'],
  sql: `
    WITH s AS (${startedProjects(`p.actual_start IS NOT NULL AS start_is_actual, p.registered_at, p.project_manager_name, p.project_manager_id_bidx, p.labor_officer_name`)}),
    prm AS (${perRegion('s', { red_after: `${num('W01.redAfterDays', 'r')}::int`, watch_days: `${num('W01.lateRegistrationWatchDays', 'r')}::int` })}),
    f AS (
      SELECT s.id, s.general_contractor_id, s.start, s.start_is_actual,
             (s.registered_at AT TIME ZONE 'Asia/Shanghai')::date AS registered_on,
             array_remove(ARRAY[
               CASE WHEN nullif(btrim(s.project_manager_name), '') IS NULL THEN 'projectManager' END,
               CASE WHEN s.project_manager_id_bidx IS NULL THEN 'projectManagerIdNumber' END,
               CASE WHEN nullif(btrim(s.labor_officer_name), '') IS NULL THEN 'laborOfficer' END
             ], NULL) AS missing,
             prm.red_after, prm.watch_days
        FROM s JOIN prm ON prm.region_path = s.region_path
    ),
    j AS (
      SELECT f.*, $2::date - f.start AS days_since_start, greatest(f.registered_on - f.start, 0) AS late_days,
             cardinality(f.missing) > 0 AS incomplete,
             f.registered_on > f.start AND $2::date <= f.registered_on + f.watch_days AS late_watched
        FROM f
    )
    SELECT j.id::text AS subject_key, j.id AS project_id, j.general_contractor_id AS enterprise_id,
           j.incomplete OR j.late_watched AS hit,
           CASE WHEN (j.incomplete AND j.days_since_start >= j.red_after) OR (j.late_watched AND j.late_days >= j.red_after) THEN 'red' ELSE 'yellow' END AS level,
           jsonb_build_object('start', j.start, 'startIsActual', j.start_is_actual, 'daysSinceStart', j.days_since_start,
                              'registeredOn', j.registered_on, 'registeredLateDays', j.late_days,
                              'lateWatchUntil', CASE WHEN j.late_days > 0 THEN j.registered_on + j.watch_days END,
                              'missing', to_jsonb(j.missing), 'redAfterDays', j.red_after) AS evidence
      FROM j`,
};

/**
 * W02. ACC-02 counts the opening deadline from the signing of the construction contract, which the
 * project ledger does not hold (the account records it only once opened). Works cannot lawfully
 * start before the contract is signed, so the start is the latest day the contract can carry:
 * start + `ACC-02.openWithinDays` is the latest the legal deadline can fall, and the rule never
 * warns before it. The registration day is not used: entering the project late (W01) does not move
 * the law's deadline. Once an account is open, Xinjiang §2(2) (ACC-03) wants its three-party
 * agreement on the platform before works start, so a started project whose account has no
 * agreement file is hit at once. (Read literally ACC-03 would also hit every started project still
 * inside its ACC-02 days; the national opening period is given precedence.)
 */
export const W02: WarningRule = {
  code: 'W02',
  name: { zh: '未开设工资专户或未上传三方协议', en: 'No wage account or no three-party agreement' },
  watches: {
    zh: '开工后超过规定天数仍未开立工资专用账户，或已开立的专户未上传三方协议',
    en: 'No wage account open the set number of days after the start of works, or the account has no three-party agreement uploaded',
  },
  subject: 'project',
  levels: ['red'],
  facts: ['project', 'account'],
  params: ['ACC-02.openWithinDays'],
  source: { zh: `${LAW.REG.zh}第26条、第55条；${LAW.ACCOUNTS.zh}；${LAW.XINJIANG.zh}第二条第（二）项`, en: `${LAW.REG.en}, Arts. 26 and 55; ${LAW.ACCOUNTS.en}; ${LAW.XINJIANG.en}, §2(2)` },
  ruleRef: 'RULES.md §7.4 W02; ACC-02; ACC-03',
  consequences: ['order_to_correct', 'payment_suspension'],
  sql: `
    WITH s AS (${startedProjects()}),
    prm AS (${perRegion('s', { open_within: `${num('ACC-02.openWithinDays', 'r')}::int` })}),
    j AS (
      SELECT s.id, s.general_contractor_id, s.start, s.start + prm.open_within AS open_by,
             a.id AS account_id, a.status AS account_status, a.opened_on, a.contract_signed_on, a.agreement_signed_on,
             a.agreement_file_id IS NOT NULL AS agreement_uploaded, b.name AS bank_name
        FROM s
        JOIN prm ON prm.region_path = s.region_path
        LEFT JOIN wage_accounts a ON a.project_id = s.id AND a.status <> 'closed'
        LEFT JOIN banks b ON b.id = a.bank_id
    )
    SELECT j.id::text AS subject_key, j.id AS project_id, j.general_contractor_id AS enterprise_id,
           CASE WHEN j.account_id IS NULL THEN $2::date > j.open_by ELSE NOT j.agreement_uploaded END AS hit,
           'red' AS level,
           jsonb_build_object('start', j.start, 'openBy', j.open_by, 'accountOpen', j.account_id IS NOT NULL,
                              'problem', CASE WHEN j.account_id IS NULL THEN CASE WHEN $2::date > j.open_by THEN 'no_account' END
                                              WHEN NOT j.agreement_uploaded THEN 'no_agreement' END,
                              'daysOverdue', CASE WHEN j.account_id IS NULL AND $2::date > j.open_by THEN $2::date - j.open_by END,
                              'bankName', j.bank_name, 'accountStatus', j.account_status, 'openedOn', j.opened_on,
                              'contractSignedOn', j.contract_signed_on, 'agreementSignedOn', j.agreement_signed_on,
                              'agreementUploaded', j.agreement_uploaded) AS evidence
      FROM j`,
};

/**
 * W09. Gate events of the last `W09.lookbackDays` days (today included) from people the site did not
 * know ('unknown_worker': no real-name record) or who are not on this project's roster
 * ('not_on_roster'). The status is set when an event arrives and never changes, so the rule asks
 * again today: a person put on the roster since (an employment on the project, open or ending on or
 * after the last day seen) no longer counts; the entry before registration is a matter for a case.
 * People are counted by the ID's blind index; no ID number or name leaves the attendance rows.
 */
export const W09: WarningRule = {
  code: 'W09',
  name: { zh: '现场人员未实名登记', en: 'Worker on site not registered' },
  watches: {
    zh: '近期考勤中出现未实名登记或不在本项目花名册的人员，且至今仍未登记',
    en: 'People not registered, or not on this roster, clocked in on the site recently and are still not on the roster',
  },
  subject: 'project',
  levels: ['red'],
  facts: ['attendance', 'employment', 'project'],
  params: ['W09.lookbackDays'],
  source: { zh: `${LAW.REG.zh}第28条、第55条；${LAW.REAL_NAME.zh}第8条`, en: `${LAW.REG.en}, Arts. 28 and 55; ${LAW.REAL_NAME.en}, Art. 8` },
  ruleRef: 'RULES.md §7.4 W09; RN-01',
  consequences: ['order_to_correct', 'payment_suspension'],
  sql: `
    WITH s AS (
      SELECT p.id, p.region_path, p.general_contractor_id FROM projects p
       WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND p.status IN ('in_progress', 'suspended', 'completed')
    ),
    prm AS (${perRegion('s', { from_d: `$2::date - ${num('W09.lookbackDays', 'r')}::int + 1` })}),
    w AS (SELECT s.id, s.general_contractor_id, prm.from_d FROM s JOIN prm ON prm.region_path = s.region_path),
    -- Per project, through its (project_id, work_date, status) index: grouped, so never flattened into a scan of every event.
    people AS (
      SELECT w.id AS project_id, x.*
        FROM w CROSS JOIN LATERAL (
          SELECT a.id_bidx, bool_or(a.status = 'unknown_worker') AS unknown, bool_or(a.status = 'not_on_roster') AS off_roster,
                 array_agg(DISTINCT a.work_date) AS dates, count(*)::int AS events, max(a.work_date) AS last_seen
            FROM attendance_events a
           WHERE a.project_id = w.id AND a.work_date >= w.from_d AND a.work_date <= $2::date AND a.status IN ('unknown_worker', 'not_on_roster')
           GROUP BY a.id_bidx
        ) x
    ),
    judged AS (
      SELECT pe.*, EXISTS (SELECT 1 FROM workers k JOIN employments e ON e.worker_id = k.id AND e.project_id = pe.project_id
                            WHERE k.id_bidx = pe.id_bidx AND (e.exit_date IS NULL OR e.exit_date >= pe.last_seen)) AS registered_now
        FROM people pe
    ),
    agg AS (
      SELECT j.project_id,
             count(*) FILTER (WHERE NOT j.registered_now)::int AS people,
             count(*) FILTER (WHERE NOT j.registered_now AND j.unknown)::int AS unknown_workers,
             count(*) FILTER (WHERE NOT j.registered_now AND j.off_roster)::int AS not_on_roster,
             count(*) FILTER (WHERE j.registered_now)::int AS registered_since,
             coalesce(sum(j.events) FILTER (WHERE NOT j.registered_now), 0)::int AS events,
             max(j.last_seen) FILTER (WHERE NOT j.registered_now) AS last_seen
        FROM judged j GROUP BY j.project_id
    ),
    days AS (
      SELECT j.project_id, count(DISTINCT d)::int AS days
        FROM judged j CROSS JOIN LATERAL unnest(j.dates) AS d WHERE NOT j.registered_now GROUP BY j.project_id
    )
    SELECT w.id::text AS subject_key, w.id AS project_id, w.general_contractor_id AS enterprise_id,
           coalesce(g.people, 0) > 0 AS hit, 'red' AS level,
           jsonb_build_object('from', w.from_d, 'to', $2::date, 'people', coalesce(g.people, 0),
                              'unknownWorkers', coalesce(g.unknown_workers, 0), 'notOnRoster', coalesce(g.not_on_roster, 0),
                              'days', coalesce(d.days, 0), 'events', coalesce(g.events, 0), 'lastSeen', g.last_seen,
                              'registeredSince', coalesce(g.registered_since, 0)) AS evidence
      FROM w LEFT JOIN agg g ON g.project_id = w.id LEFT JOIN days d ON d.project_id = w.id`,
};

/**
 * W15. The "5+1" items the project record and the payroll hold, as projects.rules.ts checks them
 * (PRJ-05, PRJ-03, PRJ-06): the 维权信息告示牌 set up with its three content groups (the keys of
 * BOARD_CONTENTS there), the owner's payment guarantee where PRJ-03 requires it, and 总包代发 once
 * payrolls are due: some wages paid through the account and no approved payroll owing past its due
 * day (compared per payroll, on the sums of its lines). Real-name, deposit and account are W09, W10
 * and W02.
 */
export const W15: WarningRule = {
  code: 'W15',
  name: { zh: '"5+1"制度或维权告示牌不完整', en: 'Rights board or "5+1" checklist incomplete' },
  watches: {
    zh: '开工后未设置维权信息告示牌或三类内容不全、未提供工程款支付担保，或未落实总包代发',
    en: 'After the start, the rights board is missing or incomplete, no payment guarantee was given, or wages are not paid by the general contractor through the account',
  },
  subject: 'project',
  levels: ['yellow'],
  facts: ['project', 'payroll', 'payout'],
  params: ['PRJ-03.paymentGuaranteeRequired'],
  source: { zh: `${LAW.REG.zh}第24条、第31条、第34条、第56条、第57条`, en: `${LAW.REG.en}, Arts. 24, 31, 34, 56 and 57` },
  ruleRef: 'RULES.md §7.4 W15; PRJ-03; PRJ-05; PRJ-06',
  consequences: ['order_to_correct'],
  sql: `
    WITH s AS (${startedProjects('p.board_set_up, p.board_contents, p.payment_guarantee')}),
    prm AS (${perRegion('s', { guarantee_required: flag('PRJ-03.paymentGuaranteeRequired') })}),
    pay AS (
      SELECT f.project_id, count(*)::int AS due,
             count(*) FILTER (WHERE f.paid_fen > 0)::int AS paid_through_account,
             count(*) FILTER (WHERE f.status IN ${OWING_PAYROLL} AND f.payable_fen > f.paid_fen)::int AS overdue_unpaid
        FROM s JOIN payroll_month_facts f ON f.project_id = s.id
       WHERE f.status <> 'superseded' AND f.due_on < $2::date
       GROUP BY f.project_id
    ),
    c AS (
      SELECT s.id, s.general_contractor_id, s.board_set_up, s.payment_guarantee, prm.guarantee_required,
             array(SELECT g FROM unnest(ARRAY['parties', 'wage_info', 'hotlines']) AS g WHERE NOT g = ANY (s.board_contents)) AS board_missing,
             coalesce(pay.due, 0) AS due, coalesce(pay.paid_through_account, 0) AS paid_through_account, coalesce(pay.overdue_unpaid, 0) AS overdue_unpaid
        FROM s JOIN prm ON prm.region_path = s.region_path LEFT JOIN pay ON pay.project_id = s.id
    ),
    j AS (
      SELECT c.*, array_remove(ARRAY[
               CASE WHEN NOT c.board_set_up OR cardinality(c.board_missing) > 0 THEN 'board' END,
               CASE WHEN c.guarantee_required AND NOT c.payment_guarantee THEN 'paymentGuarantee' END,
               CASE WHEN c.due > 0 AND (c.overdue_unpaid > 0 OR c.paid_through_account = 0) THEN 'payoutThroughAccount' END
             ], NULL) AS missing
        FROM c
    )
    SELECT j.id::text AS subject_key, j.id AS project_id, j.general_contractor_id AS enterprise_id,
           cardinality(j.missing) > 0 AS hit, 'yellow' AS level,
           jsonb_build_object('missing', to_jsonb(j.missing),
                              'boardSetUp', j.board_set_up, 'boardMissing', to_jsonb(j.board_missing),
                              'paymentGuaranteeRequired', j.guarantee_required, 'paymentGuarantee', j.payment_guarantee,
                              'payrollsDue', j.due, 'payrollsPaidThroughAccount', j.paid_through_account, 'payrollsOverdueUnpaid', j.overdue_unpaid) AS evidence
      FROM j`,
};

/**
 * W21 (the platform's own rule). A project stopped (停工) or completed still owes wages: approved
 * payroll versions unpaid past their due day, or the wage office's arrears findings on the project
 * not yet resolved. Works that stop are where wages go unpaid for good (Reg. Arts. 29–30: the owner
 * advances, the general contractor pays first), so the warning names the general contractor.
 */
export const W21: WarningRule = {
  code: 'W21',
  name: { zh: '停工项目仍有欠薪', en: 'Stopped project with wages owed' },
  watches: {
    zh: '停工或完工项目仍有逾期未付的工资表或未结的欠薪记录',
    en: 'A suspended or completed project still has payrolls unpaid past their due day or open arrears findings',
  },
  subject: 'project',
  levels: ['red'],
  facts: ['project', 'payroll', 'payout', 'arrears'],
  params: [],
  source: { zh: `${LAW.REG.zh}第29条、第30条`, en: `${LAW.REG.en}, Arts. 29 and 30` },
  ruleRef: 'platform rule W21 (issue: project stopped with wages owed); LIA-01; LIA-02',
  consequences: ['order_to_correct', 'credit_downgrade'],
  sql: `
    WITH s AS (
      SELECT p.id, p.general_contractor_id, p.status, p.actual_end FROM projects p
       WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND p.status IN ('suspended', 'completed')
    ),
    owed AS (
      SELECT f.project_id, count(*)::int AS payrolls, sum(f.payable_fen - f.paid_fen)::bigint AS owed_fen, min(f.due_on) AS earliest_due,
             array_agg(DISTINCT to_char(f.month, 'YYYY-MM')) AS months, array_agg(DISTINCT e.name) AS employers
        FROM s JOIN payroll_month_facts f ON f.project_id = s.id JOIN enterprises e ON e.id = f.employer_id
       WHERE f.status IN ${OWING_PAYROLL} AND f.due_on < $2::date AND f.payable_fen > f.paid_fen
       GROUP BY f.project_id
    ),
    arrears AS (
      SELECT a.project_id, count(*)::int AS records, sum(a.amount_fen)::bigint AS amount_fen, min(a.found_on) AS earliest,
             array_agg(DISTINCT e.name) AS employers
        FROM s JOIN enterprise_arrears a ON a.project_id = s.id JOIN enterprises e ON e.id = a.enterprise_id
       WHERE a.found_on <= $2::date AND (a.resolved_on IS NULL OR a.resolved_on > $2::date)
       GROUP BY a.project_id
    )
    SELECT s.id::text AS subject_key, s.id AS project_id, s.general_contractor_id AS enterprise_id,
           (o.project_id IS NOT NULL OR r.project_id IS NOT NULL) AS hit, 'red' AS level,
           jsonb_build_object('status', s.status, 'stoppedOn', coalesce(s.actual_end, h.on_date),
                              'owedPayrolls', coalesce(o.payrolls, 0), 'owedFen', coalesce(o.owed_fen, 0), 'earliestDueOn', o.earliest_due,
                              'months', coalesce(to_jsonb(o.months), '[]'), 'arrearsRecords', coalesce(r.records, 0),
                              'arrearsFen', coalesce(r.amount_fen, 0), 'arrearsFoundSince', r.earliest,
                              'employers', (SELECT coalesce(jsonb_agg(DISTINCT n ORDER BY n), '[]') FROM unnest(coalesce(o.employers, '{}') || coalesce(r.employers, '{}')) AS n)) AS evidence
      FROM s
      LEFT JOIN owed o ON o.project_id = s.id
      LEFT JOIN arrears r ON r.project_id = s.id
      LEFT JOIN LATERAL (
        SELECT (ph.at AT TIME ZONE 'Asia/Shanghai')::date AS on_date FROM project_status_history ph
         WHERE ph.project_id = s.id AND ph.to_status = s.status ORDER BY ph.at DESC LIMIT 1
      ) h ON true`,
};

/**
 * W22 (the platform's own rule). The on-site rate of the project manager and of the chief
 * supervisor: distinct days their ID clocked in on the site (attendance marks these events
 * 'key_staff' with the role) in the `W22.windowWD` working days before today, over that number.
 * The window runs from `$4.workingDaysAgo[N]` to yesterday, which holds exactly N working days by
 * construction, so N is the denominator and no calendar is needed in SQL; a day on site that was a
 * rest day counts too (SQL cannot tell a make-up working day from a weekend), capped at N.
 * Watched: projects under construction that started by the window's first day, for each role whose
 * ID number is recorded (W01 asks for the project manager's). One subject per project and role;
 * nothing is judged while the calendar does not reach back that far.
 */
export const W22: WarningRule = {
  code: 'W22',
  name: { zh: '项目经理、总监到岗率不足', en: 'Project manager or chief supervisor rarely on site' },
  watches: {
    zh: '在建项目的项目经理或总监理工程师近期到岗天数占工作日的比例低于规定',
    en: 'The project manager or chief supervisor of a project under construction was on site on too few of the recent working days',
  },
  subject: 'project',
  levels: ['orange'],
  facts: ['attendance', 'project'],
  params: ['W22.windowWD', 'W22.minOnSiteRatio'],
  source: {
    zh: `${LAW.REAL_NAME.zh}；各地项目负责人、总监驻场规定（待核实）`,
    en: `${LAW.REAL_NAME.en}; local on-site rules for project managers and chief supervisors (unverified)`,
  },
  ruleRef: 'platform rule W22 (issue: project manager or chief supervisor on-site rate below X %); seed 001 (Tianjin weekly rates)',
  consequences: ['order_to_correct', 'credit_downgrade'],
  sql: `
    WITH s AS (
      SELECT p.id, p.region_path, p.general_contractor_id, coalesce(p.actual_start, p.planned_start) AS start,
             p.project_manager_name, p.project_manager_id_bidx, p.chief_supervisor_name, p.chief_supervisor_id_bidx
        FROM projects p
       WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND p.status = 'in_progress'
    ),
    prm AS (${perRegion('s', { n: `${num('W22.windowWD', 'r')}::int`, min_ratio: num('W22.minOnSiteRatio', 'r') })}),
    w AS (
      SELECT s.*, prm.n, prm.min_ratio, ($4 -> 'workingDaysAgo' ->> prm.n::text)::date AS from_d
        FROM s JOIN prm ON prm.region_path = s.region_path
    ),
    roles AS (
      SELECT w.id, w.n, w.min_ratio, w.from_d, r.role, r.name, r.enterprise_id
        FROM w CROSS JOIN LATERAL (VALUES ('project_manager', w.project_manager_name, w.project_manager_id_bidx, w.general_contractor_id),
                                          ('chief_supervisor', w.chief_supervisor_name, w.chief_supervisor_id_bidx, NULL::uuid))
                                  AS r(role, name, bidx, enterprise_id)
       WHERE r.bidx IS NOT NULL AND w.from_d IS NOT NULL AND w.start <= w.from_d
    ),
    -- Per project, through its (project_id, work_date, status) index, as in W09.
    seen AS (
      SELECT w.id AS project_id, x.*
        FROM w CROSS JOIN LATERAL (
          SELECT a.key_staff_role AS role, count(DISTINCT a.work_date)::int AS days, max(a.work_date) AS last_seen
            FROM attendance_events a
           WHERE a.project_id = w.id AND a.work_date >= w.from_d AND a.work_date < $2::date AND a.status = 'key_staff'
             AND a.key_staff_role IN ('project_manager', 'chief_supervisor')
           GROUP BY a.key_staff_role
        ) x
       WHERE w.from_d IS NOT NULL AND w.start <= w.from_d
    ),
    j AS (
      SELECT r.*, coalesce(se.days, 0) AS days, se.last_seen, least(coalesce(se.days, 0), r.n)::numeric / r.n AS ratio
        FROM roles r LEFT JOIN seen se ON se.project_id = r.id AND se.role = r.role
    )
    SELECT j.id || ':' || j.role AS subject_key, j.id AS project_id, j.enterprise_id,
           j.ratio < j.min_ratio AS hit, 'orange' AS level,
           jsonb_build_object('role', j.role, 'name', j.name, 'windowFrom', j.from_d, 'windowTo', $2::date - 1,
                              'workingDays', j.n, 'daysOnSite', j.days, 'onSiteRatio', round(j.ratio, 2),
                              'minOnSiteRatio', j.min_ratio, 'lastSeen', j.last_seen) AS evidence
      FROM j`,
};

/**
 * W23 (the platform's own rule). An owner, general contractor or subcontractor of a project not yet
 * accepted is on the wage-arrears dishonesty list today (listed on or before today, not removed by
 * today). One subject per project and listed enterprise, watched while the enterprise has any
 * listing record, so a removal clears the warning with the listing's dates.
 */
export const W23: WarningRule = {
  code: 'W23',
  name: { zh: '失信企业参建', en: 'Listed enterprise on a project' },
  watches: {
    zh: '项目的建设、施工总承包或分包单位在拖欠农民工工资失信联合惩戒对象名单内',
    en: 'An owner, general contractor or subcontractor of the project is on the wage-arrears dishonesty list',
  },
  subject: 'project',
  levels: ['orange'],
  facts: ['listing', 'project'],
  params: [],
  source: { zh: `${LAW.BLACKLIST.zh}第10条`, en: `${LAW.BLACKLIST.en}, Art. 10` },
  ruleRef: 'platform rule W23 (issue: a blacklisted enterprise on a project); BL-06',
  consequences: ['order_to_correct'],
  sql: `
    WITH l AS (
      SELECT DISTINCT ON (d.enterprise_id) d.enterprise_id, d.decision_no, d.listed_on, d.removed_on,
             d.listed_on <= $2::date AND (d.removed_on IS NULL OR d.removed_on > $2::date) AS listed
        FROM enterprise_dishonesty_listings d
       ORDER BY d.enterprise_id, (d.listed_on <= $2::date AND (d.removed_on IS NULL OR d.removed_on > $2::date)) DESC, d.listed_on DESC
    )
    SELECT p.id || ':' || l.enterprise_id AS subject_key, p.id AS project_id, l.enterprise_id,
           l.listed AS hit, 'orange' AS level,
           jsonb_build_object('enterpriseName', e.name, 'creditCode', e.credit_code,
                              'role', CASE WHEN p.owner_id = l.enterprise_id THEN 'owner'
                                           WHEN p.general_contractor_id = l.enterprise_id THEN 'general_contractor'
                                           ELSE 'subcontractor' END,
                              'listed', l.listed, 'decisionNo', l.decision_no, 'listedOn', l.listed_on, 'removedOn', l.removed_on) AS evidence
      FROM l
      JOIN projects p ON p.party_ids @> ARRAY[l.enterprise_id]
      JOIN enterprises e ON e.id = l.enterprise_id
     WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND p.status <> 'accepted'`,
};

export const PROJECT_RULES: WarningRule[] = [W01, W02, W09, W15, W21, W22, W23];
