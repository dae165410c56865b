-- Views the owning modules define for the payout group of warning rules (W18–W20, W24–W26):
-- payout failures, payroll sign-offs, wage terms, the wage account's transactions, the coverage of
-- the labour-cost schedule, and open arrears. Each says which module owns it. The rules also read
-- 0010's payroll_month_facts and 0012's attendance_present_days, payroll_line_facts and
-- wage_account_balances.

-- payroll: every failed payout with its payroll, and whether it is the line's last word — nothing
-- was sent after it. A later attempt, pending or paid, handles the failure; a later failure is a
-- row of its own.
CREATE VIEW payout_failure_facts AS
SELECT o.project_id, pr.employer_id, pr.month, pr.id AS payroll_id, pr.version, pr.status AS payroll_status,
       o.payroll_line_id, o.worker_id, o.attempt, o.amount_fen, o.result_at, o.failure_reason,
       NOT EXISTS (SELECT 1 FROM payouts n
                    WHERE n.project_id = o.project_id AND n.payroll_line_id = o.payroll_line_id AND n.attempt > o.attempt) AS open
  FROM payouts o
  JOIN payroll_lines l ON l.project_id = o.project_id AND l.id = o.payroll_line_id
  JOIN payrolls pr ON pr.project_id = l.project_id AND pr.id = l.payroll_id
 WHERE o.status = 'failed';
-- payroll: failures are few among the payouts; the view finds them without reading every payout.
CREATE INDEX payouts_failed ON payouts (project_id, payroll_line_id) WHERE status = 'failed';

-- payroll: each line with its payroll's employer, month, version and status, and whether its
-- worker must sign it (PAY-07: a line paying for days or money; approval waits for those).
CREATE VIEW payroll_line_signoffs AS
SELECT l.project_id, l.payroll_id, pr.employer_id, pr.month, pr.version, pr.status, pr.updated_at AS payroll_updated_at,
       l.id AS line_id, l.worker_id, l.net_fen, l.confirmation, (l.gross_fen > 0 OR l.days_worked > 0) AS needs_confirmation
  FROM payroll_lines l
  JOIN payrolls pr ON pr.project_id = l.project_id AND pr.id = l.payroll_id;

-- workforce: who employs each worker on a project, from when to when, on what wage terms.
CREATE VIEW employment_wage_terms AS
SELECT e.project_id, e.id AS employment_id, e.worker_id, e.employer_id, e.entry_date, e.exit_date, e.wage_type, e.wage_amount_fen
  FROM employments e;

-- accounts: the account's transactions as the bank reported them, the counterparty's card by its
-- mask only; `flags` holds ACC-05 when a debit is not a wage to this project's worker's own card.
CREATE VIEW account_transaction_facts AS
SELECT t.project_id, t.account_id, t.kind, t.amount_fen, t.booked_at, t.counterparty_name, t.counterparty_account_mask, t.flags
  FROM account_transactions t;

-- accounts: each labour-cost allocation with what the owner's deposits to date leave uncovered,
-- matched in due order as matchAllocations does (the oldest debt is paid first).
CREATE VIEW labor_cost_allocation_coverage AS
SELECT a.project_id, a.id AS allocation_id, a.period_start, a.period_end, a.due_on, a.expected_fen,
       greatest(0, least(a.expected_fen, a.through_fen - coalesce(d.deposited_fen, 0)))::bigint AS uncovered_fen
  FROM (SELECT la.project_id, la.id, la.period_start, la.period_end, la.due_on, la.expected_fen,
               sum(la.expected_fen) OVER (PARTITION BY la.project_id ORDER BY la.due_on, la.period_start) AS through_fen
          FROM labor_cost_allocations la) a
  LEFT JOIN (SELECT t.project_id, sum(t.amount_fen) AS deposited_fen
               FROM account_transactions t WHERE t.kind = 'labor_cost_deposit' GROUP BY t.project_id) d
    ON d.project_id = a.project_id;

-- deposits: arrears found on a project and not yet resolved.
CREATE VIEW project_open_arrears AS
SELECT a.project_id, a.id AS arrears_id, a.enterprise_id, a.found_on, a.amount_fen, a.source
  FROM enterprise_arrears a
 WHERE a.project_id IS NOT NULL AND a.resolved_on IS NULL;
