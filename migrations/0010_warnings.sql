-- 预警: warnings raised by the rule catalogue's set-based scans, their lifecycle (dispatch →
-- acknowledge → disposal → verification), escalation ladder proposals, risk scores, in-app
-- notifications, and the outbox of changed facts that drives incremental evaluation.

-- Function parameters are named p_…: inside a SQL function a column of the same name would win.

-- A UUIDv7 made inside a statement (same layout as the application's), for rows that set-based
-- statements insert by the thousand (warning events, notifications).
CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1), 'hex')::uuid
$$;

-- The value of a rule parameter for a region, from a scan's parameter snapshot:
-- {"W05.graceMonths": {"default": 1, "overrides": [{"path": "450000/450100/", "value": 2}]}}.
-- The deepest region on the path wins, as in the params module's own resolution.
CREATE FUNCTION scan_param(p_params jsonb, p_id text, p_path text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(
    (SELECT o -> 'value' FROM jsonb_array_elements(p_params -> p_id -> 'overrides') AS o
      WHERE p_path LIKE (o ->> 'path') || '%'
      ORDER BY length(o ->> 'path') DESC LIMIT 1),
    p_params -> p_id -> 'default')
$$;

-- 企业经营风险信号 (Reg. Art. 38): arrears of water, power, gas, tax or social insurance shared by
-- the departments that hold them. Idempotent by the source's own reference.
CREATE TABLE enterprise_risk_signals (
  id              uuid PRIMARY KEY,
  enterprise_id   uuid NOT NULL REFERENCES enterprises (id),
  kind            text NOT NULL CHECK (kind IN ('water', 'power', 'gas', 'tax', 'social_insurance')),
  source          text NOT NULL,
  source_ref      text NOT NULL,
  period          date NOT NULL,
  overdue_fen     bigint NOT NULL CHECK (overdue_fen >= 0),
  overdue_months  smallint NOT NULL CHECK (overdue_months >= 0),
  cleared_on      date,
  recorded_by     text NOT NULL,
  received_at     timestamptz NOT NULL,
  UNIQUE (source, source_ref)
);
CREATE INDEX enterprise_risk_signals_enterprise ON enterprise_risk_signals (enterprise_id, period);

CREATE TABLE warnings (
  id                uuid PRIMARY KEY,
  rule_code         text NOT NULL,
  -- The rule's own key for what it watches: a project, an employer's month, a worker's exit …
  subject_key       text NOT NULL,
  subject_kind      text NOT NULL CHECK (subject_kind IN ('project', 'enterprise')),
  project_id        uuid REFERENCES projects (id),
  enterprise_id     uuid REFERENCES enterprises (id),
  -- Scope: the project's region and industry, or the enterprise's; every enterprise party.
  region_code       text NOT NULL,
  region_path       text NOT NULL,
  industry          text,
  party_ids         uuid[] NOT NULL,
  level             text NOT NULL CHECK (level IN ('yellow', 'orange', 'red')),
  status            text NOT NULL CHECK (status IN ('generated', 'dispatched', 'acknowledged', 'disposed', 'closed', 'resolved')),
  evidence          jsonb NOT NULL,
  raised_at         timestamptz NOT NULL,
  raised_on         date NOT NULL,
  evaluated_at      timestamptz NOT NULL,
  -- Null when the day lies beyond the holiday calendar the platform holds.
  due_on            date,
  lead_unit_id      uuid REFERENCES gov_units (id),
  assist_unit_ids   uuid[] NOT NULL DEFAULT '{}',
  -- Who has it now: the lead unit, or the unit one level up after each escalation.
  handling_unit_id  uuid REFERENCES gov_units (id),
  escalations       smallint NOT NULL DEFAULT 0,
  ladder_step       text NOT NULL DEFAULT 'notice',
  acknowledged_at   timestamptz,
  acknowledged_by   text,
  disposed_at       timestamptz,
  closed_at         timestamptz,
  closed_by         text,
  resolved_at       timestamptz,
  resolution        jsonb,
  case_ref          text,
  row_version       integer NOT NULL DEFAULT 1,
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- One open warning per rule and subject.
CREATE UNIQUE INDEX warnings_one_open ON warnings (rule_code, subject_key) WHERE status IN ('generated', 'dispatched', 'acknowledged', 'disposed');
CREATE INDEX warnings_scope ON warnings (region_path text_pattern_ops, status, level);
CREATE INDEX warnings_project ON warnings (project_id, status);
CREATE INDEX warnings_enterprise ON warnings (enterprise_id, status);
CREATE INDEX warnings_parties ON warnings USING gin (party_ids);
CREATE INDEX warnings_due ON warnings (due_on) WHERE status IN ('generated', 'dispatched', 'acknowledged', 'disposed');
CREATE INDEX warnings_closed ON warnings (rule_code, subject_key, closed_at) WHERE status = 'closed';
CREATE INDEX warnings_raised ON warnings (raised_on);

-- Everything that happened to a warning, in order; never updated.
CREATE TABLE warning_events (
  id          uuid PRIMARY KEY,
  warning_id  uuid NOT NULL REFERENCES warnings (id),
  at          timestamptz NOT NULL,
  kind        text NOT NULL,
  actor_name  text NOT NULL,
  from_status text,
  to_status   text,
  note        text,
  data        jsonb,
  file_ids    uuid[] NOT NULL DEFAULT '{}'
);
CREATE INDEX warning_events_warning ON warning_events (warning_id, at);

-- The escalation ladder's consequence proposals (order to correct, payment suspension, credit
-- downgrade): each waits for an official's decision.
CREATE TABLE warning_proposals (
  id           uuid PRIMARY KEY,
  warning_id   uuid NOT NULL REFERENCES warnings (id),
  consequence  text NOT NULL CHECK (consequence IN ('order_to_correct', 'payment_suspension', 'credit_downgrade')),
  proposed_at  timestamptz NOT NULL,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'lapsed')),
  decided_by   text,
  decided_at   timestamptz,
  note         text,
  UNIQUE (warning_id, consequence)
);
CREATE INDEX warning_proposals_pending ON warning_proposals (warning_id) WHERE status = 'pending';

