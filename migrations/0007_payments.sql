-- 工程款 (SET-01, SET-02, LIA-02): the monthly completed value the general contractor reports and
-- the owner confirms, the owner's payments, the quality retention held, and the settlements.
-- Nothing is deleted: a correction is a new version that supersedes the old one.

-- 已完工程价款 of one month (the value of that month's work, not a running total).
CREATE TABLE completed_values (
  project_id         uuid NOT NULL REFERENCES projects (id),
  id                 uuid NOT NULL,
  month              date NOT NULL CHECK (extract(day FROM month) = 1),
  version            integer NOT NULL CHECK (version >= 1),
  amount_fen         bigint NOT NULL CHECK (amount_fen >= 0),
  note               text,
  correction_reason  text,
  recorded_by_id     uuid,
  recorded_by_name   text NOT NULL,
  recorded_at        timestamptz NOT NULL,
  -- The owner's confirmation of this version; a correction needs its own.
  confirmed_by_id    uuid,
  confirmed_by_name  text,
  confirmed_at       timestamptz,
  superseded_at      timestamptz,
  PRIMARY KEY (project_id, id),
  UNIQUE (project_id, month, version),
  CHECK ((confirmed_at IS NULL) = (confirmed_by_name IS NULL)),
  CHECK (version = 1 OR correction_reason IS NOT NULL)
);
CREATE UNIQUE INDEX completed_values_current ON completed_values (project_id, month) WHERE superseded_at IS NULL;

-- 进度款支付 and the other money between owner and contractor. Amounts positive; a refund flows back.
CREATE TABLE owner_payments (
  project_id        uuid NOT NULL REFERENCES projects (id),
  id                uuid NOT NULL,
  paid_on           date NOT NULL,
  amount_fen        bigint NOT NULL CHECK (amount_fen > 0),
  kind              text NOT NULL CHECK (kind IN ('progress', 'advance', 'retention_release', 'refund')),
  -- The bank voucher or payment order: the same one twice is the same payment.
  reference         text NOT NULL,
  note              text,
  recorded_by_id    uuid,
  recorded_by_name  text NOT NULL,
  recorded_at       timestamptz NOT NULL,
  PRIMARY KEY (project_id, id),
  UNIQUE (project_id, kind, reference)
);
CREATE INDEX owner_payments_date ON owner_payments (project_id, paid_on);

-- 质量保证金 the owner holds back (≤ SET-01.maxRetention of the contract price); versioned like the values.
CREATE TABLE payment_retentions (
  project_id        uuid NOT NULL REFERENCES projects (id),
  id                uuid NOT NULL,
  version           integer NOT NULL CHECK (version >= 1),
  amount_fen        bigint NOT NULL CHECK (amount_fen >= 0),
  held_from         date NOT NULL,
  note              text,
  recorded_by_id    uuid,
  recorded_by_name  text NOT NULL,
  recorded_at       timestamptz NOT NULL,
  superseded_at     timestamptz,
  PRIMARY KEY (project_id, id),
  UNIQUE (project_id, version)
);
CREATE UNIQUE INDEX payment_retentions_current ON payment_retentions (project_id) WHERE superseded_at IS NULL;

-- 过程结算 (SET-02) per period and the one 竣工结算, with the settled price.
CREATE TABLE payment_settlements (
  project_id        uuid NOT NULL REFERENCES projects (id),
  id                uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('interim', 'final')),
  period_from       date NOT NULL,
  period_to         date NOT NULL,
  amount_fen        bigint NOT NULL CHECK (amount_fen >= 0),
  settled_on        date NOT NULL,
  reference         text NOT NULL,
  note              text,
  recorded_by_id    uuid,
  recorded_by_name  text NOT NULL,
  recorded_at       timestamptz NOT NULL,
  PRIMARY KEY (project_id, id),
  CHECK (period_from <= period_to),
  CHECK (settled_on >= period_from)
);
CREATE UNIQUE INDEX payment_settlements_one_final ON payment_settlements (project_id) WHERE kind = 'final';
CREATE INDEX payment_settlements_period ON payment_settlements (project_id, kind, period_to);
