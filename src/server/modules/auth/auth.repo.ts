import type { DbOrTx } from '../../db/client';
import { type Page, type PageRequest, selectPage } from '../../db/paging';
import { Where } from '../../db/where';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  scope_region_code: string | null;
  scope_region_path: string | null;
  scope_region_name: string | null;
  scope_industry: string | null;
  scope_enterprise_id: string | null;
  scope_enterprise_name: string | null;
  scope_worker_id: string | null;
  phone_enc: string | null;
  password_hash: string;
  password_changed_at: Date;
  must_change_password: boolean;
  totp_secret_enc: string | null;
  totp_last_step: number | null;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

// A user is visible where its scope lies: its region, or its enterprise's region.
const USER_COLUMNS_SQL = `u.*, r.path AS scope_region_path, r.name AS scope_region_name, e.name AS scope_enterprise_name,
         coalesce(r.path, e.region_path) AS visible_path`;
const USER_FROM = `
    FROM users u
    LEFT JOIN regions r ON r.code = u.scope_region_code
    LEFT JOIN enterprises e ON e.id = u.scope_enterprise_id`;
const USER_SELECT = `SELECT ${USER_COLUMNS_SQL} ${USER_FROM}`;

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`${USER_SELECT} WHERE u.username = $1`, [username]);
  return rows[0];
}

export async function findUserById(db: DbOrTx, id: string, forUpdate = false): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`${USER_SELECT} WHERE u.id = $1${forUpdate ? ' FOR UPDATE OF u' : ''}`, [id]);
  return rows[0];
}

export async function findUserInScope(db: DbOrTx, actor: Actor, id: string): Promise<UserRow | undefined> {
  const params: unknown[] = [id];
  const scope = scopeCondition(actor, { regionPath: 'coalesce(r.path, e.region_path)' }, params);
  const { rows } = await db.query<UserRow>(`${USER_SELECT} WHERE u.id = $1 AND ${scope}`, params);
  return rows[0];
}

export interface UserFilter {
  q?: string;
  role?: string;
  status?: string;
}

export async function listUsers(db: DbOrTx, actor: Actor, filter: UserFilter, page: PageRequest): Promise<Page<UserRow>> {
  const where = new Where();
  where
    .and(scopeCondition(actor, { regionPath: 'coalesce(r.path, e.region_path)' }, where.params))
    .when(filter.q && `%${filter.q}%`, (p) => `(u.username ILIKE ${p} OR u.display_name ILIKE ${p})`)
    .when(filter.role, (p) => `u.role = ${p}`)
    .when(filter.status, (p) => `u.status = ${p}`);
  return selectPage<UserRow>(db, page, {
    sql: `SELECT ${USER_COLUMNS_SQL}, count(*) OVER () AS total_count ${USER_FROM} WHERE ${where} ORDER BY u.username`,
    countSql: `SELECT count(*)::int AS n ${USER_FROM} WHERE ${where}`,
    params: where.params,
  });
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  scopeRegionCode: string | null;
  scopeIndustry: string | null;
  scopeEnterpriseId: string | null;
  scopeWorkerId: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  now: Date;
}

export async function insertUser(db: DbOrTx, u: NewUser): Promise<void> {
  await db.query(
    `INSERT INTO users (id, username, display_name, role, scope_region_code, scope_industry, scope_enterprise_id,
       scope_worker_id, password_hash, password_changed_at, must_change_password, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$10,$10)`,
    [u.id, u.username, u.displayName, u.role, u.scopeRegionCode, u.scopeIndustry, u.scopeEnterpriseId, u.scopeWorkerId,
      u.passwordHash, u.now, u.mustChangePassword],
  );
  await db.query('INSERT INTO password_history (user_id, password_hash, created_at) VALUES ($1, $2, $3)', [u.id, u.passwordHash, u.now]);
}

export interface UserPatch {
  displayName?: string;
  role?: string;
  scopeRegionCode?: string | null;
  scopeIndustry?: string | null;
  scopeEnterpriseId?: string | null;
  status?: 'active' | 'disabled';
}