-- 风险分 per project and enterprise, recomputed with each scan, with its explanation.
CREATE TABLE risk_scores (
  subject_kind text NOT NULL CHECK (subject_kind IN ('project', 'enterprise')),
  subject_id   uuid NOT NULL,
  region_path  text NOT NULL,
  industry     text,
  party_ids    uuid[] NOT NULL,
  score        smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
  factors      jsonb NOT NULL,
  computed_at  timestamptz NOT NULL,
  PRIMARY KEY (subject_kind, subject_id)
);
CREATE INDEX risk_scores_scope ON risk_scores (subject_kind, region_path text_pattern_ops, score DESC);

-- Scans, full or incremental, with each rule's counts and time.
CREATE TABLE warning_scans (
  id          uuid PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('full', 'incremental')),
  started_at  timestamptz NOT NULL,
  finished_at timestamptz,
  project_count integer,
  raised      integer NOT NULL DEFAULT 0,
  updated     integer NOT NULL DEFAULT 0,
  resolved    integer NOT NULL DEFAULT 0,
  rules       jsonb NOT NULL DEFAULT '[]',
  requested_by text NOT NULL
);
CREATE INDEX warning_scans_started ON warning_scans (started_at DESC);

-- 站内通知: in-app messages to a user, once per message kind and subject.
CREATE TABLE notifications (
  id         uuid PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id),
  kind       text NOT NULL,
  ref_id     uuid NOT NULL,
  title_zh   text NOT NULL,
  title_en   text NOT NULL,
  link       text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at    timestamptz,
  UNIQUE (user_id, kind, ref_id)
);
CREATE INDEX notifications_unread ON notifications (user_id, created_at DESC) WHERE read_at IS NULL;

-- The outbox of changed facts: a statement that changes what a rule watches marks its projects,
-- in its own transaction; the incremental evaluation drains the marks.
CREATE TABLE warning_dirty_projects (
  project_id uuid NOT NULL,
  fact       text NOT NULL,
  marked_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, fact)
);

CREATE FUNCTION warning_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO warning_dirty_projects (project_id, fact)
  SELECT DISTINCT n.project_id, TG_ARGV[0] FROM changed n WHERE n.project_id IS NOT NULL
  ON CONFLICT (project_id, fact) DO UPDATE SET marked_at = now();
  RETURN NULL;
END $$;

