-- 工资表 / 总包代发 (PAY-01…09): the monthly payroll of each employer on a project, each worker's
-- line with its confirmation and checks, the payout batches drawn on the wage account, every
-- payout to a worker's own card and the bank's result for it. Payroll records are kept (PAY-04):
-- never deleted, a correction is a new version and the old one stays.

CREATE TABLE payrolls (
  project_id     uuid NOT NULL REFERENCES projects (id),
  id             uuid NOT NULL,
  employer_id    uuid NOT NULL REFERENCES enterprises (id),
  -- First day of the month worked.
  month          date NOT NULL CHECK (extract(day FROM month) = 1),
  version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  supersedes_id  uuid,
  correction_reason text,
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'paying', 'paid', 'partially_paid', 'superseded')),
  -- PAY-02/03: the latest day the month's wages may be paid; null beyond the holiday calendar.
  due_on         date,
  prepared_by    text NOT NULL,
  approved_by    text,
  approved_at    timestamptz,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  row_version    integer NOT NULL DEFAULT 1,
  PRIMARY KEY (project_id, id),
  UNIQUE (project_id, employer_id, month, version),
  CHECK ((version = 1) = (supersedes_id IS NULL))
);
-- One current version per employer and month; superseded versions stay beside it.
CREATE UNIQUE INDEX payrolls_current ON payrolls (project_id, employer_id, month) WHERE status <> 'superseded';
CREATE INDEX payrolls_due ON payrolls (due_on) WHERE status IN ('approved', 'paying', 'partially_paid');

CREATE TABLE payroll_lines (
  project_id        uuid NOT NULL,
  id                uuid NOT NULL,
  payroll_id        uuid NOT NULL,
  worker_id         uuid NOT NULL REFERENCES workers (id),
  employment_id     uuid NOT NULL,
  wage_type         text NOT NULL CHECK (wage_type IN ('daily', 'monthly', 'piece')),
  wage_amount_fen   bigint NOT NULL CHECK (wage_amount_fen > 0),
  -- Days on site in the month by attendance, when the line was last checked.
  attendance_days   integer NOT NULL CHECK (attendance_days >= 0),
  days_worked       integer NOT NULL CHECK (days_worked BETWEEN 0 AND 31),
  -- [{code, label, amountFen}]: 应发工资项目 and 代扣代缴/扣除项目 (Reg. Art. 15).
  gross_items       jsonb NOT NULL DEFAULT '[]',
  deduction_items   jsonb NOT NULL DEFAULT '[]',
  gross_fen         bigint NOT NULL CHECK (gross_fen >= 0),
  deduction_fen     bigint NOT NULL CHECK (deduction_fen >= 0),
  net_fen           bigint NOT NULL CHECK (net_fen >= 0),
  -- Paid on earlier versions of this payroll for the same worker: a correction pays only the rest.
  paid_prior_fen    bigint NOT NULL DEFAULT 0 CHECK (paid_prior_fen >= 0),
  payable_fen       bigint NOT NULL CHECK (payable_fen >= 0),
  -- The line checks that fail (PAY-07 review), and the reason that lets an overridable one pass.
  check_codes       text[] NOT NULL DEFAULT '{}',
  override_reason   text,
  override_by       text,
  -- PAY-07: the worker signs the line; staff may record a confirmation given otherwise, with a reason.
  confirmation      text NOT NULL DEFAULT 'pending' CHECK (confirmation IN ('pending', 'confirmed', 'disputed')),
  confirmed_via     text CHECK (confirmed_via IN ('worker', 'staff')),
  confirmation_note text,
  confirmed_by      text,
  confirmed_at      timestamptz,
  pay_status        text NOT NULL DEFAULT 'unpaid' CHECK (pay_status IN ('unpaid', 'in_payment', 'paid', 'failed', 'nothing_due')),
  paid_fen          bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
  row_version       integer NOT NULL DEFAULT 1,
  PRIMARY KEY (project_id, id),
  FOREIGN KEY (project_id, payroll_id) REFERENCES payrolls (project_id, id),
  FOREIGN KEY (project_id, employment_id) REFERENCES employments (project_id, id),
  UNIQUE (project_id, payroll_id, worker_id),
  CHECK (net_fen = gross_fen - deduction_fen),
  CHECK (payable_fen = greatest(net_fen - paid_prior_fen, 0))
);
CREATE INDEX payroll_lines_worker ON payroll_lines (worker_id, project_id);