/** Optimistic update: returns false when `version` no longer matches. */
export async function updateUser(db: DbOrTx, id: string, version: number, patch: UserPatch, now: Date): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [id, version, now];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (patch.displayName !== undefined) set('display_name', patch.displayName);
  if (patch.role !== undefined) set('role', patch.role);
  if (patch.scopeRegionCode !== undefined) set('scope_region_code', patch.scopeRegionCode);
  if (patch.scopeIndustry !== undefined) set('scope_industry', patch.scopeIndustry);
  if (patch.scopeEnterpriseId !== undefined) set('scope_enterprise_id', patch.scopeEnterpriseId);
  if (patch.status !== undefined) set('status', patch.status);
  const result = await db.query(
    `UPDATE users SET ${[...sets, 'updated_at = $3', 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2`,
    params,
  );
  return result.rowCount === 1;
}

export async function recentPasswordHashes(db: DbOrTx, userId: string, count: number): Promise<string[]> {
  const { rows } = await db.query<{ password_hash: string }>(
    'SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2',
    [userId, count],
  );
  return rows.map((r) => r.password_hash);
}

export async function setPassword(db: DbOrTx, userId: string, hash: string, mustChange: boolean, now: Date): Promise<void> {
  await db.query(
    `UPDATE users SET password_hash = $2, password_changed_at = $3, must_change_password = $4, failed_logins = 0,
       locked_until = NULL, updated_at = $3, version = version + 1 WHERE id = $1`,
    [userId, hash, now, mustChange],
  );
  await db.query('INSERT INTO password_history (user_id, password_hash, created_at) VALUES ($1, $2, $3)', [userId, hash, now]);
}

export async function recordLoginFailure(db: DbOrTx, userId: string, lockedUntil: Date | null): Promise<void> {
  await db.query(
    'UPDATE users SET failed_logins = failed_logins + 1, locked_until = coalesce($2, locked_until) WHERE id = $1',
    [userId, lockedUntil],
  );
}

export async function recordLoginSuccess(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1', [userId, now]);
}

export async function setTotp(db: DbOrTx, userId: string, secretEnc: string | null, lastStep: number | null): Promise<void> {
  await db.query('UPDATE users SET totp_secret_enc = $2, totp_last_step = $3 WHERE id = $1', [userId, secretEnc, lastStep]);
}

/** Claims a TOTP time step; false if that step (or a later one) was already used (replay). */
export async function claimTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const result = await db.query(
    'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)',
    [userId, step],
  );
  return result.rowCount === 1;
}

// ---- login throttle ----

export async function recordAttempt(db: DbOrTx, ip: string, success: boolean, now: Date): Promise<void> {
  await db.query('INSERT INTO login_attempts (ip, at, success) VALUES ($1, $2, $3)', [ip, now, success]);
}

export async function failuresFromIp(db: DbOrTx, ip: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM login_attempts WHERE ip = $1 AND at >= $2 AND NOT success',
    [ip, since],
  );
  return rows[0].n;
}

export async function pruneAttempts(db: DbOrTx, before: Date): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE at < $1', [before]);
}