-- Low-volume tables each module owns; attendance marks its batches in code (one row per batch).
CREATE TRIGGER payrolls_dirty_i AFTER INSERT ON payrolls REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('payroll');
CREATE TRIGGER payrolls_dirty_u AFTER UPDATE ON payrolls REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('payroll');
CREATE TRIGGER payroll_lines_dirty_u AFTER UPDATE ON payroll_lines REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('payroll');
CREATE TRIGGER payouts_dirty_u AFTER UPDATE ON payouts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('payout');
CREATE TRIGGER account_transactions_dirty AFTER INSERT ON account_transactions REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('account');
CREATE TRIGGER wage_accounts_dirty_i AFTER INSERT ON wage_accounts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('account');
CREATE TRIGGER wage_accounts_dirty_u AFTER UPDATE ON wage_accounts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('account');
CREATE TRIGGER labor_cost_allocations_dirty AFTER INSERT ON labor_cost_allocations REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('account');
CREATE TRIGGER deposit_lodgings_dirty AFTER INSERT ON deposit_lodgings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('deposit');
CREATE TRIGGER deposit_draws_dirty AFTER INSERT ON deposit_draws REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('deposit');
CREATE TRIGGER deposit_top_ups_dirty AFTER INSERT ON deposit_top_ups REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('deposit');
CREATE TRIGGER completed_values_dirty AFTER INSERT ON completed_values REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('payment');
CREATE TRIGGER owner_payments_dirty AFTER INSERT ON owner_payments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('payment');
CREATE TRIGGER employments_dirty_i AFTER INSERT ON employments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('employment');
CREATE TRIGGER employments_dirty_u AFTER UPDATE ON employments REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('employment');

CREATE FUNCTION warning_mark_project_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO warning_dirty_projects (project_id, fact)
  SELECT DISTINCT n.id, 'project' FROM changed n
  ON CONFLICT (project_id, fact) DO UPDATE SET marked_at = now();
  RETURN NULL;
END $$;
CREATE TRIGGER projects_dirty_i AFTER INSERT ON projects REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_project_dirty();
CREATE TRIGGER projects_dirty_u AFTER UPDATE ON projects REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_project_dirty();
CREATE TRIGGER enterprise_arrears_dirty_i AFTER INSERT ON enterprise_arrears REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('arrears');
CREATE TRIGGER enterprise_arrears_dirty_u AFTER UPDATE ON enterprise_arrears REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_dirty('arrears');

-- Ancestor paths of a region path, nearest first: '4501/450102/' → {'4501/450102/', '4501/'}.
CREATE FUNCTION path_ancestors(p_path text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(substr(p_path, 1, pos) ORDER BY pos DESC), '{}')
    FROM generate_series(1, length(p_path)) AS pos WHERE substr(p_path, pos, 1) = '/'
$$;

-- The government unit of one of `kinds` nearest up the tree from a region path (kinds in order of preference).
CREATE FUNCTION nearest_unit(p_path text, p_kinds text[]) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT u.id FROM gov_units u
   WHERE u.region_path = ANY (path_ancestors(p_path)) AND u.kind = ANY (p_kinds)
   ORDER BY length(u.region_path) DESC, array_position(p_kinds, u.kind), u.created_at
   LIMIT 1
$$;

