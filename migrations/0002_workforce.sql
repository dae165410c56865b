-- Project ledger (在建项目台账), real-name workforce (实名制) and attendance (考勤).
-- Money is integer fen. Personal data (ID numbers, phones, bank cards) is encrypted by the
-- application with a keyed blind index for exact lookups and a stored display mask, so lists
-- never decrypt.

-- 在建项目. `party_ids` holds owner, general contractor and every subcontractor so an enterprise's
-- scope is one indexed array test; `supervising_industry` is the department code of `orgs`
-- (住建 / 交通 / 水利 / 其他) an industry official's scope matches.
CREATE TABLE projects (
  id                        uuid PRIMARY KEY,
  code                      text NOT NULL UNIQUE,
  name                      text NOT NULL,
  common_name               text,
  region_code               text NOT NULL REFERENCES regions (code),
  region_path               text NOT NULL,
  address                   text NOT NULL,
  industry                  text NOT NULL,
  supervising_industry      text NOT NULL,
  investment_type           text NOT NULL,
  ownership_tier            text NOT NULL,
  ownership_tier_overridden boolean NOT NULL DEFAULT false,
  competent_unit_id         uuid REFERENCES gov_units (id),
  contract_price_fen        bigint NOT NULL CHECK (contract_price_fen >= 0),
  planned_start             date NOT NULL,
  planned_end               date NOT NULL,
  actual_start              date,
  actual_end                date,
  status                    text NOT NULL,
  owner_id                  uuid NOT NULL REFERENCES enterprises (id),
  general_contractor_id     uuid NOT NULL REFERENCES enterprises (id),
  party_ids                 uuid[] NOT NULL,
  project_manager_name      text,
  project_manager_id_enc    text,
  project_manager_id_bidx   text,
  chief_supervisor_name     text,
  chief_supervisor_id_enc   text,
  chief_supervisor_id_bidx  text,
  labor_officer_name        text,
  labor_officer_phone_enc   text,
  labor_officer_phone_mask  text,
  board_set_up              boolean NOT NULL DEFAULT false,
  board_contents            text[] NOT NULL DEFAULT '{}',
  board_photo_id            uuid,
  payday                    smallint CHECK (payday BETWEEN 1 AND 31),
  labor_cost_share_bp       integer CHECK (labor_cost_share_bp BETWEEN 0 AND 10000),
  allocation_cycle_months   smallint CHECK (allocation_cycle_months >= 1),
  metering_cycle            text,
  settlement_method         text,
  payment_guarantee         boolean NOT NULL DEFAULT false,
  funds_in_place            boolean,
  registered_at             timestamptz NOT NULL,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  version                   integer NOT NULL DEFAULT 1,
  CHECK (planned_end >= planned_start),
  UNIQUE (region_code, name)
);
CREATE INDEX projects_scope ON projects (region_path text_pattern_ops, supervising_industry, status);
CREATE INDEX projects_parties ON projects USING gin (party_ids);
CREATE INDEX projects_pm ON projects (project_manager_id_bidx);
CREATE SEQUENCE project_code_seq;
CREATE INDEX projects_cs ON projects (chief_supervisor_id_bidx);

-- Status changes are history, never overwritten.
CREATE TABLE project_status_history (
  id          uuid PRIMARY KEY,
  project_id  uuid NOT NULL REFERENCES projects (id),
  at          timestamptz NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  reason      text,
  actor_name  text NOT NULL
);
CREATE INDEX project_status_history_project ON project_status_history (project_id, at);

-- 分包: the contracting chain below the general contractor (parent = who let the subcontract).
CREATE TABLE subcontracts (
  project_id    uuid NOT NULL REFERENCES projects (id),
  id            uuid NOT NULL,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  parent_id     uuid NOT NULL REFERENCES enterprises (id),
  scope_of_work text NOT NULL,
  amount_fen    bigint NOT NULL CHECK (amount_fen >= 0),
  signed_on     date,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, id),
  UNIQUE (project_id, enterprise_id)
);

