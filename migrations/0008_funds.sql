-- 应急周转金 (EMF-01, EMF-02): one fund per city or county region; its balance is never stored,
-- only derived from the movements. Advances (垫付) go to listed workers on a government decision
-- and are recovered (追偿) from the liable employer. Money is integer fen.

CREATE TABLE emergency_funds (
  id          uuid PRIMARY KEY,
  region_code text NOT NULL UNIQUE REFERENCES regions (code),
  region_path text NOT NULL,
  name        text NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX emergency_funds_scope ON emergency_funds (region_path text_pattern_ops);

CREATE TABLE fund_advances (
  id                    uuid PRIMARY KEY,
  fund_id               uuid NOT NULL REFERENCES emergency_funds (id),
  decision_no           text NOT NULL,
  decision_on           date NOT NULL,
  case_ref              text NOT NULL,
  employer_id           uuid NOT NULL REFERENCES enterprises (id),
  project_id            uuid REFERENCES projects (id),
  arrears_fen           bigint NOT NULL CHECK (arrears_fen > 0),
  total_fen             bigint NOT NULL CHECK (total_fen > 0),
  -- Order of use (RULES §10): the deposit came first and did not suffice.
  deposit_shortfall_note text NOT NULL,
  -- A higher amount than EMF-01's caps, approved by the government: recorded, never implied.
  higher_approval_ref   text,
  paid_on               date NOT NULL,
  recorded_by           text NOT NULL,
  created_at            timestamptz NOT NULL,
  UNIQUE (fund_id, decision_no)
);
CREATE INDEX fund_advances_fund ON fund_advances (fund_id, paid_on);

CREATE TABLE fund_advance_lines (
  advance_id uuid NOT NULL REFERENCES fund_advances (id),
  worker_id  uuid NOT NULL REFERENCES workers (id),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  PRIMARY KEY (advance_id, worker_id)
);

CREATE TABLE fund_recoveries (
  id           uuid PRIMARY KEY,
  advance_id   uuid NOT NULL REFERENCES fund_advances (id),
  amount_fen   bigint NOT NULL CHECK (amount_fen > 0),
  recovered_on date NOT NULL,
  reference    text NOT NULL,
  recorded_by  text NOT NULL,
  created_at   timestamptz NOT NULL
);
CREATE INDEX fund_recoveries_advance ON fund_recoveries (advance_id);

-- Every change of the balance, signed: injections and interest in, advances out, recoveries in.
CREATE TABLE fund_movements (
  id          uuid PRIMARY KEY,
  fund_id     uuid NOT NULL REFERENCES emergency_funds (id),
  kind        text NOT NULL CHECK (kind IN ('injection', 'interest', 'advance', 'recovery')),
  amount_fen  bigint NOT NULL CHECK (amount_fen <> 0 AND ((kind = 'advance') = (amount_fen < 0))),
  on_date     date NOT NULL,
  reference   text NOT NULL,
  advance_id  uuid REFERENCES fund_advances (id),
  recovery_id uuid REFERENCES fund_recoveries (id),
  recorded_by text NOT NULL,
  created_at  timestamptz NOT NULL,
  CHECK ((kind IN ('advance', 'recovery')) = (advance_id IS NOT NULL)),
  CHECK ((kind = 'recovery') = (recovery_id IS NOT NULL))
);
CREATE INDEX fund_movements_fund ON fund_movements (fund_id, on_date);
