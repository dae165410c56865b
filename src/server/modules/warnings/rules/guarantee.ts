import { defineParams } from '../../../platform/params/params.registry';
// The deposit parameters W10 reuses (DEP-04…07) are declared by the deposits module.
import '../../deposits';
import type { WarningRule } from '../warnings.catalogue';
import { LAW } from '../warnings.params';
import { WATCHED_PROJECTS, num } from './money';

/**
 * Guarantee and risk rules: the wage deposit (保证金) and its top-up, departed workers' settlement,
 * complaint clusters, progress payments on government and SOE projects, and the enterprise
 * signals (utility, tax and social-insurance arrears; the age of wage arrears found).
 */

const PRACTICE = (code: string) => ({ zh: LAW.PROVINCIAL.zh, en: LAW.PROVINCIAL.en, source: `RULES.md §7.4 ${code}` });

defineParams([
  {
    id: 'W12.afterDays',
    module: 'warnings',
    name: { zh: '农民工离场后工资结清期限', en: 'Days after a worker leaves by which wages are settled and confirmed' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 30,
    min: 1,
    max: 365,
    regionOverridable: true,
    citation: { ...PRACTICE('W12'), zh: `${LAW.PROVINCIAL.zh}（离场未结清预警，§7.2 第5条）`, en: `${LAW.PROVINCIAL.en} (departed worker unsettled, §7.2 rule 5)` },
  },
  {
    id: 'W13.windowDays',
    module: 'warnings',
    name: { zh: '投诉集中预警统计天数', en: 'Days over which complaints are counted for a cluster' },
    type: 'duration_days',
    unit: { zh: '天', en: 'days' },
    default: 30,
    min: 1,
    max: 365,
    regionOverridable: true,
    citation: { zh: `${LAW.REG.zh}第29条、第38条`, en: `${LAW.REG.en}, Arts. 29 and 38`, source: 'RULES.md §7.4 W13' },
  },
  {
    id: 'W13.minComplaints',
    module: 'warnings',
    name: { zh: '投诉集中橙色预警的投诉人数', en: 'Complainants in the window for an orange complaint-cluster warning' },
    type: 'integer',
    unit: { zh: '人', en: 'complainants' },
    default: 3,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第29条、第38条（人数为平台设定）`, en: `${LAW.REG.en}, Arts. 29 and 38 (the count is the platform's)`, source: 'RULES.md §7.4 W13' },
  },
  {
    id: 'W13.redComplaints',
    module: 'warnings',
    name: { zh: '投诉集中红色预警的投诉人数', en: 'Complainants in the window for a red complaint-cluster warning' },
    type: 'integer',
    unit: { zh: '人', en: 'complainants' },
    default: 6,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第29条、第38条（人数为平台设定）`, en: `${LAW.REG.en}, Arts. 29 and 38 (the count is the platform's)`, source: 'RULES.md §7.4 W13' },
  },
  {
    id: 'W16.minOverdueMonths',
    module: 'warnings',
    name: { zh: '企业经营风险预警：水电气、税费、社保连续欠缴月数', en: 'Months in arrears of water, power, gas, tax or social insurance that raise a risk warning' },
    type: 'duration_months',
    unit: { zh: '个月', en: 'months' },
    default: 2,
    min: 1,
    max: 24,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第38条（月数为平台设定）`, en: `${LAW.REG.en}, Art. 38 (the months are the platform's)`, source: 'RULES.md §7.4 W16' },
  },
  {
    id: 'W16.minOverdueFen',
    module: 'warnings',
    name: { zh: '企业经营风险预警：同类欠缴金额', en: 'Amount in arrears of one kind that raises a risk warning' },
    type: 'money_fen',
    unit: { zh: '分', en: 'fen' },
    default: 10_000_000,
    min: 1,
    regionOverridable: true,
    unverified: true,
    citation: { zh: `${LAW.REG.zh}第38条（金额为平台设定，10万元）`, en: `${LAW.REG.en}, Art. 38 (the amount, ¥100,000, is the platform's)`, source: 'RULES.md §7.4 W16' },
  },
  {
    id: 'W17.orangeAfterMonths',
    module: 'warnings',
    name: { zh: '企业欠薪账龄橙色预警（超过N个月）', en: 'Arrears older than this turn the enterprise warning orange' },
    type: 'duration_months',
    unit: { zh: '个月', en: 'months' },
    default: 1,
    min: 1,
    max: 24,
    regionOverridable: true,
    citation: { zh: '宝应县企业欠薪三色预警（欠薪1个月以内黄色，1—2个月橙色，2个月以上红色）', en: 'Baoying three-colour arrears warning (≤ 1 month yellow, 1–2 months orange, > 2 months red)', source: 'RULES.md §7.4 W17; §7.3' },
  },
  {
    id: 'W17.redAfterMonths',
    module: 'warnings',
    name: { zh: '企业欠薪账龄红色预警（超过N个月）', en: 'Arrears older than this turn the enterprise warning red' },
    type: 'duration_months',
    unit: { zh: '个月', en: 'months' },
    default: 2,
    min: 1,
    max: 36,
    regionOverridable: true,
    citation: { zh: '宝应县企业欠薪三色预警（欠薪1个月以内黄色，1—2个月橙色，2个月以上红色）', en: 'Baoying three-colour arrears warning (≤ 1 month yellow, 1–2 months orange, > 2 months red)', source: 'RULES.md §7.4 W17; §7.3' },
  },
]);

/** The statuses of a watched project (WATCHED_PROJECTS without its project filter), for rules on enterprises. */
const WATCHED_STATUSES = `('in_progress', 'suspended', 'completed')`;

/** deposits.rules `addYears` in SQL: the same day-of-month `n` years on, 29 Feb running over into 1 March as JavaScript's Date does. */
const addYears = (date: string, n: string) => `(make_date(extract(year FROM ${date})::int + (${n}), extract(month FROM ${date})::int, 1) + (extract(day FROM ${date})::int - 1))`;

/** Whole years from `since` to `on` (deposits.rules `cleanYearsOn` once `since` is known), 0 when `since` is later. */
const wholeYears = (since: string, on: string) => `
  CASE WHEN ${since} > ${on} THEN 0 ELSE
    (SELECT max(k) FROM generate_series(0, extract(year FROM age(${on}, ${since}))::int + 1) AS k WHERE ${addYears(since, 'k')} <= ${on}) END`;

/**
 * The enterprises an enterprise rule evaluates: `all` when every project is evaluated, else the
 * enterprises party to the projects in $3 that also qualify (`qualifies` on alias `x.id`).
 */
const enterprisesToEvaluate = (all: string, qualifies: string) => `
  ${all}
  UNION
  SELECT x.id FROM projects p CROSS JOIN LATERAL unnest(p.party_ids) AS x(id)
   WHERE $3::uuid[] IS NOT NULL AND p.id = ANY ($3::uuid[]) AND ${qualifies}`;

export const W10: WarningRule = {
  code: 'W10',
  name: { zh: '保证金未存储', en: 'Wage deposit not lodged' },
  watches: {
    zh: '项目已到开工日期（实际或计划），总承包单位未存储工资保证金（现金或在有效期内的保函），且不符合免缴条件',
    en: 'The project reached its start date (actual or planned) and the general contractor holds no deposit (cash or a valid instrument), with no exemption',
  },
  subject: 'project',
  levels: ['red'],
  facts: ['project', 'deposit', 'arrears', 'listing', 'employment', 'account'],
  params: ['DEP-04.exemptBelow', 'DEP-04.durationBelowMonths', 'DEP-04.cleanYears', 'DEP-06.cleanYears', 'DEP-07.lookbackYears'],
  source: { zh: `${LAW.REG.zh}第32条、第55条；${LAW.DEPOSITS.zh}`, en: `${LAW.REG.en}, Arts. 32 and 55; ${LAW.DEPOSITS.en}` },
  ruleRef: 'RULES.md §7.4 W10; DEP-04, DEP-06',
  consequences: ['order_to_correct', 'payment_suspension'],
  // The exemptions as deposits.rules `requiredDeposit` decides them, assessed on the planned start
  // (the contract's signing): none while the contractor is on the dishonesty list (DEP-08) or owed
  // wages in the look-back (DEP-07); then DEP-04 (small or short works, clean years) or DEP-06
  // (clean years with the roster and the wage account in place).
  sql: `
    WITH s AS (
      SELECT p.id, p.region_path, p.general_contractor_id, p.contract_price_fen, p.planned_start, p.planned_end, p.actual_start
        FROM projects p
       WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[]))
         AND p.status IN ('not_started', 'in_progress', 'suspended', 'completed')
         AND (p.actual_start <= $2::date OR p.planned_start <= $2::date)
    ),
    f AS (
      SELECT s.*, g.name AS contractor_name,
             coalesce(c.covered_from, (g.created_at AT TIME ZONE 'Asia/Shanghai')::date) AS covered_from,
             -- The last day the contractor owed wages as known on the planned start (an unsettled finding owes that day).
             (SELECT max(CASE WHEN a.resolved_on <= s.planned_start THEN a.resolved_on ELSE s.planned_start END)
                FROM enterprise_arrears a WHERE a.enterprise_id = s.general_contractor_id AND a.found_on <= s.planned_start) AS last_arrears,
             EXISTS (SELECT 1 FROM enterprise_dishonesty_listings d
                      WHERE d.enterprise_id = s.general_contractor_id AND d.listed_on <= s.planned_start
                        AND (d.removed_on IS NULL OR d.removed_on > s.planned_start)) AS listed,
             EXISTS (SELECT 1 FROM employments e WHERE e.project_id = s.id) AS roster,
             EXISTS (SELECT 1 FROM wage_accounts w WHERE w.project_id = s.id AND w.status <> 'closed') AS wage_account,
             l.lodgings, l.held, r.status AS return_status
        FROM s
        JOIN enterprises g ON g.id = s.general_contractor_id
        LEFT JOIN enterprise_arrears_coverage c ON c.enterprise_id = s.general_contractor_id
        LEFT JOIN deposit_returns r ON r.project_id = s.id
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS lodgings, count(*) FILTER (WHERE dl.form = 'cash' OR dl.valid_until >= $2::date)::int AS held
            FROM deposit_lodgings dl WHERE dl.project_id = s.id AND dl.lodged_on <= $2::date
        ) l
    ),
    g AS (
      SELECT f.*,
             ${wholeYears('f.since', 'f.planned_start')} AS clean_years,
             f.last_arrears IS NOT NULL AND f.last_arrears > ${addYears('f.planned_start', `-${num('DEP-07.lookbackYears', 'f')}::int`)} AS recent_arrears,
             f.contract_price_fen < ${num('DEP-04.exemptBelow', 'f')}
               OR f.planned_end < (f.planned_start + make_interval(months => ${num('DEP-04.durationBelowMonths', 'f')}::int))::date AS small
        FROM (SELECT f.*, CASE WHEN f.last_arrears > f.covered_from THEN f.last_arrears ELSE f.covered_from END AS since FROM f) f
    ),
    x AS (
      SELECT g.*,
             CASE WHEN g.listed OR g.recent_arrears THEN NULL
                  WHEN g.small AND g.clean_years >= ${num('DEP-04.cleanYears', 'g')} THEN 'DEP-04'
                  WHEN g.clean_years >= ${num('DEP-06.cleanYears', 'g')} AND g.roster AND g.wage_account THEN 'DEP-06'
             END AS exemption
        FROM g
    )
    SELECT x.id::text AS subject_key, x.id AS project_id, x.general_contractor_id AS enterprise_id,
           x.exemption IS NULL AND x.held = 0 AND coalesce(x.return_status, 'rejected') = 'rejected' AS hit, 'red' AS level,
           jsonb_build_object('plannedStart', x.planned_start, 'actualStart', x.actual_start,
                              'generalContractorId', x.general_contractor_id, 'generalContractorName', x.contractor_name,
                              'contractPriceFen', x.contract_price_fen, 'lodgings', x.lodgings, 'heldLodgings', x.held,
                              'expiredLodgings', x.lodgings - x.held, 'exemption', x.exemption, 'smallProject', x.small,
                              'cleanYears', x.clean_years, 'arrearsInLookback', x.recent_arrears, 'dishonestyListed', x.listed,
                              'realNameInPlace', x.roster, 'wageAccountInPlace', x.wage_account, 'returnStatus', x.return_status) AS evidence
      FROM x`,
};

export const W11: WarningRule = {
  code: 'W11',
  name: { zh: '保证金未按时补足', en: 'Wage deposit not topped up in time' },
  watches: {
    zh: '保证金经人社部门决定动用后，总承包单位在规定的工作日内未补足动用金额',
    en: 'The deposit was drawn on an HRSS decision and the general contractor did not top it up within the working days allowed',
  },
  subject: 'project',
  levels: ['red'],
  facts: ['deposit', 'project'],
  params: ['DEP-10.topUpWithinWD'],
  source: { zh: `${LAW.DEPOSITS.zh}；${LAW.REG.zh}第32条`, en: `${LAW.DEPOSITS.en}; ${LAW.REG.en}, Art. 32` },
  ruleRef: 'RULES.md §7.4 W11; DEP-10',
  consequences: ['order_to_correct', 'payment_suspension'],
  // A top-up is late once N working days have passed after the draw: the draw came before the day
  // N working days before today (deposits.rules `drawState` against `topUpDeadline`).
  sql: `
    WITH d AS (
      SELECT d.id, d.project_id, d.amount_fen, d.drawn_on, d.decision_no, d.case_ref, d.top_up_due_on,
             p.region_path, p.general_contractor_id, g.name AS contractor_name, r.status AS return_status,
             ${num('DEP-10.topUpWithinWD', 'p')}::int AS within_wd
        FROM projects p
        JOIN deposit_draws d ON d.project_id = p.id
        JOIN enterprises g ON g.id = p.general_contractor_id
        LEFT JOIN deposit_returns r ON r.project_id = p.id
       WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[]))
    ),
    t AS (
      SELECT d.*, coalesce(u.topped_fen, 0) AS topped_fen, u.last_on,
             ($4 -> 'workingDaysAgo' ->> d.within_wd::text)::date AS late_before
        FROM d LEFT JOIN LATERAL (
          SELECT sum(u.amount_fen)::bigint AS topped_fen, max(u.topped_on) AS last_on
            FROM deposit_top_ups u WHERE u.draw_id = d.id AND u.topped_on <= $2::date
        ) u ON true
    )
    SELECT t.id::text AS subject_key, t.project_id, t.general_contractor_id AS enterprise_id,
           coalesce(t.topped_fen < t.amount_fen AND t.drawn_on < t.late_before AND t.return_status IS DISTINCT FROM 'returned', false) AS hit,
           'red' AS level,
           jsonb_build_object('drawnOn', t.drawn_on, 'decisionNo', t.decision_no, 'caseRef', t.case_ref,
                              'generalContractorId', t.general_contractor_id, 'generalContractorName', t.contractor_name,
                              'drawnFen', t.amount_fen, 'toppedUpFen', t.topped_fen, 'outstandingFen', greatest(t.amount_fen - t.topped_fen, 0),
                              'lastToppedOn', t.last_on, 'topUpWithinWorkingDays', t.within_wd, 'topUpDueOn', t.top_up_due_on) AS evidence
      FROM t`,
};

export const W12: WarningRule = {
  code: 'W12',
  name: { zh: '离场农民工工资未结清', en: 'Departed worker not settled' },
  watches: {
    zh: '农民工离场超过规定天数，其在场各月（有考勤或有工资表）的工资未全部发放并经本人确认；本人投诉处理期间为黄色',
    en: 'A worker left more than the days allowed ago and the wages of every month on site (attended or on a payroll) are not all paid and confirmed by the worker; yellow while their complaint is being handled',
  },
  subject: 'project',
  levels: ['yellow', 'red'],
  facts: ['employment', 'attendance', 'payroll', 'payout', 'project'],
  params: ['W12.afterDays'],
  source: { zh: `${LAW.REG.zh}第11条、第31条；${LAW.PROVINCIAL.zh}`, en: `${LAW.REG.en}, Arts. 11 and 31; ${LAW.PROVINCIAL.en}` },
  ruleRef: 'RULES.md §7.4 W12; §7.2 rule 5',
  consequences: ['order_to_correct', 'credit_downgrade'],
  // A month from entry to exit is owed when the current version of the employer's payroll has a
  // line for the employment, or the worker was on site; it is settled when that line is paid (or
  // nothing was due) and the worker confirmed it. Attendance is probed per month only where no line
  // exists, on attendance_daily's (worker, date) index, with attendance_worker_months' notion of presence.
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    e AS (
      SELECT e.project_id, e.id, e.worker_id, e.employer_id, e.entry_date, e.exit_date, ${num('W12.afterDays')}::int AS after_days
        FROM s JOIN employments e ON e.project_id = s.id AND e.exit_date IS NOT NULL AND e.exit_date <= $2::date
    ),
    em AS MATERIALIZED (
      SELECT e.id, m.month, ln.lines, ln.settled, ln.owed_fen,
             ln.lines > 0 OR EXISTS (
               SELECT 1 FROM attendance_daily d
                WHERE d.worker_id = e.worker_id AND d.project_id = e.project_id
                  AND d.work_date >= greatest(m.month, e.entry_date) AND d.work_date < least((m.month + interval '1 month')::date, e.exit_date + 1)
                  AND coalesce(d.present_override, d.event_count > 0)) AS worked
        FROM e
        CROSS JOIN LATERAL (
          SELECT g::date AS month FROM generate_series(date_trunc('month', e.entry_date::timestamp), e.exit_date::timestamp, interval '1 month') AS g
        ) m
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS lines,
                 coalesce(bool_and(l.pay_status IN ('paid', 'nothing_due') AND l.confirmation = 'confirmed'), false) AS settled,
                 coalesce(sum(greatest(l.payable_fen - l.paid_fen, 0)) FILTER (WHERE l.pay_status NOT IN ('paid', 'nothing_due')), 0)::bigint AS owed_fen
            FROM payrolls pr JOIN payroll_lines l ON l.project_id = pr.project_id AND l.payroll_id = pr.id AND l.worker_id = e.worker_id
           WHERE pr.project_id = e.project_id AND pr.employer_id = e.employer_id AND pr.month = m.month AND pr.status <> 'superseded'
             AND l.employment_id = e.id
        ) ln
    ),
    agg AS (
      SELECT em.id,
             count(*) FILTER (WHERE em.worked)::int AS months_worked,
             array_agg(to_char(em.month, 'YYYY-MM') ORDER BY em.month) FILTER (WHERE em.worked AND NOT em.settled) AS unsettled,
             min(em.month) FILTER (WHERE em.worked AND NOT em.settled) AS first_unsettled,
             count(*) FILTER (WHERE em.worked AND em.lines = 0)::int AS without_payroll,
             coalesce(sum(em.owed_fen) FILTER (WHERE em.worked AND NOT em.settled), 0)::bigint AS unpaid_fen
        FROM em GROUP BY em.id
    ),
    x AS (
      SELECT e.*, a.months_worked, coalesce(a.unsettled, '{}') AS unsettled, a.without_payroll, a.unpaid_fen,
             (SELECT max(c.at) FROM complaint_facts c
               WHERE c.project_id = e.project_id AND c.worker_id = e.worker_id AND c.employer_id = e.employer_id
                 AND a.first_unsettled IS NOT NULL AND c.at >= a.first_unsettled::timestamp AT TIME ZONE 'Asia/Shanghai') AS disputed_at
        FROM e JOIN agg a ON a.id = e.id
    )
    SELECT x.id::text AS subject_key, x.project_id, x.employer_id AS enterprise_id,
           x.exit_date < $2::date - x.after_days AND cardinality(x.unsettled) > 0 AS hit,
           CASE WHEN x.disputed_at IS NULL THEN 'red' ELSE 'yellow' END AS level,
           jsonb_build_object('workerId', x.worker_id, 'workerName', w.name, 'employerId', x.employer_id, 'employerName', en.name,
                              'entryDate', x.entry_date, 'exitDate', x.exit_date, 'settleBy', x.exit_date + x.after_days,
                              'monthsWorked', x.months_worked, 'unsettledMonths', to_jsonb(x.unsettled),
                              'monthsWithoutPayroll', x.without_payroll, 'unpaidFen', x.unpaid_fen,
                              'disputeOpen', x.disputed_at IS NOT NULL, 'disputedAt', x.disputed_at) AS evidence
      FROM x JOIN workers w ON w.id = x.worker_id JOIN enterprises en ON en.id = x.employer_id`,
};

export const W13: WarningRule = {
  code: 'W13',
  name: { zh: '投诉集中', en: 'Complaint cluster' },
  watches: {
    zh: '统计期内同一项目的投诉人数达到标准；或同一用工单位在两个以上项目被投诉、合计人数达到标准（同一人多次投诉计一人）',
    en: 'Within the window, enough complainants on one project; or on one employer across two or more projects (a worker complaining again counts once)',
  },
  subject: 'project',
  levels: ['orange', 'red'],
  facts: ['payroll', 'complaint', 'project'],
  params: ['W13.windowDays', 'W13.minComplaints', 'W13.redComplaints'],
  source: { zh: `${LAW.REG.zh}第29条、第38条`, en: `${LAW.REG.en}, Arts. 29 and 38` },
  ruleRef: 'RULES.md §7.4 W13',
  consequences: ['order_to_correct'],
  // Two kinds of subject: each watched project ('project:<id>'), and each employer complained of
  // ('employer:<id>', an enterprise warning) whose complaints span more than one project, since one
  // project's cluster is that project's warning already. An employer's window and thresholds are
  // those of its own region.
  sql: `
    WITH s AS (${WATCHED_PROJECTS}),
    pc AS (
      SELECT s.id AS project_id, c.employer_id, c.worker_id, c.at
        FROM s JOIN complaint_facts c ON c.project_id = s.id
       WHERE (c.at AT TIME ZONE 'Asia/Shanghai')::date > $2::date - ${num('W13.windowDays')}::int
    ),
    by_employer AS (
      SELECT pc.project_id, pc.employer_id, count(DISTINCT pc.worker_id)::int AS n FROM pc GROUP BY pc.project_id, pc.employer_id
    ),
    totals AS (
      SELECT pc.project_id, count(DISTINCT pc.worker_id)::int AS complainants, count(*)::int AS complaints, min(pc.at) AS first_at, max(pc.at) AS last_at
        FROM pc GROUP BY pc.project_id
    ),
    employers AS (
      SELECT b.project_id, CASE WHEN count(*) = 1 THEN min(b.employer_id::text)::uuid END AS sole_employer,
             jsonb_agg(jsonb_build_object('employerId', b.employer_id, 'employerName', en.name, 'complainants', b.n) ORDER BY b.n DESC, en.name) AS list
        FROM by_employer b JOIN enterprises en ON en.id = b.employer_id GROUP BY b.project_id
    ),
    proj AS (
      SELECT s.id, coalesce(t.complainants, 0) AS complainants, coalesce(t.complaints, 0) AS complaints, t.first_at, t.last_at,
             m.sole_employer, coalesce(m.list, '[]') AS employers,
             ${num('W13.windowDays')}::int AS window_days, ${num('W13.minComplaints')}::int AS min_n, ${num('W13.redComplaints')}::int AS red_n
        FROM s LEFT JOIN totals t ON t.project_id = s.id LEFT JOIN employers m ON m.project_id = s.id
    ),
    ents AS (${enterprisesToEvaluate(
      `SELECT DISTINCT c.employer_id AS id FROM complaint_facts c WHERE $3::uuid[] IS NULL`,
      `EXISTS (SELECT 1 FROM complaint_facts c WHERE c.employer_id = x.id)`,
    )}),
    k AS (
      SELECT en.id, en.name, ${num('W13.windowDays', 'en')}::int AS window_days, ${num('W13.minComplaints', 'en')}::int AS min_n,
             ${num('W13.redComplaints', 'en')}::int AS red_n
        FROM ents JOIN enterprises en ON en.id = ents.id
    ),
    emp AS (
      SELECT k.id, k.name, k.window_days, k.min_n, k.red_n,
             count(DISTINCT c.worker_id)::int AS complainants, count(c.employer_id)::int AS complaints, count(DISTINCT c.project_id)::int AS projects,
             min(c.at) AS first_at, max(c.at) AS last_at,
             coalesce(jsonb_agg(DISTINCT c.project_id) FILTER (WHERE c.project_id IS NOT NULL), '[]') AS project_ids
        FROM k LEFT JOIN complaint_facts c ON c.employer_id = k.id AND (c.at AT TIME ZONE 'Asia/Shanghai')::date > $2::date - k.window_days
       GROUP BY k.id, k.name, k.window_days, k.min_n, k.red_n
    )
    SELECT 'project:' || p.id AS subject_key, p.id AS project_id, p.sole_employer AS enterprise_id,
           p.complainants >= p.min_n AS hit, CASE WHEN p.complainants >= p.red_n THEN 'red' ELSE 'orange' END AS level,
           jsonb_build_object('since', $2::date - p.window_days + 1, 'windowDays', p.window_days, 'complainants', p.complainants,
                              'complaints', p.complaints, 'firstAt', p.first_at, 'lastAt', p.last_at, 'employers', p.employers) AS evidence
      FROM proj p
    UNION ALL
    SELECT 'employer:' || m.id, NULL::uuid, m.id,
           m.projects > 1 AND m.complainants >= m.min_n, CASE WHEN m.complainants >= m.red_n THEN 'red' ELSE 'orange' END,
           jsonb_build_object('since', $2::date - m.window_days + 1, 'windowDays', m.window_days, 'employerName', m.name,
                              'complainants', m.complainants, 'complaints', m.complaints, 'projects', m.projects,
                              'projectIds', m.project_ids, 'firstAt', m.first_at, 'lastAt', m.last_at)
      FROM emp m`,
};

export const W14: WarningRule = {
  code: 'W14',
  name: { zh: '工程款支付比例不足', en: 'Progress payments below the minimum' },
  watches: {
    zh: '政府机关、事业单位、国有企业项目，建设单位累计支付的工程进度款低于已完工程价款的规定比例',
    en: 'On a government, public-institution or SOE project the owner has paid less progress money than the minimum share of the completed value',
  },
  subject: 'project',
  levels: ['yellow'],
  facts: ['payment', 'project'],
  params: ['SET-01.minProgressRatio'],
  source: { zh: `${LAW.SETTLEMENT.zh}；${LAW.REG.zh}第24条`, en: `${LAW.SETTLEMENT.en}; ${LAW.REG.en}, Art. 24` },
  ruleRef: 'RULES.md §7.4 W14; SET-01',
  consequences: ['order_to_correct'],
  // The payments module's SET-01 check (payments.rules `qualifiesForSet01`, `progressCheck`; repo
  // `regionPayments`): completed = the current version of each month's value, confirmed or not;
  // paid = every owner payment to today, a refund counted against; ratios in basis points, exact.
  sql: `
    WITH s AS (
      SELECT p.id, p.region_path, p.owner_id, p.investment_type, p.ownership_tier
        FROM projects p
       WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND p.status IN ${WATCHED_STATUSES}
         AND (p.investment_type IN ('government', 'soe') OR p.ownership_tier IN ('district', 'city', 'soe'))
    ),
    t AS (
      SELECT s.*, o.name AS owner_name, round(${num('SET-01.minProgressRatio')} * 10000)::int AS min_bp,
             coalesce(cv.completed_fen, 0) AS completed_fen, coalesce(cv.unconfirmed_fen, 0) AS unconfirmed_fen,
             coalesce(cv.unconfirmed_months, 0) AS unconfirmed_months, cv.through_month,
             coalesce(pay.paid_fen, 0) AS paid_fen, pay.last_paid_on
        FROM s
        JOIN enterprises o ON o.id = s.owner_id
        LEFT JOIN LATERAL (
          SELECT sum(c.amount_fen)::numeric AS completed_fen, sum(c.amount_fen) FILTER (WHERE c.confirmed_at IS NULL)::numeric AS unconfirmed_fen,
                 count(*) FILTER (WHERE c.confirmed_at IS NULL)::int AS unconfirmed_months, max(c.month) AS through_month
            FROM completed_values c WHERE c.project_id = s.id AND c.superseded_at IS NULL
        ) cv ON true
        LEFT JOIN LATERAL (
          SELECT sum(CASE WHEN op.kind = 'refund' THEN -op.amount_fen ELSE op.amount_fen END)::numeric AS paid_fen, max(op.paid_on) AS last_paid_on
            FROM owner_payments op WHERE op.project_id = s.id AND op.paid_on <= $2::date
        ) pay ON true
    ),
    r AS (
      SELECT t.*, t.completed_fen > 0 AND t.paid_fen * 10000 < t.completed_fen * t.min_bp AS short,
             ceil(t.completed_fen * t.min_bp / 10000) AS required_fen
        FROM t
    )
    SELECT r.id::text AS subject_key, r.id AS project_id, r.owner_id AS enterprise_id, r.short AS hit, 'yellow' AS level,
           jsonb_build_object('ownerId', r.owner_id, 'ownerName', r.owner_name, 'investmentType', r.investment_type, 'ownershipTier', r.ownership_tier,
                              'completedFen', r.completed_fen::bigint, 'paidFen', r.paid_fen::bigint,
                              'ratioBp', CASE WHEN r.completed_fen > 0 THEN floor(greatest(r.paid_fen, 0) * 10000 / r.completed_fen)::int END,
                              'minRatioBp', r.min_bp, 'requiredFen', r.required_fen::bigint,
                              'shortfallFen', CASE WHEN r.short THEN (r.required_fen - r.paid_fen)::bigint ELSE 0 END,
                              'throughMonth', to_char(r.through_month, 'YYYY-MM'), 'lastPaidOn', r.last_paid_on,
                              'unconfirmedMonths', r.unconfirmed_months, 'unconfirmedFen', r.unconfirmed_fen::bigint) AS evidence
      FROM r`,
};

export const W16: WarningRule = {
  code: 'W16',
  name: { zh: '企业经营风险信号', en: 'Enterprise operating-risk signal' },
  watches: {
    zh: '在建项目的总承包或分包企业，水、电、气、税费或社保未结清的欠缴达到规定月数或金额',
    en: 'A general contractor or subcontractor of a project under way owes water, power, gas, tax or social insurance for the months or the amount set',
  },
  subject: 'enterprise',
  levels: ['yellow'],
  facts: ['signal', 'project'],
  params: ['W16.minOverdueMonths', 'W16.minOverdueFen'],
  source: { zh: `${LAW.REG.zh}第38条`, en: `${LAW.REG.en}, Art. 38` },
  ruleRef: 'RULES.md §7.4 W16',
  consequences: [],
  // Each source reports the state of its account per period: the latest period of each kind and
  // source stands, counted while not cleared; a kind's amount is the sum over its sources.
  sql: `
    WITH ents AS (${enterprisesToEvaluate(
      `SELECT p.general_contractor_id AS id FROM projects p WHERE $3::uuid[] IS NULL AND p.status IN ${WATCHED_STATUSES}
       UNION
       SELECT sc.enterprise_id FROM subcontracts sc JOIN projects p ON p.id = sc.project_id WHERE $3::uuid[] IS NULL AND p.status IN ${WATCHED_STATUSES}`,
      `EXISTS (SELECT 1 FROM projects q WHERE q.party_ids @> ARRAY[x.id] AND q.status IN ${WATCHED_STATUSES}
                  AND (q.general_contractor_id = x.id OR EXISTS (SELECT 1 FROM subcontracts sc WHERE sc.project_id = q.id AND sc.enterprise_id = x.id)))`,
    )}),
    latest AS (
      SELECT r.enterprise_id, r.kind, r.source, r.period, r.overdue_fen, r.overdue_months, r.cleared_on,
             rank() OVER (PARTITION BY r.enterprise_id, r.kind, r.source ORDER BY r.period DESC) AS k
        FROM ents JOIN enterprise_risk_signals r ON r.enterprise_id = ents.id AND r.period <= $2::date
    ),
    kinds AS (
      SELECT l.enterprise_id, l.kind, sum(l.overdue_fen)::bigint AS overdue_fen, max(l.overdue_months)::int AS overdue_months,
             max(l.period) AS period, array_agg(DISTINCT l.source ORDER BY l.source) AS sources
        FROM latest l WHERE l.k = 1 AND (l.cleared_on IS NULL OR l.cleared_on > $2::date)
       GROUP BY l.enterprise_id, l.kind
    ),
    x AS (
      SELECT en.id, en.name, ${num('W16.minOverdueMonths', 'en')}::int AS min_months, ${num('W16.minOverdueFen', 'en')}::bigint AS min_fen
        FROM ents JOIN enterprises en ON en.id = ents.id
    ),
    y AS (
      SELECT x.*,
             coalesce(jsonb_object_agg(k.kind, jsonb_build_object('overdueFen', k.overdue_fen, 'overdueMonths', k.overdue_months,
                                                                   'period', k.period, 'sources', to_jsonb(k.sources))) FILTER (WHERE k.kind IS NOT NULL), '{}') AS by_kind,
             coalesce(jsonb_agg(k.kind ORDER BY k.kind) FILTER (WHERE k.overdue_months >= x.min_months OR k.overdue_fen >= x.min_fen), '[]') AS flagged
        FROM x LEFT JOIN kinds k ON k.enterprise_id = x.id
       GROUP BY x.id, x.name, x.min_months, x.min_fen
    )
    SELECT y.id::text AS subject_key, NULL::uuid AS project_id, y.id AS enterprise_id, jsonb_array_length(y.flagged) > 0 AS hit, 'yellow' AS level,
           jsonb_build_object('enterpriseName', y.name, 'flaggedKinds', y.flagged, 'kinds', y.by_kind,
                              'minOverdueMonths', y.min_months, 'minOverdueFen', y.min_fen) AS evidence
      FROM y`,
};

export const W17: WarningRule = {
  code: 'W17',
  name: { zh: '企业欠薪账龄', en: 'Enterprise arrears ageing' },
  watches: {
    zh: '企业有未结清的欠薪记录：最早一笔发现不超过1个月为黄色，1至2个月为橙色，超过2个月为红色',
    en: 'The enterprise has unsettled arrears findings: the oldest found within a month is yellow, 1–2 months orange, over 2 months red',
  },
  subject: 'enterprise',
  levels: ['yellow', 'orange', 'red'],
  facts: ['arrears', 'project'],
  params: ['W17.orangeAfterMonths', 'W17.redAfterMonths'],
  source: { zh: `${LAW.REG.zh}第3条、第38条；宝应县企业欠薪三色预警`, en: `${LAW.REG.en}, Arts. 3 and 38; the Baoying three-colour arrears warning` },
  ruleRef: 'RULES.md §7.4 W17; §7.3 (宝应)',
  consequences: ['order_to_correct', 'credit_downgrade'],
  sql: `
    WITH ents AS (${enterprisesToEvaluate(
      `SELECT DISTINCT a.enterprise_id AS id FROM enterprise_arrears a WHERE $3::uuid[] IS NULL`,
      `EXISTS (SELECT 1 FROM enterprise_arrears a WHERE a.enterprise_id = x.id)`,
    )}),
    x AS (
      SELECT en.id, en.name, t.*,
             ($2::date - make_interval(months => ${num('W17.orangeAfterMonths', 'en')}::int))::date AS orange_before,
             ($2::date - make_interval(months => ${num('W17.redAfterMonths', 'en')}::int))::date AS red_before
        FROM ents JOIN enterprises en ON en.id = ents.id
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE a.is_open)::int AS open_findings,
                 coalesce(sum(a.amount_fen) FILTER (WHERE a.is_open), 0)::bigint AS open_fen,
                 min(a.found_on) FILTER (WHERE a.is_open) AS oldest,
                 coalesce(jsonb_agg(DISTINCT a.source) FILTER (WHERE a.is_open), '[]') AS sources,
                 count(DISTINCT a.project_id) FILTER (WHERE a.is_open)::int AS projects,
                 max(a.resolved_on) FILTER (WHERE NOT a.is_open) AS last_resolved_on
            FROM (SELECT a.*, a.resolved_on IS NULL OR a.resolved_on > $2::date AS is_open FROM enterprise_arrears a
                   WHERE a.enterprise_id = en.id AND a.found_on <= $2::date) a
        ) t
    )
    SELECT x.id::text AS subject_key, NULL::uuid AS project_id, x.id AS enterprise_id, x.open_findings > 0 AS hit,
           CASE WHEN x.oldest < x.red_before THEN 'red' WHEN x.oldest < x.orange_before THEN 'orange' ELSE 'yellow' END AS level,
           jsonb_build_object('enterpriseName', x.name, 'openFindings', x.open_findings, 'openFen', x.open_fen,
                              'oldestFoundOn', x.oldest, 'ageDays', $2::date - x.oldest, 'sources', x.sources,
                              'projects', x.projects, 'lastResolvedOn', x.last_resolved_on) AS evidence
      FROM x`,
};

export const GUARANTEE_RULES: WarningRule[] = [W10, W11, W12, W13, W14, W16, W17];
