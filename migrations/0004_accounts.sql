-- 工资专用账户 (ACC-01…09) and 人工费分账: the dedicated wage account of a project, every
-- transaction the bank reports on it, and the labour-cost allocations the contract schedules.

-- A bank's machine key is bound to the bank: it reports on the accounts held there only. Its
-- request-signing secret (HMAC over timestamp, nonce and body) is held encrypted
-- (AAD api_keys:<id>:signing_secret) and shown once at creation.
ALTER TABLE api_keys
  ADD COLUMN scope_bank_id uuid REFERENCES banks (id),
  ADD COLUMN signing_secret_enc text;

-- Nonces of signed bank requests inside the replay window: a second use is a replay.
CREATE TABLE bank_request_nonces (
  api_key_id uuid NOT NULL REFERENCES api_keys (id),
  nonce      text NOT NULL,
  used_at    timestamptz NOT NULL,
  PRIMARY KEY (api_key_id, nonce)
);
CREATE INDEX bank_request_nonces_used ON bank_request_nonces (used_at);

CREATE TABLE wage_accounts (
  id                    uuid PRIMARY KEY,
  project_id            uuid NOT NULL REFERENCES projects (id),
  general_contractor_id uuid NOT NULL REFERENCES enterprises (id),
  bank_id               uuid NOT NULL REFERENCES banks (id),
  -- A company account, not personal data: the bank's reports name it.
  account_no            text NOT NULL,
  account_name          text NOT NULL,
  -- Date the construction contract was signed, as declared at opening (ACC-02 counts from it).
  contract_signed_on    date NOT NULL,
  opened_on             date NOT NULL,
  agreement_signed_on   date,
  agreement_file_id     uuid REFERENCES files (id),
  status                text NOT NULL DEFAULT 'opened' CHECK (status IN ('opened', 'in_use', 'frozen', 'closed')),
  close_notice_from     date,
  closed_on             date,
  -- Maintained in the statement that inserts each transaction: the sum of their amounts.
  ledger_balance_fen    bigint NOT NULL DEFAULT 0,
  -- The bank's own running balance after its latest transaction (by booking time, then bank sequence).
  bank_balance_fen      bigint,
  bank_balance_at       timestamptz,
  bank_balance_seq      bigint,
  bank_balance_txn_id   text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  UNIQUE (bank_id, account_no),
  CHECK (status <> 'closed' OR closed_on IS NOT NULL)
);
-- One account per project (ACC-01); a closed account may be followed by a new one.
CREATE UNIQUE INDEX wage_accounts_one_open ON wage_accounts (project_id) WHERE status <> 'closed';
CREATE INDEX wage_accounts_bank ON wage_accounts (bank_id);

CREATE TABLE wage_account_status_history (
  id          uuid PRIMARY KEY,
  account_id  uuid NOT NULL REFERENCES wage_accounts (id),
  from_status text,
  to_status   text NOT NULL,
  on_date     date NOT NULL,
  reason      text,
  by_name     text NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX wage_account_status_history_account ON wage_account_status_history (account_id, at);

-- 专户流水. Signed amounts: credits positive, debits negative. Idempotent by the bank's
-- transaction id; a second report of the same id with different content is refused, not merged.
CREATE TABLE account_transactions (
  project_id            uuid NOT NULL REFERENCES projects (id),
  id                    uuid NOT NULL,
  account_id            uuid NOT NULL REFERENCES wage_accounts (id),
  bank_txn_id           text NOT NULL,
  kind                  text NOT NULL CHECK (kind IN ('labor_cost_deposit', 'payout', 'payout_return', 'fee', 'interest', 'other')),
  amount_fen            bigint NOT NULL CHECK (amount_fen <> 0),
  booked_at             timestamptz NOT NULL,
  bank_seq              bigint,
  balance_after_fen     bigint,
  counterparty_name     text,
  -- A worker's card on payouts and returns is personal data: encrypted, blind-indexed, masked.
  counterparty_account_enc  text,
  counterparty_account_bidx text,
  counterparty_account_mask text,
  -- The bank's reference to our payout line (payroll module), when it has one.
  payout_ref            text,
  memo                  text,
  -- ACC-05: a debit that is not a payout to this project's worker's own card.
  flags                 text[] NOT NULL DEFAULT '{}',
  source                text NOT NULL CHECK (source IN ('api', 'statement')),
  content_hash          text NOT NULL,
  received_at           timestamptz NOT NULL,
  PRIMARY KEY (project_id, id),
  UNIQUE (project_id, account_id, bank_txn_id),
  CHECK ((kind IN ('labor_cost_deposit', 'payout_return', 'interest') AND amount_fen > 0)
      OR (kind IN ('payout', 'fee') AND amount_fen < 0)
      OR kind = 'other')
);
CREATE INDEX account_transactions_account ON account_transactions (account_id, booked_at);
CREATE INDEX account_transactions_flagged ON account_transactions (project_id) WHERE flags <> '{}';

-- 人工费分账计划: what the owner owes the account, period by period (ACC-04).
CREATE TABLE labor_cost_allocations (
  project_id   uuid NOT NULL REFERENCES projects (id),
  id           uuid NOT NULL,
  period_start date NOT NULL,
  period_end   date NOT NULL,
  due_on       date NOT NULL,
  expected_fen bigint NOT NULL CHECK (expected_fen >= 0),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, id),
  UNIQUE (project_id, period_start),
  CHECK (period_end >= period_start)
);
