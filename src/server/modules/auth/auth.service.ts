import crypto from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../../db/client';
import { type Actor, anonymousActor, systemActor } from '../../platform/access/actor';
import { ADMIN_ROLES, MACHINE_ROLES, ROLES, isRole, permissionsOf, type Role } from '../../platform/access/roles';
import { regionInScope } from '../../platform/access/scope-sql';
import { redactPersonalData } from '../../platform/crypto/masking';
import { type Ctx, type Platform, audit, contextFor } from '../../platform/context';
import { AppError, type Bilingual, invalidFields, notFound } from '../../platform/errors';
import type { Page } from '../../db/paging';
import { findBank, findEnterpriseForScope } from '../orgs';
import { findProjectForScope } from '../projects';
import { findRegion } from '../regions';
import * as repo from './auth.repo';
import { checkPassword, isLocked, lockAfterFailure, passwordExpired, sessionExpired } from './auth.rules';

// argon2id with the parameters SECURITY.md names (m = 19 MiB, t = 2, p = 1). 2 = Argon2id.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const hashPassword = (password: string) => argonHash(password, ARGON2);

// Verified against for unknown usernames so both failures take the same time.
const DUMMY_HASH = await argonHash(crypto.randomBytes(16).toString('hex'), ARGON2);

const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');
const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');

export interface LoginOrigin {
  ip: string;
  userAgent: string | null;
  requestId: string | null;
}

export interface SessionGrant {
  token: string;
  csrfToken: string;
  stage: 'mfa_pending' | 'active';
}

const totpAad = (userId: string) => `users:${userId}:totp_secret`;

function actorForUser(user: repo.UserRow): Actor {
  const role = user.role as Role;
  const scope: Actor['scope'] = user.scope_enterprise_id
    ? { kind: 'enterprise', enterpriseId: user.scope_enterprise_id }
    : user.scope_worker_id
      ? { kind: 'worker', workerId: user.scope_worker_id }
      : { kind: 'region', regionCode: user.scope_region_code!, regionPath: user.scope_region_path!, industry: user.scope_industry };
  return { kind: 'user', id: user.id, name: user.username, role, permissions: permissionsOf(role), scope };
}

function mfaRequired(platform: Platform, role: string): boolean {
  return platform.config.mfaRoles.includes(role);
}

/**
 * Password login. Every failure answers the same way (no account enumeration); 5 consecutive
 * failures lock the account, and a per-IP throttle stops spraying across many usernames.
 * A fresh session id is issued every time (no fixation) and the user's other sessions end
 * (single-session policy).
 */
