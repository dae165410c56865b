-- Platform foundation: regions, organizations, auth, audit, rule parameters.
-- One schema for PGlite and PostgreSQL. Ids are UUIDv7 made by the application.

-- 行政区划: GB/T 2260-style codes; `path` is the materialized ancestry ('450000/450100/450102/')
-- so a subtree is one indexed prefix match on both engines (no ltree in PGlite by default).
CREATE TABLE regions (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  parent_code text REFERENCES regions (code),
  path        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1,
  CHECK ((level = 1) = (parent_code IS NULL))
);
CREATE INDEX regions_path_prefix ON regions (path text_pattern_ops);
CREATE INDEX regions_parent ON regions (parent_code);
CREATE UNIQUE INDEX regions_sibling_name ON regions (coalesce(parent_code, ''), name);

-- 政府部门: government units attached to a region.
CREATE TABLE gov_units (
  id           uuid PRIMARY KEY,
  region_code  text NOT NULL REFERENCES regions (code),
  region_path  text NOT NULL,
  kind         text NOT NULL,
  name         text NOT NULL,
  office_phone text,
  address      text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  version      integer NOT NULL DEFAULT 1,
  UNIQUE (region_code, name)
);
CREATE INDEX gov_units_scope ON gov_units (region_path text_pattern_ops, kind);

-- 银行: a national catalogue, not region-scoped.
CREATE TABLE banks (
  id         uuid PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  bank_code  text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version    integer NOT NULL DEFAULT 1
);

-- 企业: legal representative's ID number and phone are personal data, stored encrypted with a
-- keyed blind index for exact lookups.
CREATE TABLE enterprises (
  id                   uuid PRIMARY KEY,
  credit_code          text NOT NULL UNIQUE,
  name                 text NOT NULL,
  type                 text NOT NULL,
  industry             text NOT NULL,
  region_code          text NOT NULL REFERENCES regions (code),
  region_path          text NOT NULL,
  legal_rep_name       text NOT NULL,
  legal_rep_id_enc     text,
  legal_rep_id_bidx    text,
  legal_rep_phone_enc  text,
  legal_rep_phone_bidx text,
  address              text,
  bank_id              uuid REFERENCES banks (id),
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deregistered')),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1
);
CREATE INDEX enterprises_scope ON enterprises (region_path text_pattern_ops, industry);
CREATE INDEX enterprises_name ON enterprises (name text_pattern_ops);
CREATE INDEX enterprises_legal_rep_id ON enterprises (legal_rep_id_bidx);

-- 账号: one role per account keeps 三权分立 checkable; scope is a region subtree (optionally one
-- industry), an enterprise, or a worker.
CREATE TABLE users (
  id                   uuid PRIMARY KEY,
  username             text NOT NULL UNIQUE,
  display_name         text NOT NULL,
  role                 text NOT NULL,
  scope_region_code    text REFERENCES regions (code),
  scope_industry       text,
  scope_enterprise_id  uuid REFERENCES enterprises (id),
  scope_worker_id      uuid,
  phone_enc            text,
  phone_bidx           text,
  password_hash        text NOT NULL,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  must_change_password boolean NOT NULL DEFAULT false,
  totp_secret_enc      text,
  totp_last_step       bigint,
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              integer NOT NULL DEFAULT 1,
  CHECK (scope_region_code IS NOT NULL OR scope_enterprise_id IS NOT NULL OR scope_worker_id IS NOT NULL)
);
CREATE INDEX users_scope_region ON users (scope_region_code);

CREATE TABLE password_history (
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user ON password_history (user_id, created_at DESC);

-- Server-side sessions; the cookie carries a random token, the table only its SHA-256.
CREATE TABLE sessions (
  id_hash      text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  stage        text NOT NULL DEFAULT 'active' CHECK (stage IN ('mfa_pending', 'active')),
  ip           text,
  user_agent   text,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- API keys for machines (site devices, banks): only a hash is kept.
CREATE TABLE api_keys (
  id                  uuid PRIMARY KEY,
  name                text NOT NULL,
  prefix              text NOT NULL UNIQUE,
  key_hash            text NOT NULL,
  role                text NOT NULL,
  scope_region_code   text REFERENCES regions (code),
  scope_enterprise_id uuid REFERENCES enterprises (id),
  created_by          uuid REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  last_used_at        timestamptz,
  revoked_at          timestamptz
);

-- Per-IP login throttle and per-account failure counting share one table so several server
-- instances agree.
CREATE TABLE login_attempts (
  ip         text NOT NULL,
  at         timestamptz NOT NULL,
  success    boolean NOT NULL
);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

-- 审计日志: append-only, hash-chained. `seq` orders the chain; each row's hash covers its content
-- and the previous row's hash. The single-row head is updated in the writer's transaction, which
-- serializes writers and keeps the chain linear.
CREATE TABLE audit_log (
  seq         bigint PRIMARY KEY,
  id          uuid NOT NULL UNIQUE,
  at          timestamptz NOT NULL,
  actor_id    uuid,
  actor_name  text NOT NULL,
  actor_role  text,
  action      text NOT NULL,
  object_type text NOT NULL,
  object_id   text,
  result      text NOT NULL DEFAULT 'success',
  before      jsonb,
  after       jsonb,
  reason      text,
  request_id  text,
  ip          text,
  region_path text,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);

CREATE TABLE audit_chain_head (
  id   smallint PRIMARY KEY CHECK (id = 1),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- Nobody edits or deletes audit rows through the application (retention is at least 180 days;
-- archiving older rows is an operator task outside the app role).
CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();

-- 规则参数: per-region overrides of the legal parameters declared in code.
CREATE TABLE rule_param_overrides (
  id             uuid PRIMARY KEY,
  param_id       text NOT NULL,
  region_code    text NOT NULL REFERENCES regions (code),
  value          jsonb NOT NULL,
  effective_from date NOT NULL,
  reason         text NOT NULL,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rule_param_overrides_param ON rule_param_overrides (param_id, region_code, effective_from);