// ---- sessions ----

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  stage: 'mfa_pending' | 'active';
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export async function insertSession(
  db: DbOrTx,
  s: { idHash: string; userId: string; csrfToken: string; stage: string; ip: string | null; userAgent: string | null; now: Date; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, stage, ip, user_agent, created_at, last_seen_at, expires_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$8)`,
    [s.idHash, s.userId, s.csrfToken, s.stage, s.ip, s.userAgent, s.now, s.expiresAt],
  );
}

/** The session and its user in one statement: this runs on every authenticated request. */
export async function findSessionWithUser(db: DbOrTx, idHash: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const { rows } = await db.query<UserRow & { s_csrf_token: string; s_stage: SessionRow['stage']; s_created_at: Date; s_last_seen_at: Date; s_expires_at: Date }>(
    `SELECT ${USER_COLUMNS_SQL}, s.csrf_token AS s_csrf_token, s.stage AS s_stage, s.created_at AS s_created_at,
            s.last_seen_at AS s_last_seen_at, s.expires_at AS s_expires_at
       ${USER_FROM} JOIN sessions s ON s.user_id = u.id
      WHERE s.id_hash = $1`,
    [idHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { s_csrf_token, s_stage, s_created_at, s_last_seen_at, s_expires_at, ...user } = row;
  return {
    session: { id_hash: idHash, user_id: user.id, csrf_token: s_csrf_token, stage: s_stage, created_at: s_created_at, last_seen_at: s_last_seen_at, expires_at: s_expires_at },
    user,
  };
}

export async function touchSession(db: DbOrTx, idHash: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, now]);
}

export async function deleteSession(db: DbOrTx, idHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  return (await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount;
}

// ---- API keys ----

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: string;
  scope_region_code: string | null;
  scope_region_path: string | null;
  scope_enterprise_id: string | null;
  scope_project_id: string | null;
  scope_bank_id: string | null;
  signing_secret_enc: string | null;
  visible_path: string | null;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const API_KEY_SELECT = `
  SELECT k.*, r.path AS scope_region_path, coalesce(r.path, pr.region_path, e.region_path) AS visible_path
    FROM api_keys k
    LEFT JOIN regions r ON r.code = k.scope_region_code
    LEFT JOIN enterprises e ON e.id = k.scope_enterprise_id
    LEFT JOIN projects pr ON pr.id = k.scope_project_id`;

export async function insertApiKey(
  db: DbOrTx,
  k: {
    id: string;
    name: string;
    prefix: string;
    keyHash: string;
    role: string;
    scopeRegionCode: string | null;
    scopeEnterpriseId: string | null;
    scopeProjectId?: string | null;
    scopeBankId?: string | null;
    signingSecretEnc?: string | null;
    createdBy: string | null;
    now: Date;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO api_keys (id, name, prefix, key_hash, role, scope_region_code, scope_enterprise_id, scope_project_id, scope_bank_id, signing_secret_enc, created_by, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [k.id, k.name, k.prefix, k.keyHash, k.role, k.scopeRegionCode, k.scopeEnterpriseId, k.scopeProjectId ?? null, k.scopeBankId ?? null, k.signingSecretEnc ?? null, k.createdBy, k.now],
  );
}

export async function findApiKeyById(db: DbOrTx, id: string): Promise<ApiKeyRow | undefined> {
  const { rows } = await db.query<ApiKeyRow>(`${API_KEY_SELECT} WHERE k.id = $1`, [id]);
  return rows[0];
}

export async function findApiKeyByPrefix(db: DbOrTx, prefix: string): Promise<ApiKeyRow | undefined> {
  const { rows } = await db.query<ApiKeyRow>(`${API_KEY_SELECT} WHERE k.prefix = $1`, [prefix]);
  return rows[0];
}

export async function listApiKeys(db: DbOrTx, actor: Actor): Promise<ApiKeyRow[]> {
  const params: unknown[] = [];
  const scope = scopeCondition(actor, { regionPath: 'coalesce(r.path, pr.region_path, e.region_path)' }, params);
  const { rows } = await db.query<ApiKeyRow>(`${API_KEY_SELECT} WHERE ${scope} ORDER BY k.created_at DESC`, params);
  return rows;
}

export async function findApiKeyInScope(db: DbOrTx, actor: Actor, id: string): Promise<ApiKeyRow | undefined> {
  const params: unknown[] = [id];
  const scope = scopeCondition(actor, { regionPath: 'coalesce(r.path, pr.region_path, e.region_path)' }, params);
  const { rows } = await db.query<ApiKeyRow>(`${API_KEY_SELECT} WHERE k.id = $1 AND ${scope}`, params);
  return rows[0];
}

export async function revokeApiKey(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.query('UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, now]);
}

/** Records a signed request's nonce; false when it was used before (a replay). */
export async function useRequestNonce(db: DbOrTx, keyId: string, nonce: string, at: Date): Promise<boolean> {
  const { rowCount } = await db.query('INSERT INTO bank_request_nonces (api_key_id, nonce, used_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [keyId, nonce, at]);
  return rowCount === 1;
}

export async function purgeRequestNonces(db: DbOrTx, before: Date): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM bank_request_nonces WHERE used_at < $1', [before]);
  return rowCount;
}

export async function touchApiKey(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [id, now]);
}

/** Disables every active account with no login since `before` (or never, created before it). */
export async function disableIdleAccounts(db: DbOrTx, before: Date, now: Date) {
  const { rows } = await db.query<{ id: string; username: string; region_path: string | null }>(
    `UPDATE users u SET status = 'disabled', updated_at = $2, version = u.version + 1
       FROM users x LEFT JOIN regions r ON r.code = x.scope_region_code
      WHERE u.id = x.id AND u.status = 'active' AND coalesce(u.last_login_at, u.created_at) < $1
      RETURNING u.id, u.username, r.path AS region_path`,
    [before, now],
  );
  await db.query('DELETE FROM sessions s USING users u WHERE s.user_id = u.id AND u.status = $1', ['disabled']);
  return rows;
}