-- Who answers for a project's warnings (and cases): by the project's ownership tier, the
-- configured lead and assisting roles, each resolved to the nearest unit of that kind; the
-- wage office (治欠办) of the nearest region when no such unit exists.
CREATE FUNCTION route_project(p_params jsonb, p_id uuid) RETURNS TABLE (lead_unit_id uuid, assist_unit_ids uuid[]) LANGUAGE sql STABLE AS $$
  WITH p AS (
    SELECT pr.region_path, pr.competent_unit_id,
           CASE WHEN pr.supervising_industry IN ('housing', 'transport', 'water') THEN pr.supervising_industry END AS industry_kind,
           scan_param(p_params, 'WRN.route.' || pr.ownership_tier || '.lead', pr.region_path) #>> '{}' AS lead_role,
           scan_param(p_params, 'WRN.route.' || pr.ownership_tier || '.assist', pr.region_path) #>> '{}' AS assist_role
      FROM projects pr WHERE pr.id = p_id
  ),
  unit AS (
    SELECT p.*, r.slot, r.role,
           CASE r.role
             WHEN 'competent_unit' THEN coalesce(p.competent_unit_id, nearest_unit(p.region_path, ARRAY[p.industry_kind]))
             WHEN 'industry_department' THEN nearest_unit(p.region_path, ARRAY[p.industry_kind])
             WHEN 'township' THEN nearest_unit(p.region_path, ARRAY['township_gov'])
           END AS unit_id
      FROM p CROSS JOIN LATERAL (VALUES ('lead', p.lead_role), ('assist', p.assist_role)) AS r(slot, role)
  )
  , lead AS (
    SELECT coalesce((SELECT unit_id FROM unit WHERE slot = 'lead'), (SELECT nearest_unit(region_path, ARRAY['wage_office', 'hrss']) FROM p)) AS id
  )
  SELECT lead.id,
         coalesce((SELECT array_agg(unit_id) FROM unit WHERE slot = 'assist' AND unit_id IS NOT NULL AND unit_id IS DISTINCT FROM lead.id), '{}')
    FROM lead
$$;

-- Views the owning modules define for the warning rules (DESIGN: warnings read through views).

-- attendance: days on site per worker, project and month (a corrected day counts as corrected).
CREATE VIEW attendance_worker_months AS
SELECT d.project_id, date_trunc('month', d.work_date)::date AS month, d.worker_id,
       count(*) FILTER (WHERE coalesce(d.present_override, d.event_count > 0))::int AS days
  FROM attendance_daily d
 GROUP BY d.project_id, date_trunc('month', d.work_date)::date, d.worker_id;

-- payroll: one row per payroll version with its lines' totals (paid amounts live on each version's lines).
CREATE VIEW payroll_month_facts AS
SELECT pr.project_id, pr.employer_id, pr.month, pr.id AS payroll_id, pr.version, pr.status, pr.due_on, pr.created_at,
       t.lines, t.net_fen, t.payable_fen, t.paid_fen, t.unconfirmed_lines, t.disputed_lines, t.failed_lines
  FROM payrolls pr
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS lines,
           coalesce(sum(l.net_fen), 0)::bigint AS net_fen,
           coalesce(sum(l.payable_fen), 0)::bigint AS payable_fen,
           coalesce(sum(l.paid_fen), 0)::bigint AS paid_fen,
           count(*) FILTER (WHERE l.confirmation = 'pending')::int AS unconfirmed_lines,
           count(*) FILTER (WHERE l.confirmation = 'disputed')::int AS disputed_lines,
           count(*) FILTER (WHERE l.pay_status = 'failed')::int AS failed_lines
      FROM payroll_lines l WHERE l.project_id = pr.project_id AND l.payroll_id = pr.id
  ) t;

-- Complaints about a project and employer, from every channel the platform has: today a worker's
-- dispute of their payroll line; the cases module adds its clues when it lands.
CREATE VIEW complaint_facts AS
SELECT l.project_id, pr.employer_id, l.worker_id, l.confirmed_at AS at, 'payroll_dispute'::text AS source
  FROM payroll_lines l JOIN payrolls pr ON pr.project_id = l.project_id AND pr.id = l.payroll_id
 WHERE l.confirmation = 'disputed' AND l.confirmed_at IS NOT NULL;

-- A listing on the dishonesty list changes the warnings of every project the enterprise is party to.
CREATE FUNCTION warning_mark_enterprise_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO warning_dirty_projects (project_id, fact)
  SELECT DISTINCT p.id, TG_ARGV[0] FROM changed n JOIN projects p ON n.enterprise_id = ANY (p.party_ids)
  ON CONFLICT (project_id, fact) DO UPDATE SET marked_at = now();
  RETURN NULL;
END $$;
CREATE TRIGGER dishonesty_listings_dirty_i AFTER INSERT ON enterprise_dishonesty_listings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_enterprise_dirty('listing');
CREATE TRIGGER dishonesty_listings_dirty_u AFTER UPDATE ON enterprise_dishonesty_listings REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION warning_mark_enterprise_dirty('listing');

-- W09 reads the events of people not on the roster: few among the events, found without the rest.
CREATE INDEX attendance_events_unregistered ON attendance_events (project_id, work_date) WHERE status IN ('unknown_worker', 'not_on_roster');