-- Uploaded files (board photos, labour contracts): content on disk under DATA_DIR/files by sha256;
-- a file is read only through the record that owns it.
CREATE TABLE files (
  id         uuid PRIMARY KEY,
  sha256     text NOT NULL,
  name       text NOT NULL,
  mime       text NOT NULL,
  size       integer NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- 农民工: one person nationally, found by the blind index of the ID number.
CREATE TABLE workers (
  id             uuid PRIMARY KEY,
  name           text NOT NULL,
  id_type        text NOT NULL DEFAULT '01',
  id_enc         text NOT NULL,
  id_bidx        text NOT NULL UNIQUE,
  id_mask        text NOT NULL,
  birth_date     date NOT NULL,
  gender         text NOT NULL CHECK (gender IN ('male', 'female')),
  ethnicity      text,
  phone_enc      text,
  phone_bidx     text,
  phone_mask     text,
  bank_card_enc  text,
  bank_card_bidx text,
  bank_card_mask text,
  bank_id        uuid REFERENCES banks (id),
  trade          text,
  native_place   text,
  education      text,
  skill_certificates jsonb NOT NULL DEFAULT '[]',
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX workers_name ON workers (name text_pattern_ops);
CREATE INDEX workers_phone ON workers (phone_bidx);
CREATE INDEX workers_card ON workers (bank_card_bidx);

-- 班组 of an employer on a project.
CREATE TABLE teams (
  project_id     uuid NOT NULL REFERENCES projects (id),
  id             uuid NOT NULL,
  employer_id    uuid NOT NULL REFERENCES enterprises (id),
  name           text NOT NULL,
  leader_worker_id uuid REFERENCES workers (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, id),
  UNIQUE (project_id, employer_id, name)
);

-- 用工: worker × project × employer × team. The employment ledger (用工管理台账) is kept until
-- completion, full settlement and the retention years after (PAY-06): rows are never deleted.
CREATE TABLE employments (
  project_id         uuid NOT NULL REFERENCES projects (id),
  id                 uuid NOT NULL,
  worker_id          uuid NOT NULL REFERENCES workers (id),
  employer_id        uuid NOT NULL REFERENCES enterprises (id),
  team_id            uuid,
  is_team_leader     boolean NOT NULL DEFAULT false,
  trade              text NOT NULL,
  entry_date         date NOT NULL,
  exit_date          date,
  wage_type          text NOT NULL CHECK (wage_type IN ('daily', 'monthly', 'piece')),
  wage_amount_fen    bigint NOT NULL CHECK (wage_amount_fen > 0),
  contract_kind      text NOT NULL CHECK (contract_kind IN ('labor_contract', 'work_agreement')),
  contract_signed_on date NOT NULL,
  contract_file_id   uuid REFERENCES files (id),
  safety_training_on date NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  version            integer NOT NULL DEFAULT 1,
  PRIMARY KEY (project_id, id),
  FOREIGN KEY (project_id, team_id) REFERENCES teams (project_id, id),
  CHECK (exit_date IS NULL OR exit_date >= entry_date),
  CHECK (contract_signed_on <= entry_date AND safety_training_on <= entry_date)
);
-- One open employment per worker and project; a worker may return after an exit.
CREATE UNIQUE INDEX employments_open ON employments (project_id, worker_id) WHERE exit_date IS NULL;
-- (worker_id, project_id): attendance matches each event to the roster by both.
CREATE INDEX employments_worker ON employments (worker_id, project_id);
CREATE INDEX employments_employer ON employments (employer_id, project_id);

CREATE FUNCTION employments_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'employment ledger rows are retained (PAY-06) and cannot be deleted' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER employments_no_delete BEFORE DELETE ON employments FOR EACH ROW EXECUTE FUNCTION employments_no_delete();

-- 考勤 events, partitioned by month of the work date (Asia/Shanghai). Partitions are created by
-- the application before it writes a month (`ensureAttendancePartitions`). `source_id` is the
-- API key (device) or the import that delivered the event; with `source_event_id` it makes
-- re-delivery idempotent. Events of people not on the roster are kept (`worker_id` null) with the
-- blind index and the encrypted ID number, so they can be reported and matched later.
CREATE TABLE attendance_events (
  project_id      uuid NOT NULL,
  id              uuid NOT NULL,
  work_date       date NOT NULL,
  occurred_at     timestamptz NOT NULL,
  direction       text NOT NULL CHECK (direction IN ('in', 'out')),
  method          text NOT NULL,
  method_allowed  boolean NOT NULL,
  source          text NOT NULL CHECK (source IN ('device', 'import', 'manual')),
  source_id       uuid NOT NULL,
  source_event_id text NOT NULL,
  device_code     text,
  id_bidx         text NOT NULL,
  id_enc          text,
  worker_id       uuid,
  key_staff_role  text,
  status          text NOT NULL,
  received_at     timestamptz NOT NULL,
  PRIMARY KEY (project_id, id, work_date),
  UNIQUE (project_id, source_id, source_event_id, work_date)
) PARTITION BY RANGE (work_date);
CREATE INDEX attendance_events_day ON attendance_events (project_id, work_date, status);
CREATE INDEX attendance_events_worker ON attendance_events (worker_id, work_date);

-- Daily summary per worker, maintained incrementally from inserted events; a manual correction
-- (with reason, audited) overrides presence and hours without losing the computed values.
CREATE TABLE attendance_daily (
  project_id        uuid NOT NULL,
  work_date         date NOT NULL,
  worker_id         uuid NOT NULL,
  first_at          timestamptz,
  last_at           timestamptz,
  event_count       integer NOT NULL DEFAULT 0,
  present_override  boolean,
  minutes_override  integer CHECK (minutes_override BETWEEN 0 AND 1440),
  correction_reason text,
  corrected_by      text,
  corrected_at      timestamptz,
  PRIMARY KEY (project_id, work_date, worker_id)
) PARTITION BY RANGE (work_date);
CREATE INDEX attendance_daily_worker ON attendance_daily (worker_id, work_date);

-- Which months have partitions (both tables), so writers check memory, not the catalog.
CREATE TABLE attendance_partitions (
  month date PRIMARY KEY
);

-- A site device's API key is bound to one project: it may deliver that project's events only.
ALTER TABLE api_keys ADD COLUMN scope_project_id uuid REFERENCES projects (id);
