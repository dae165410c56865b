-- Views the accounts, attendance, payroll and workforce modules define for the wage-payment
-- warning rules W03, W04 and W06–W08 (DESIGN: warnings read other modules' data through views
-- their owners define).

-- accounts: the owner's labour-cost deposits into a project's wage accounts, by Shanghai booking day.
CREATE VIEW labor_cost_deposits AS
SELECT t.project_id, t.account_id, (t.booked_at AT TIME ZONE 'Asia/Shanghai')::date AS booked_on, t.amount_fen
  FROM account_transactions t
 WHERE t.kind = 'labor_cost_deposit';
-- A project's deposits without reading its payouts (W03 sums every project's deposits on each scan).
CREATE INDEX account_transactions_deposits ON account_transactions (project_id, booked_at) INCLUDE (amount_fen) WHERE kind = 'labor_cost_deposit';

-- accounts: the account a project's wages are paid from now (ACC-01: the one not closed) and its balance.
CREATE VIEW wage_account_balances AS
SELECT a.project_id, a.id AS account_id, a.status, a.ledger_balance_fen AS balance_fen
  FROM wage_accounts a
 WHERE a.status <> 'closed';

-- accounts: the labour-cost allocation schedule (人工费分账计划), period by period.
CREATE VIEW labor_cost_schedule AS
SELECT l.project_id, l.period_start, l.period_end, l.due_on, l.expected_fen
  FROM labor_cost_allocations l;

-- attendance: each day a worker was on site (a corrected day counts as corrected), not grouped, so a
-- rule that judges a few months reads only those months' partitions.
CREATE VIEW attendance_present_days AS
SELECT d.project_id, d.work_date, d.worker_id
  FROM attendance_daily d
 WHERE coalesce(d.present_override, d.event_count > 0);

-- payroll: every payroll line with its payroll's employer, month, version, status and due day.
-- `judged` marks the version a check of the payroll reads: the current one once it is approved, or,
-- while a correction is still a draft, the approved version it replaces (a first draft is not yet
-- a payroll). Paid amounts stay on the version that paid them.
CREATE VIEW payroll_line_facts AS
SELECT l.project_id, l.payroll_id, pr.employer_id, pr.month, pr.version, pr.status, pr.due_on,
       (pr.status NOT IN ('draft', 'superseded')
        OR (pr.status = 'superseded' AND EXISTS (
              SELECT 1 FROM payrolls n
               WHERE n.project_id = pr.project_id AND n.employer_id = pr.employer_id AND n.month = pr.month
                 AND n.version = pr.version + 1 AND n.status = 'draft'))) AS judged,
       l.worker_id, l.days_worked, l.net_fen, l.payable_fen, l.paid_fen
  FROM payroll_lines l
  JOIN payrolls pr ON pr.project_id = l.project_id AND pr.id = l.payroll_id;

-- workforce: a worker's name, for evidence that must name the payee (and nothing else of theirs).
CREATE VIEW worker_names AS
SELECT w.id AS worker_id, w.name
  FROM workers w;
