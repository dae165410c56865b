-- 线索 / 案件 (issue 6): every complaint is received as a clue, merged into a case about one project
-- or employer, routed to the responsible unit, handled within its deadlines (working days, holiday
-- calendar, computed by the application) and closed only when each listed worker is paid or the
-- claim has formally moved to another procedure. Money is integer fen; personal data encrypted.

-- 线索: one report from one channel. A national-platform or hotline clue carries its external id,
-- so importing it twice changes nothing.
CREATE TABLE clues (
  id                   uuid PRIMARY KEY,
  channel              text NOT NULL CHECK (channel IN ('worker_app', 'public_qr', 'hotline_12345', 'hotline_12333', 'petition', 'walk_in',
                                                        'inspection', 'opinion', 'warning', 'national_platform', 'anonymous_tip')),
  external_id          text,
  received_at          timestamptz NOT NULL,
  received_on          date NOT NULL,
  received_by          text NOT NULL,
  -- 首问负责: the unit that received it answers for it until the receiving unit accepts the case.
  receiver_unit_id     uuid REFERENCES gov_units (id),
  region_code          text NOT NULL REFERENCES regions (code),
  region_path          text NOT NULL,
  project_id           uuid REFERENCES projects (id),
  employer_id          uuid REFERENCES enterprises (id),
  employer_name        text NOT NULL,
  employer_credit_code text,
  -- The registry match of the employer named: proposed by name similarity, confirmed by staff.
  employer_match       text NOT NULL DEFAULT 'unmatched' CHECK (employer_match IN ('unmatched', 'proposed', 'confirmed')),
  anonymous            boolean NOT NULL DEFAULT false,
  complainant_name     text,
  complainant_phone_enc  text,
  complainant_phone_bidx text,
  complainant_phone_mask text,
  complainant_worker_id  uuid REFERENCES workers (id),
  worker_count         integer NOT NULL CHECK (worker_count >= 1),
  claimed_fen          bigint NOT NULL CHECK (claimed_fen >= 0),
  period_from          date,
  period_to            date,
  description          text NOT NULL,
  file_ids             uuid[] NOT NULL DEFAULT '{}',
  warning_id           uuid REFERENCES warnings (id),
  -- open → in a case; or kept as intelligence (an anonymous tip-off starts an inspection, never a case with a complainant).
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_case', 'intelligence')),
  case_id              uuid,
  created_at           timestamptz NOT NULL,
  CHECK (period_to IS NULL OR period_from IS NULL OR period_from <= period_to),
  CHECK (NOT anonymous OR (complainant_name IS NULL AND complainant_phone_enc IS NULL AND complainant_worker_id IS NULL))
);
CREATE UNIQUE INDEX clues_external ON clues (channel, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX clues_scope ON clues (region_path text_pattern_ops, status, received_on);
CREATE INDEX clues_project ON clues (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX clues_employer ON clues (employer_id) WHERE employer_id IS NOT NULL;
CREATE INDEX clues_case ON clues (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX clues_complainant ON clues (complainant_worker_id) WHERE complainant_worker_id IS NOT NULL;
CREATE INDEX clues_complainant_phone ON clues (complainant_phone_bidx) WHERE complainant_phone_bidx IS NOT NULL;

-- 案件: named in the official style, e.g. 「XX工程拖欠张三等12名农民工工资案」.
CREATE TABLE cases (
  id                   uuid PRIMARY KEY,
  case_no              text NOT NULL UNIQUE,
  title                text NOT NULL,
  region_code          text NOT NULL REFERENCES regions (code),
  region_path          text NOT NULL,
  industry             text,
  project_id           uuid REFERENCES projects (id),
  employer_id          uuid REFERENCES enterprises (id),
  employer_name        text NOT NULL,
  party_ids            uuid[] NOT NULL DEFAULT '{}',
  status               text NOT NULL CHECK (status IN ('received', 'accepted', 'mediating', 'investigating', 'ordered', 'enforcing', 'resolved', 'closed')),
  -- The deadline of the stage the case is in, and when it was last escalated for missing it.
  stage_due_on         date,
  escalated_at         timestamptz,
  escalation_level     integer NOT NULL DEFAULT 0,
  accountable_unit_id  uuid REFERENCES gov_units (id),
  handling_unit_id     uuid REFERENCES gov_units (id),
  assist_unit_ids      uuid[] NOT NULL DEFAULT '{}',
  -- 双交办: assigned from above, to 信访 and 治欠 together.
  assigned_by_unit_id  uuid REFERENCES gov_units (id),
  dual_assignment      boolean NOT NULL DEFAULT false,
  received_on          date NOT NULL,
  accepted_on          date,
  filed_on             date,
  extended             boolean NOT NULL DEFAULT false,
  order_due_on         date,
  resolved_on          date,
  closed_on            date,
  closure_kind         text CHECK (closure_kind IN ('paid', 'moved', 'not_accepted', 'unfounded', 'merged')),
  conclusion           text,
  merged_into          uuid REFERENCES cases (id),
  major                boolean NOT NULL DEFAULT false,
  major_reasons        jsonb NOT NULL DEFAULT '[]',
  supervision          text[] NOT NULL DEFAULT '{}' CHECK (supervision <@ ARRAY['listed', 'leader', 'task_force']),
  leader_name          text,
  task_force_unit_ids  uuid[] NOT NULL DEFAULT '{}',
  callback_on          date,
  satisfaction         text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable')),
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  row_version          integer NOT NULL DEFAULT 1,
  CHECK ((status = 'closed') = (closure_kind IS NOT NULL)),
  CHECK (closure_kind IS DISTINCT FROM 'merged' OR merged_into IS NOT NULL)
);
CREATE INDEX cases_scope ON cases (region_path text_pattern_ops, status, stage_due_on);
CREATE INDEX cases_handling ON cases (handling_unit_id, status);
CREATE INDEX cases_project ON cases (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX cases_parties ON cases USING gin (party_ids);
CREATE INDEX cases_due ON cases (stage_due_on) WHERE status NOT IN ('closed');
ALTER TABLE clues ADD CONSTRAINT clues_case_fk FOREIGN KEY (case_id) REFERENCES cases (id);
CREATE SEQUENCE case_no_seq;

-- 涉及农民工: each worker's claim, what verification found owed and what was recovered (kept apart:
-- 附件1 reports both). A worker may be outside the registry (a day labourer): then name and contact only.
CREATE TABLE case_workers (
  id                   uuid PRIMARY KEY,
  -- The order listed: the first is the case's named worker (「拖欠张三等12名…」).
  ord                  bigint GENERATED ALWAYS AS IDENTITY,
  case_id              uuid NOT NULL REFERENCES cases (id),
  worker_id            uuid REFERENCES workers (id),
  name                 text NOT NULL,
  phone_enc            text,
  phone_bidx           text,
  phone_mask           text,
  claimed_fen          bigint NOT NULL CHECK (claimed_fen >= 0),
  found_owed_fen       bigint CHECK (found_owed_fen >= 0),
  -- open → paid (in full), or moved to another procedure (arbitration, court, police) with where.
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'moved')),
  moved_to             text CHECK (moved_to IN ('arbitration', 'court', 'police', 'other_department')),
  confirmed_at         timestamptz,
  unreachable          boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL,
  UNIQUE (case_id, worker_id),
  CHECK ((status = 'moved') = (moved_to IS NOT NULL))
);
CREATE INDEX case_workers_case ON case_workers (case_id);
CREATE INDEX case_workers_worker ON case_workers (worker_id) WHERE worker_id IS NOT NULL;

-- 追发工资: each payment to a worker, by whom; a reference ties it to a deposit draw or a fund advance.
CREATE TABLE case_payments (
  id                   uuid PRIMARY KEY,
  case_id              uuid NOT NULL REFERENCES cases (id),
  case_worker_id       uuid NOT NULL REFERENCES case_workers (id),
  amount_fen           bigint NOT NULL CHECK (amount_fen > 0),
  paid_on              date NOT NULL,
  source               text NOT NULL CHECK (source IN ('employer', 'general_contractor', 'owner', 'deposit', 'emergency_fund')),
  reference            text NOT NULL,
  recorded_by          text NOT NULL,
  created_at           timestamptz NOT NULL,
  UNIQUE (case_id, source, reference, case_worker_id)
);
CREATE INDEX case_payments_case ON case_payments (case_id, case_worker_id);

-- 一案双查: the 11 items of 附件4 欠薪案件线索核查表, each answered with evidence.
CREATE TABLE case_checklist (
  case_id              uuid NOT NULL REFERENCES cases (id),
  item                 text NOT NULL,
  violation            boolean NOT NULL,
  note                 text,
  file_ids             uuid[] NOT NULL DEFAULT '{}',
  checked_by           text NOT NULL,
  checked_at           timestamptz NOT NULL,
  PRIMARY KEY (case_id, item)
);

-- The written instruments of a case: notices, orders, decisions, transfers (numbered, dated).
CREATE TABLE case_documents (
  id                   uuid PRIMARY KEY,
  case_id              uuid NOT NULL REFERENCES cases (id),
  kind                 text NOT NULL CHECK (kind IN ('not_accepted_notice', 'order_to_correct', 'handling_decision', 'penalty_decision',
                                                     'compensation_order', 'police_transfer', 'settlement_agreement', 'referral_notice')),
  doc_no               text NOT NULL,
  issued_on            date NOT NULL,
  due_on               date,
  amount_fen           bigint CHECK (amount_fen >= 0),
  data                 jsonb NOT NULL DEFAULT '{}',
  file_id              uuid REFERENCES files (id),
  issued_by            text NOT NULL,
  created_at           timestamptz NOT NULL,
  UNIQUE (kind, doc_no)
);
CREATE INDEX case_documents_case ON case_documents (case_id, issued_on);

-- The case's timeline: every move, with who, when and what.
CREATE TABLE case_events (
  id                   uuid PRIMARY KEY,
  case_id              uuid NOT NULL REFERENCES cases (id),
  at                   timestamptz NOT NULL,
  kind                 text NOT NULL,
  actor_name           text NOT NULL,
  from_status          text,
  to_status            text,
  data                 jsonb,
  file_ids             uuid[] NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events (case_id, at);

-- 群体性事件: people gathered over wages, where, what was done, the response level, the cases behind it.
CREATE TABLE incidents (
  id                   uuid PRIMARY KEY,
  region_code          text NOT NULL REFERENCES regions (code),
  region_path          text NOT NULL,
  project_id           uuid REFERENCES projects (id),
  occurred_at          timestamptz NOT NULL,
  place                text NOT NULL,
  people               integer NOT NULL CHECK (people >= 1),
  response_level       text NOT NULL CHECK (response_level IN ('i', 'ii', 'iii', 'iv')),
  extreme              boolean NOT NULL DEFAULT false,
  measures             text NOT NULL,
  case_ids             uuid[] NOT NULL DEFAULT '{}',
  -- Progress payments already cover the wages: the project is marked for payment suspension.
  suspension_marked    boolean NOT NULL DEFAULT false,
  recorded_by          text NOT NULL,
  created_at           timestamptz NOT NULL
);
CREATE INDEX incidents_scope ON incidents (region_path text_pattern_ops, occurred_at);
CREATE INDEX incidents_project ON incidents (project_id) WHERE project_id IS NOT NULL;

-- 公众扫码投诉: a complainant without an account proves the phone number by a code sent to it. The
-- code is kept only as a keyed MAC; the message waits in the SMS outbox (encrypted) for the gateway.
CREATE TABLE phone_verifications (
  id           uuid PRIMARY KEY,
  purpose      text NOT NULL CHECK (purpose IN ('complaint')),
  phone_enc    text NOT NULL,
  phone_bidx   text NOT NULL,
  code_mac     text NOT NULL,
  expires_at   timestamptz NOT NULL,
  attempts     integer NOT NULL DEFAULT 0,
  used_at      timestamptz,
  ip           text,
  created_at   timestamptz NOT NULL
);
CREATE INDEX phone_verifications_phone ON phone_verifications (phone_bidx, created_at);
CREATE INDEX phone_verifications_ip ON phone_verifications (ip, created_at);

CREATE TABLE sms_outbox (
  id           uuid PRIMARY KEY,
  -- What the message is about (the verification it carries the code of).
  ref_id       uuid NOT NULL,
  phone_enc    text NOT NULL,
  template     text NOT NULL,
  params_enc   text NOT NULL,
  created_at   timestamptz NOT NULL,
  sent_at      timestamptz
);
CREATE INDEX sms_outbox_unsent ON sms_outbox (created_at) WHERE sent_at IS NULL;

-- Complaints count in the warnings (W13 complaint cluster) and the risk score: payroll disputes as
-- before, and now every clue about a project (a complainant outside the registry, or anonymous,
-- counts as one person of their own). Warnings turned into clues are not complaints. Each branch
-- reads one table (the employer by a key lookup), so a rule's project filter reaches into both.
CREATE OR REPLACE VIEW complaint_facts AS
SELECT l.project_id,
       (SELECT pr.employer_id FROM payrolls pr WHERE pr.project_id = l.project_id AND pr.id = l.payroll_id) AS employer_id,
       l.worker_id, l.confirmed_at AS at, 'payroll_dispute'::text AS source
  FROM payroll_lines l
 WHERE l.confirmation = 'disputed' AND l.confirmed_at IS NOT NULL
UNION ALL
SELECT c.project_id, c.employer_id, coalesce(c.complainant_worker_id, c.id), c.received_at, 'clue'::text
  FROM clues c
 WHERE c.project_id IS NOT NULL AND c.channel <> 'warning';

-- The disputed lines are few among millions: found through their own small index.
CREATE INDEX payroll_lines_disputed ON payroll_lines (project_id, payroll_id) WHERE confirmation = 'disputed' AND confirmed_at IS NOT NULL;

CREATE TRIGGER clues_dirty_i AFTER INSERT ON clues REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('complaint');
CREATE TRIGGER clues_dirty_u AFTER UPDATE ON clues REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('complaint');