export async function login(
  platform: Platform,
  input: { username: string; password: string },
  origin: LoginOrigin,
  previousToken?: string,
): Promise<SessionGrant> {
  const now = platform.clock.now();
  const { db, config } = platform;
  // A person may type an ID number or phone as the username: never keep it in the audit log.
  const anonymous = anonymousActor(redactPersonalData(input.username.slice(0, 64)));
  const failuresFromIp = await repo.failuresFromIp(db, origin.ip, new Date(now.getTime() - 60_000));
  if (failuresFromIp >= config.login.perIpPerMinute) throw new AppError('RATE_LIMITED');

  const user = await repo.findUserByUsername(db, input.username);
  const passwordOk = await argonVerify(user?.password_hash ?? DUMMY_HASH, input.password);
  const usable = user && user.status === 'active' && !isLocked(user.locked_until, now) && !MACHINE_ROLES.includes(user.role as Role);

  if (!user || !passwordOk || !usable) {
    await db.tx(async (tx) => {
      await repo.recordAttempt(tx, origin.ip, false, now);
      if (user && !isLocked(user.locked_until, now)) {
        await repo.recordLoginFailure(tx, user.id, lockAfterFailure(user.failed_logins + 1, now, config.login));
      }
      const ctx = contextFor(platform, user ? actorForUser(user) : anonymous, origin);
      await audit(tx, ctx, {
        action: 'auth.login',
        objectType: 'user',
        objectId: user?.id ?? null,
        result: 'failure',
        after: { reason: !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : user.status !== 'active' ? 'disabled' : 'locked' },
      });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }

  const stage = mfaRequired(platform, user.role) ? 'mfa_pending' : 'active';
  return db.tx(async (tx) => {
    await repo.recordAttempt(tx, origin.ip, true, now);
    await repo.recordLoginSuccess(tx, user.id, now);
    if (previousToken) await repo.deleteSession(tx, sha256(previousToken));
    await repo.deleteUserSessions(tx, user.id);
    const grant = await openSession(tx, platform, user.id, stage, origin, now);
    await audit(tx, contextFor(platform, actorForUser(user), origin), {
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      after: { stage },
    });
    return grant;
  });
}

async function openSession(
  tx: DbOrTx,
  platform: Platform,
  userId: string,
  stage: 'mfa_pending' | 'active',
  origin: LoginOrigin,
  now: Date,
): Promise<SessionGrant> {
  const token = randomToken();
  const csrfToken = randomToken();
  await repo.insertSession(tx, {
    idHash: sha256(token),
    userId,
    csrfToken,
    stage,
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 300) ?? null,
    now,
    expiresAt: new Date(now.getTime() + platform.config.session.absoluteHours * 3_600_000),
  });
  return { token, csrfToken, stage };
}

export interface ResolvedSession {
  actor: Actor;
  user: repo.UserRow;
  session: repo.SessionRow;
  passwordChangeRequired: boolean;
}

/**
 * The session behind a cookie token, or null. The user row is read on every request, so a
 * disabled account or a changed role or scope takes effect at once.
 */
export async function resolveSession(platform: Platform, token: string): Promise<ResolvedSession | null> {
  const { db, clock, config } = platform;
  const now = clock.now();
  const idHash = sha256(token);
  const found = await repo.findSessionWithUser(db, idHash);
  if (!found) return null;
  const { session, user } = found;
  const idle = user.role === 'worker' ? config.session.idleMinutesWorker : config.session.idleMinutesOfficial;
  const expired = sessionExpired(
    { createdAt: session.created_at, lastSeenAt: session.last_seen_at, expiresAt: session.expires_at },
    now,
    idle,
  );
  if (user.status !== 'active' || expired) {
    await repo.deleteSession(db, idHash);
    return null;
  }
  // Writing last_seen on every request would double the writes; 10 s is far below the idle limit.
  if (now.getTime() - session.last_seen_at.getTime() > 10_000) await repo.touchSession(db, idHash, now);
  return {
    actor: actorForUser(user),
    user,
    session,
    passwordChangeRequired: user.must_change_password || passwordExpired(user.password_changed_at, now, config.password.expiryDays),
  };
}

export async function logout(platform: Platform, token: string, actor: Actor, origin: LoginOrigin): Promise<void> {
  await platform.db.tx(async (tx) => {
    await repo.deleteSession(tx, sha256(token));
    await audit(tx, contextFor(platform, actor, origin), { action: 'auth.logout', objectType: 'user', objectId: actor.id });
  });
}

// ---- second factor (TOTP) ----

/** Starts TOTP enrolment for a user who has none yet: returns the secret and otpauth URI to scan. */
export async function beginTotpEnrolment(ctx: Ctx, resolved: ResolvedSession): Promise<{ secret: string; uri: string }> {
  if (resolved.user.totp_secret_enc) throw new AppError('BUSINESS_RULE', { detail: { zh: '已绑定动态口令', en: 'An authenticator is already enrolled' } });
  const secret = generateSecret();
  // Kept encrypted but not yet trusted: verification of a first code confirms it.
  await repo.setTotp(ctx.db, resolved.user.id, ctx.cipher.encrypt(secret, totpAad(resolved.user.id)), null);
  return { secret, uri: generateURI({ issuer: 'XinDun 薪盾', label: resolved.user.username, secret }) };
}

/**
 * Verifies a TOTP code for a session waiting for its second factor; on success the session is
 * replaced by a fully authenticated one (new id). A code's time step is accepted once (no replay),
 * with ±1 step of clock drift.
 */
export async function completeMfa(platform: Platform, resolved: ResolvedSession, code: string, token: string, origin: LoginOrigin): Promise<SessionGrant> {
  const { user } = resolved;
  const now = platform.clock.now();
  if (!user.totp_secret_enc) throw new AppError('MFA_SETUP_REQUIRED');
  const secret = platform.cipher.decrypt(user.totp_secret_enc, totpAad(user.id));
  const result = await verifyTotp({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
  const ctx = contextFor(platform, resolved.actor, origin);
  if (!result.valid || !('timeStep' in result)) {
    await platform.db.tx((tx) => audit(tx, ctx, { action: 'auth.mfa', objectType: 'user', objectId: user.id, result: 'failure' }));
    throw new AppError('MFA_INVALID');
  }
  return platform.db.tx(async (tx) => {
    if (!(await repo.claimTotpStep(tx, user.id, result.timeStep))) throw new AppError('MFA_INVALID');
    await repo.deleteSession(tx, sha256(token));
    const grant = await openSession(tx, platform, user.id, 'active', origin, now);
    await audit(tx, ctx, { action: 'auth.mfa', objectType: 'user', objectId: user.id });
    return grant;
  });
}

// ---- passwords ----

/** The 等保 profile for a user's password, as a PASSWORD_POLICY error naming every problem. */
function assertPasswordPolicy(user: { username: string; role: string }, password: string) {
  const problems = checkPassword(password, { username: user.username }, { admin: ADMIN_ROLES.includes(user.role as Role) });
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', { detail: problems[0], fields: problems.map((message) => ({ field: 'newPassword', message })) });
  }
}

async function assertNewPassword(db: DbOrTx, user: { id: string; username: string; role: string }, password: string, historyCount: number) {
  assertPasswordPolicy(user, password);
  for (const old of await repo.recentPasswordHashes(db, user.id, historyCount)) {
    if (await argonVerify(old, password)) {
      const message = { zh: `不得与最近 ${historyCount} 次使用过的密码相同`, en: `Must differ from the last ${historyCount} passwords` };
      throw new AppError('PASSWORD_POLICY', { detail: message, fields: [{ field: 'newPassword', message }] });
    }
  }
}

export async function changePassword(ctx: Ctx, resolved: ResolvedSession, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const { user } = resolved;
  if (!(await argonVerify(user.password_hash, input.currentPassword))) {
    const message = { zh: '当前密码不正确', en: 'The current password is wrong' };
    throw invalidFields([{ field: 'currentPassword', message }]);
  }
  await assertNewPassword(ctx.db, user, input.newPassword, ctx.config.password.historyCount);
  const hash = await hashPassword(input.newPassword);
  await ctx.db.tx(async (tx) => {
    await repo.setPassword(tx, user.id, hash, false, ctx.clock.now());
    await audit(tx, ctx, { action: 'auth.password.change', objectType: 'user', objectId: user.id });
  });
}

// ---- user management (security admin) ----

export interface UserScopeInput {
  scopeRegionCode?: string | null;
  scopeIndustry?: string | null;
  scopeEnterpriseId?: string | null;
}

export interface CreateUserInput extends UserScopeInput {
  username: string;
  displayName: string;
  role: Role;
  initialPassword?: string;
}

/** Checks a role/scope pair and that the scope lies inside the acting admin's own scope. */
async function resolveScope(ctx: Ctx, db: DbOrTx, role: Role, input: UserScopeInput) {
  const kind = ROLES[role].scopeKind;
  if (kind === 'worker') {
    throw invalidFields([{ field: 'role', message: { zh: '农民工账号由实名制登记产生，不能在此创建', en: 'Worker accounts come from real-name registration' } }]);
  }
  if (kind === 'enterprise') {
    if (!input.scopeEnterpriseId) throw invalidFields([{ field: 'scopeEnterpriseId', message: { zh: '请选择所属企业', en: 'Choose the enterprise' } }]);
    const enterprise = await findEnterpriseForScope(db, ctx.actor, input.scopeEnterpriseId);
    if (!enterprise) throw invalidFields([{ field: 'scopeEnterpriseId', message: { zh: '企业不存在或不在您的管辖范围内', en: 'Enterprise not found in your jurisdiction' } }]);
    return { scopeRegionCode: null, scopeIndustry: null, scopeEnterpriseId: enterprise.id, regionPath: enterprise.regionPath };
  }
  if (!input.scopeRegionCode) throw invalidFields([{ field: 'scopeRegionCode', message: { zh: '请选择管辖区域', en: 'Choose the region' } }]);
  const region = await findRegion(db, input.scopeRegionCode);
  if (!region || !regionInScope(ctx.actor, region.path)) {
    throw invalidFields([{ field: 'scopeRegionCode', message: { zh: '区域不存在或超出您的管辖范围', en: 'Region not found in your jurisdiction' } }]);
  }
  return { scopeRegionCode: region.code, scopeIndustry: input.scopeIndustry ?? null, scopeEnterpriseId: null, regionPath: region.path };
}

export function generateInitialPassword(): string {
  // 4 classes guaranteed, 16 characters, no look-alike characters.
  const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[crypto.randomInt(chars.length)]).join('');
  const chars = [...(pick('abcdefghijkmnpqrstuvwxyz', 6) + pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 4) + pick('23456789', 4) + pick('!@#%*+=?', 2))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<{ user: repo.UserRow; initialPassword: string }> {
  if (!isRole(input.role) || MACHINE_ROLES.includes(input.role)) {
    throw invalidFields([{ field: 'role', message: { zh: '角色无效（设备和银行请使用接口密钥）', en: 'Invalid role (devices and banks use API keys)' } }]);
  }
  const initialPassword = input.initialPassword ?? generateInitialPassword();
  assertPasswordPolicy(input, initialPassword);
  const hash = await hashPassword(initialPassword);
  const id = uuidv7();
  const user = await ctx.db.tx(async (tx) => {
    if (await repo.findUserByUsername(tx, input.username)) {
      throw invalidFields([{ field: 'username', message: { zh: '用户名已存在', en: 'Username already taken' } }]);
    }
    const scope = await resolveScope(ctx, tx, input.role, input);
    await repo.insertUser(tx, {
      id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      scopeRegionCode: scope.scopeRegionCode,
      scopeIndustry: scope.scopeIndustry,
      scopeEnterpriseId: scope.scopeEnterpriseId,
      scopeWorkerId: null,
      passwordHash: hash,
      mustChangePassword: true,
      now: ctx.clock.now(),
    });
    const created = (await repo.findUserById(tx, id))!;
    await audit(tx, ctx, { action: 'user.create', objectType: 'user', objectId: id, after: userSnapshot(created), regionPath: scope.regionPath });
    return created;
  });
  return { user, initialPassword };
}

export interface UpdateUserInput extends UserScopeInput {
  version: number;
  displayName?: string;
  role?: Role;
  status?: 'active' | 'disabled';
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<repo.UserRow> {
  return ctx.db.tx(async (tx) => {
    const before = await repo.findUserInScope(tx, ctx.actor, id);
    if (!before) throw notFound();
    if (before.id === ctx.actor.id && (input.role !== undefined || input.status === 'disabled')) {
      throw new AppError('BUSINESS_RULE', { detail: { zh: '不能修改自己的角色或停用自己', en: 'You cannot change your own role or disable yourself' } });
    }
    const role = input.role ?? (before.role as Role);
    if (input.role !== undefined && (!isRole(input.role) || MACHINE_ROLES.includes(input.role))) {
      throw invalidFields([{ field: 'role', message: { zh: '角色无效', en: 'Invalid role' } }]);
    }
    const scopeChanged = input.role !== undefined || input.scopeRegionCode !== undefined || input.scopeEnterpriseId !== undefined || input.scopeIndustry !== undefined;
    const scope = scopeChanged
      ? await resolveScope(ctx, tx, role, {
          scopeRegionCode: input.scopeRegionCode ?? before.scope_region_code,
          scopeIndustry: input.scopeIndustry !== undefined ? input.scopeIndustry : before.scope_industry,
          scopeEnterpriseId: input.scopeEnterpriseId ?? before.scope_enterprise_id,
        })
      : undefined;
    const ok = await repo.updateUser(
      tx,
      id,
      input.version,
      {
        displayName: input.displayName,
        role: input.role,
        status: input.status,
        ...(scope && { scopeRegionCode: scope.scopeRegionCode, scopeIndustry: scope.scopeIndustry, scopeEnterpriseId: scope.scopeEnterpriseId }),
      },
      ctx.clock.now(),
    );
    if (!ok) throw new AppError('VERSION_CONFLICT');
    // A disabled user's sessions end now; role and scope are re-read on every request anyway.
    if (input.status === 'disabled') await repo.deleteUserSessions(tx, id);
    const after = (await repo.findUserById(tx, id))!;
    await audit(tx, ctx, {
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      before: userSnapshot(before),
      after: userSnapshot(after),
      regionPath: after.scope_region_path,
    });
    return after;
  });
}

export async function resetPassword(ctx: Ctx, id: string): Promise<{ initialPassword: string }> {
  const initialPassword = generateInitialPassword();
  const hash = await hashPassword(initialPassword);
  await ctx.db.tx(async (tx) => {
    const user = await repo.findUserInScope(tx, ctx.actor, id);
    if (!user) throw notFound();
    await repo.setPassword(tx, id, hash, true, ctx.clock.now());
    await repo.setTotp(tx, id, null, null);
    await repo.deleteUserSessions(tx, id);
    await audit(tx, ctx, { action: 'user.reset_password', objectType: 'user', objectId: id, regionPath: user.scope_region_path });
  });
  return { initialPassword };
}

export async function getUser(ctx: Ctx, id: string) {
  const user = await repo.findUserInScope(ctx.db, ctx.actor, id);
  if (!user) throw notFound();
  return user;
}

export async function listUsers(ctx: Ctx, query: { q?: string; role?: string; status?: string; page: number; pageSize: number }): Promise<Page<repo.UserRow>> {
  return repo.listUsers(ctx.db, ctx.actor, query, query);
}

function userSnapshot(user: repo.UserRow) {
  return {
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    scopeRegionCode: user.scope_region_code,
    scopeIndustry: user.scope_industry,
    scopeEnterpriseId: user.scope_enterprise_id,
    status: user.status,
  };
}

/** CLI bootstrap: the first system administrator, with a one-time password that must be changed. */
export async function createFirstAdmin(
  platform: Platform,
  input: { username: string; regionCode: string; password?: string; role?: Role; displayName?: string; mustChange?: boolean },
): Promise<{ userId: string; password: string }> {
  const password = input.password ?? generateInitialPassword();
  const role = input.role ?? 'system_admin';
  assertPasswordPolicy({ username: input.username, role }, password);
  const hash = await hashPassword(password);
  const ctx = contextFor(platform, systemActor('cli'));
  const id = uuidv7();
  await platform.db.tx(async (tx) => {
    if (await repo.findUserByUsername(tx, input.username)) throw new AppError('CONFLICT', { detail: { zh: '用户名已存在', en: 'Username already taken' } });
    const region = await findRegion(tx, input.regionCode);
    if (!region) throw new AppError('NOT_FOUND', { detail: { zh: `区划 ${input.regionCode} 不存在`, en: `Region ${input.regionCode} does not exist` } });
    await repo.insertUser(tx, {
      id,
      username: input.username,
      displayName: input.displayName ?? ROLES[role].zh,
      role,
      scopeRegionCode: region.code,
      scopeIndustry: null,
      scopeEnterpriseId: null,
      scopeWorkerId: null,
      passwordHash: hash,
      mustChangePassword: input.mustChange ?? true,
      now: platform.clock.now(),
    });
    await audit(tx, ctx, { action: 'user.create', objectType: 'user', objectId: id, after: { username: input.username, role }, regionPath: region.path });
  });
  return { userId: id, password };
}

// ---- API keys for machines ----

const signingSecretAad = (keyId: string) => `api_keys:${keyId}:signing_secret`;

/**
 * A machine key. A site device's is bound to a project; a bank's to the bank, and it comes with a
 * second secret that signs every request body (shown once, like the key).
 */
export async function createApiKey(
  ctx: Ctx,
  input: { name: string; role: Role; scopeProjectId?: string | null; scopeBankId?: string | null } & UserScopeInput,
): Promise<{ key: repo.ApiKeyRow; secret: string; signingSecret: string | null }> {
  if (!MACHINE_ROLES.includes(input.role)) {
    throw invalidFields([{ field: 'role', message: { zh: '接口密钥只能用于银行或现场设备', en: 'API keys are for banks and site devices only' } }]);
  }
  const prefix = randomToken(6);
  const secret = `xd_${prefix}_${randomToken(32)}`;
  const id = uuidv7();
  const signingSecret = input.role === 'bank_integration' ? randomToken(32) : null;
  const key = await ctx.db.tx(async (tx) => {
    const scope = input.role === 'site_device' && input.scopeProjectId !== undefined ? await deviceScope(ctx, tx, input.scopeProjectId) : await resolveScope(ctx, tx, input.role, input);
    let scopeBankId: string | null = null;
    if (input.role === 'bank_integration') {
      const bank = input.scopeBankId ? await findBank(tx, input.scopeBankId) : undefined;
      if (!bank) throw invalidFields([{ field: 'scopeBankId', message: { zh: '请选择该密钥所属的银行', en: 'Choose the bank this key belongs to' } }]);
      scopeBankId = bank.id;
    }
    await repo.insertApiKey(tx, {
      id,
      name: input.name,
      prefix,
      keyHash: sha256(secret),
      role: input.role,
      scopeRegionCode: scope.scopeRegionCode,
      scopeEnterpriseId: scope.scopeEnterpriseId,
      scopeProjectId: 'scopeProjectId' in scope ? (scope.scopeProjectId as string) : null,
      scopeBankId,
      signingSecretEnc: signingSecret ? ctx.cipher.encrypt(signingSecret, signingSecretAad(id)) : null,
      createdBy: ctx.actor.id,
      now: ctx.clock.now(),
    });
    await audit(tx, ctx, { action: 'apikey.create', objectType: 'api_key', objectId: id, after: { name: input.name, role: input.role, prefix }, regionPath: scope.regionPath });
    return (await repo.findApiKeyByPrefix(tx, prefix))!;
  });
  return { key, secret, signingSecret };
}

/** How far a signed request's timestamp may stray from our clock; its nonce is remembered at least this long. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/**
 * A bank request's signature: `X-XD-Signature` = hex HMAC-SHA256 under the key's signing secret of
 * `<timestamp>\n<nonce>\n<raw body>`, `X-XD-Timestamp` in Unix seconds within the window, and
 * `X-XD-Nonce` never used before by this key. A failure says which check failed and changes nothing.
 */
export async function verifySignedRequest(ctx: Ctx, h: { timestamp?: string; nonce?: string; signature?: string }, rawBody: Buffer): Promise<void> {
  const fail = (zh: string, en: string) => new AppError('UNAUTHENTICATED', { detail: { zh, en } });
  if (ctx.actor.kind !== 'apikey' || ctx.actor.id === null) throw new AppError('FORBIDDEN');
  if (!h.timestamp || !h.nonce || !h.signature) throw fail('缺少签名、时间戳或随机数', 'Missing signature, timestamp or nonce');
  if (!/^\d{9,11}$/.test(h.timestamp) || !/^[A-Za-z0-9_-]{8,64}$/.test(h.nonce) || !/^[0-9a-f]{64}$/i.test(h.signature)) {
    throw fail('签名头格式不正确', 'Malformed signature headers');
  }
  const key = await repo.findApiKeyById(ctx.db, ctx.actor.id);
  if (!key?.signing_secret_enc) throw fail('该密钥未配置签名密钥', 'This key has no signing secret');
  const secret = ctx.cipher.decrypt(key.signing_secret_enc, signingSecretAad(key.id));
  const expected = crypto.createHmac('sha256', secret).update(`${h.timestamp}\n${h.nonce}\n`).update(rawBody).digest();
  if (!crypto.timingSafeEqual(expected, Buffer.from(h.signature, 'hex'))) throw fail('签名校验失败', 'Bad signature');
  const now = ctx.clock.now().getTime();
  if (Math.abs(now - Number(h.timestamp) * 1000) > SIGNATURE_WINDOW_SECONDS * 1000) throw fail('请求时间戳超出允许范围，请校准时钟', 'Stale timestamp; check the clock');
  if (!(await repo.useRequestNonce(ctx.db, key.id, h.nonce, ctx.clock.now()))) {
    throw new AppError('CONFLICT', { detail: { zh: '重复的请求（随机数已使用），已忽略', en: 'Replayed request (nonce already used); ignored' } });
  }
}

export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const key = await repo.findApiKeyInScope(tx, ctx.actor, id);
    if (!key) throw notFound();
    await repo.revokeApiKey(tx, id, ctx.clock.now());
    await audit(tx, ctx, { action: 'apikey.revoke', objectType: 'api_key', objectId: id, regionPath: key.visible_path });
  });
}

