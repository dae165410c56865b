-- 受理登记: a public complaint as received, before it is routed. The request stores it in one
-- statement with its code check and its case number; the intake drainer then opens the clue and
-- the case in batches (cases.intake.ts). Kept after routing, as the record of what was submitted.
CREATE TABLE complaint_submissions (
  -- The phone verification that proved it: one complaint per code, so a retry finds the first.
  id            uuid PRIMARY KEY REFERENCES phone_verifications (id),
  case_no       text NOT NULL UNIQUE,
  project_id    uuid REFERENCES projects (id),
  region_code   text NOT NULL REFERENCES regions (code),
  region_path   text NOT NULL,
  -- The complaint as the public form sent it, less the code (names, amounts, period, description).
  complaint     jsonb NOT NULL,
  received_at   timestamptz NOT NULL,
  request_id    text,
  ip            text,
  clue_id       uuid REFERENCES clues (id),
  routed_at     timestamptz,
  -- A submission that failed to route is retried later; the error code (never its data) is kept.
  attempts      integer NOT NULL DEFAULT 0,
  retry_at      timestamptz,
  last_error    text
);
-- The drainer's queue: what is waiting, oldest first.
CREATE INDEX complaint_submissions_waiting ON complaint_submissions (received_at) WHERE routed_at IS NULL;
