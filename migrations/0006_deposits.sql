-- 工资保证金 (DEP-01…11): what the general contractor lodged for a project, draws by HRSS decision,
-- top-ups, the return after completion, and the enterprise arrears history the ratio depends on.
-- Money is integer fen. No personal data: companies, banks, decisions.

-- 欠薪记录: an enterprise's arrears as found by the wage office (or fed later by payroll and cases).
CREATE TABLE enterprise_arrears (
  id            uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  project_id    uuid REFERENCES projects (id),
  found_on      date NOT NULL,
  amount_fen    bigint NOT NULL CHECK (amount_fen > 0),
  resolved_on   date,
  source        text NOT NULL CHECK (source IN ('case', 'inspection', 'warning', 'payroll')),
  reference     text NOT NULL,
  recorded_by   text NOT NULL,
  created_at    timestamptz NOT NULL,
  CHECK (resolved_on IS NULL OR resolved_on >= found_on)
);
CREATE INDEX enterprise_arrears_enterprise ON enterprise_arrears (enterprise_id, found_on);
CREATE INDEX enterprise_arrears_project ON enterprise_arrears (project_id) WHERE project_id IS NOT NULL;

-- 严重失信主体名单 periods of an enterprise (until the credit module owns the list).
CREATE TABLE enterprise_dishonesty_listings (
  id            uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  listed_on     date NOT NULL,
  removed_on    date,
  decision_no   text NOT NULL,
  recorded_by   text NOT NULL,
  created_at    timestamptz NOT NULL,
  CHECK (removed_on IS NULL OR removed_on > listed_on)
);
CREATE INDEX enterprise_dishonesty_enterprise ON enterprise_dishonesty_listings (enterprise_id, listed_on);

-- From when the wage office's arrears record of an enterprise is complete: clean years count from it.
CREATE TABLE enterprise_arrears_coverage (
  enterprise_id uuid PRIMARY KEY REFERENCES enterprises (id),
  covered_from  date NOT NULL,
  recorded_by   text NOT NULL,
  updated_at    timestamptz NOT NULL
);

-- What was lodged: cash in a deposit account, or an instrument (guarantee, letter, surety insurance).
CREATE TABLE deposit_lodgings (
  id                    uuid PRIMARY KEY,
  project_id            uuid NOT NULL REFERENCES projects (id),
  general_contractor_id uuid NOT NULL REFERENCES enterprises (id),
  form                  text NOT NULL CHECK (form IN ('cash', 'bank_guarantee', 'guarantee_letter', 'surety_insurance')),
  amount_fen            bigint NOT NULL CHECK (amount_fen > 0),
  lodged_on             date NOT NULL,
  bank_id               uuid REFERENCES banks (id),
  account_no            text,
  issuer                text,
  instrument_no         text,
  valid_from            date,
  valid_until           date,
  recorded_by           text NOT NULL,
  created_at            timestamptz NOT NULL,
  CHECK ((form = 'cash') = (bank_id IS NOT NULL AND account_no IS NOT NULL)),
  CHECK (form = 'cash' OR (issuer IS NOT NULL AND instrument_no IS NOT NULL AND valid_from IS NOT NULL AND valid_until IS NOT NULL AND valid_until >= valid_from))
);
CREATE INDEX deposit_lodgings_project ON deposit_lodgings (project_id, lodged_on);

-- 动用: only on an HRSS usage decision after an order to pay went unmet (DEP-09).
CREATE TABLE deposit_draws (
  id                  uuid PRIMARY KEY,
  project_id          uuid NOT NULL REFERENCES projects (id),
  amount_fen          bigint NOT NULL CHECK (amount_fen > 0),
  drawn_on            date NOT NULL,
  order_no            text NOT NULL,
  order_issued_on     date NOT NULL,
  order_due_on        date NOT NULL,
  order_unmet         boolean NOT NULL CHECK (order_unmet),
  decision_no         text NOT NULL,
  decision_on         date NOT NULL,
  decision_amount_fen bigint NOT NULL CHECK (decision_amount_fen >= amount_fen),
  case_ref            text NOT NULL,
  workers_ref         text NOT NULL,
  -- Null when the deadline falls beyond the official holiday calendar: unknown, not guessed.
  top_up_due_on       date,
  recorded_by         text NOT NULL,
  created_at          timestamptz NOT NULL,
  CHECK (order_due_on >= order_issued_on AND decision_on > order_due_on AND drawn_on >= decision_on)
);
CREATE INDEX deposit_draws_project ON deposit_draws (project_id, drawn_on);

CREATE TABLE deposit_top_ups (
  id          uuid PRIMARY KEY,
  draw_id     uuid NOT NULL REFERENCES deposit_draws (id),
  project_id  uuid NOT NULL REFERENCES projects (id),
  amount_fen  bigint NOT NULL CHECK (amount_fen > 0),
  topped_on   date NOT NULL,
  form        text NOT NULL CHECK (form IN ('cash', 'bank_guarantee', 'guarantee_letter', 'surety_insurance')),
  reference   text NOT NULL,
  recorded_by text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX deposit_top_ups_draw ON deposit_top_ups (draw_id);

-- 返还 (DEP-11): application → check and public notice → return notice (another official) → returned.
CREATE TABLE deposit_returns (
  project_id        uuid PRIMARY KEY REFERENCES projects (id),
  status            text NOT NULL CHECK (status IN ('applied', 'noticed', 'ordered', 'returned', 'rejected')),
  applied_on        date NOT NULL,
  applied_by        text NOT NULL,
  approved_by_id    uuid,
  approved_by       text,
  notice_from       date,
  notice_until      date,
  ordered_on        date,
  ordered_by        text,
  bank_due_on       date,
  returned_on       date,
  reject_reason     text,
  updated_at        timestamptz NOT NULL,
  version           integer NOT NULL DEFAULT 1
);