export const listApiKeys = (ctx: Ctx) => repo.listApiKeys(ctx.db, ctx.actor);

/** A site device's key is bound to one project (RN-03 devices deliver that site's events only), within the issuer's region. */
async function deviceScope(ctx: Ctx, db: DbOrTx, projectId: string | null | undefined) {
  const project = projectId ? await findProjectForScope(db, ctx.actor, projectId) : undefined;
  if (!project) throw invalidFields([{ field: 'scopeProjectId', message: { zh: '请选择管辖范围内的项目', en: 'Choose a project in your jurisdiction' } }]);
  return { scopeRegionCode: null, scopeIndustry: null, scopeEnterpriseId: project.generalContractorId, scopeProjectId: project.id, regionPath: project.regionPath };
}

/** The machine behind an `Authorization: Bearer xd_…` key, or null. Constant-time hash compare. */
export async function resolveApiKey(platform: Platform, secret: string): Promise<Actor | null> {
  const match = /^xd_([A-Za-z0-9_-]{8})_[A-Za-z0-9_-]{43}$/.exec(secret);
  if (!match) return null;
  const key = await repo.findApiKeyByPrefix(platform.db, match[1]);
  if (!key || key.revoked_at) return null;
  const expected = Buffer.from(key.key_hash, 'hex');
  const actual = Buffer.from(sha256(secret), 'hex');
  if (!crypto.timingSafeEqual(expected, actual)) return null;
  const now = platform.clock.now();
  if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() > 60_000) await repo.touchApiKey(platform.db, key.id, now);
  const role = key.role as Role;
  const scope: Actor['scope'] = key.scope_bank_id
    ? { kind: 'bank', bankId: key.scope_bank_id }
    : key.scope_project_id
    ? { kind: 'project', projectId: key.scope_project_id, enterpriseId: key.scope_enterprise_id! }
    : key.scope_enterprise_id
    ? { kind: 'enterprise', enterpriseId: key.scope_enterprise_id }
    : { kind: 'region', regionCode: key.scope_region_code!, regionPath: key.scope_region_path!, industry: null };
  return { kind: 'apikey', id: key.id, name: key.name, role, permissions: permissionsOf(role), scope };
}

export type { Bilingual };

/** The secret columns of this module, for key rotation. */
export const ENCRYPTED_COLUMNS = [
  { table: 'users', column: 'totp_secret_enc', aad: totpAad },
  { table: 'api_keys', column: 'signing_secret_enc', aad: signingSecretAad },
];