-- A payout batch drawn on the project's wage account (PAY-08), fetched and executed by its bank.
CREATE SEQUENCE payout_batch_no_seq;
CREATE TABLE payout_batches (
  project_id   uuid NOT NULL,
  id           uuid NOT NULL,
  batch_no     text NOT NULL UNIQUE,
  payroll_id   uuid NOT NULL,
  account_id   uuid NOT NULL REFERENCES wage_accounts (id),
  bank_id      uuid NOT NULL REFERENCES banks (id),
  kind         text NOT NULL CHECK (kind IN ('payroll', 'resend')),
  status       text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'fetched', 'completed')),
  line_count   integer NOT NULL CHECK (line_count > 0),
  total_fen    bigint NOT NULL CHECK (total_fen > 0),
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL,
  fetched_at   timestamptz,
  completed_at timestamptz,
  PRIMARY KEY (project_id, id),
  FOREIGN KEY (project_id, payroll_id) REFERENCES payrolls (project_id, id)
);
CREATE INDEX payout_batches_bank ON payout_batches (bank_id, status);

-- One payout of one line. The card is the worker's own from the registry at submission (PAY-08,
-- ACC-05), encrypted (AAD payouts:<id>:card). `ref` is what the bank quotes back.
CREATE TABLE payouts (
  project_id      uuid NOT NULL,
  id              uuid NOT NULL,
  batch_id        uuid NOT NULL,
  payroll_line_id uuid NOT NULL,
  worker_id       uuid NOT NULL REFERENCES workers (id),
  ref             text NOT NULL UNIQUE,
  attempt         integer NOT NULL CHECK (attempt >= 1),
  amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
  card_enc        text NOT NULL,
  card_bidx       text NOT NULL,
  card_mask       text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed')),
  result_at       timestamptz,
  failure_reason  text,
  bank_txn_id     text,
  -- The bank's result as received (its content hash): the same result again is a duplicate, a different one is refused.
  result_hash     text,
  PRIMARY KEY (project_id, id),
  FOREIGN KEY (project_id, batch_id) REFERENCES payout_batches (project_id, id),
  FOREIGN KEY (project_id, payroll_line_id) REFERENCES payroll_lines (project_id, id),
  UNIQUE (project_id, payroll_line_id, attempt)
);
-- Nothing is paid twice: a line has at most one payout that is pending or paid.
CREATE UNIQUE INDEX payouts_once ON payouts (project_id, payroll_line_id) WHERE status IN ('pending', 'paid');
CREATE INDEX payouts_batch ON payouts (project_id, batch_id);

-- A bank's result whose ref we do not know yet (it arrived before its batch) is held here and
-- applied when the batch is registered; results for known payouts go straight onto the payout.
CREATE TABLE payout_results (
  bank_id        uuid NOT NULL REFERENCES banks (id),
  ref            text NOT NULL,
  status         text NOT NULL CHECK (status IN ('paid', 'failed')),
  amount_fen     bigint NOT NULL CHECK (amount_fen > 0),
  result_at      timestamptz NOT NULL,
  failure_reason text,
  bank_txn_id    text,
  content_hash   text NOT NULL,
  received_at    timestamptz NOT NULL,
  applied        boolean NOT NULL DEFAULT false,
  PRIMARY KEY (ref)
);
CREATE INDEX payout_results_held ON payout_results (ref) WHERE NOT applied;

CREATE FUNCTION payroll_records_retained() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'payroll records are retained (PAY-04) and cannot be deleted' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER payrolls_no_delete BEFORE DELETE ON payrolls FOR EACH ROW EXECUTE FUNCTION payroll_records_retained();
CREATE TRIGGER payroll_lines_no_delete BEFORE DELETE ON payroll_lines FOR EACH ROW EXECUTE FUNCTION payroll_records_retained();
CREATE TRIGGER payouts_no_delete BEFORE DELETE ON payouts FOR EACH ROW EXECUTE FUNCTION payroll_records_retained();
