import { listBanks } from '../orgs';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MACHINE_ROLES, ROLES, ROLE_NAMES, type Role } from '../../platform/access/roles';
import type { Platform } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { IdParams, Nullable, Paged, PageQuery, RegionCode, Strict, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { sessionCookieName } from './auth.guard';
import { ApiKey, Me, User, presentApiKey, presentMe, presentUser } from './auth.presenter';
import * as service from './auth.service';

const HUMAN_ROLES = ROLE_NAMES.filter((r) => !MACHINE_ROLES.includes(r) && r !== 'worker');
const RoleEnum = (roles: readonly string[]) => Type.Unsafe<Role>({ type: 'string', enum: [...roles] });
const ScopeBody = {
  scopeRegionCode: Type.Optional(Nullable(RegionCode)),
  scopeIndustry: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  scopeEnterpriseId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
};
const Stage = Type.Object({ stage: Type.Union([Type.Literal('mfa_pending'), Type.Literal('active')]), csrfToken: Type.String() }, Strict);

export async function authRoutes(app: App, platform: Platform) {
  const cookieName = sessionCookieName(platform.config.session.cookieSecure);
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(cookieName, token, {
      path: '/',
      httpOnly: true,
      secure: platform.config.session.cookieSecure,
      sameSite: 'strict',
      // A browser-session cookie; the server enforces idle and absolute limits.
    });
  const origin = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id });
  const resolved = (req: FastifyRequest) => {
    if (!req.resolvedSession || !req.sessionToken) throw new AppError('UNAUTHENTICATED');
    return { session: req.resolvedSession, token: req.sessionToken };
  };

  app.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: platform.config.login.perIpPerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['auth'],
      summary: '登录 / log in with username and password',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) }, Strict),
      response: withProblems({ 200: Stage }),
    },
    handler: async (req, reply) => {
      const grant = await service.login(platform, req.body, origin(req), req.cookies[cookieName]);
      setSessionCookie(reply, grant.token);
      return { stage: grant.stage, csrfToken: grant.csrfToken };
    },
  });

  app.get('/api/auth/me', {
    config: { access: 'authenticated', allowMfaPending: true, allowPasswordChange: true },
    schema: { tags: ['auth'], summary: '当前用户 / who am I', response: withProblems({ 200: Me }) },
    handler: async (req) => presentMe(resolved(req).session),
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated', allowMfaPending: true, allowPasswordChange: true },
    schema: { tags: ['auth'], summary: '退出 / log out', response: withProblems({ 204: Type.Null() }) },
    handler: async (req, reply) => {
      await service.logout(platform, resolved(req).token, req.ctx.actor, origin(req));
      reply.clearCookie(cookieName, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.post('/api/auth/mfa/setup', {
    config: { access: 'authenticated', allowMfaPending: true },
    schema: {
      tags: ['auth'],
      summary: '绑定动态口令 / enrol an authenticator (TOTP)',
      response: withProblems({ 200: Type.Object({ secret: Type.String(), uri: Type.String() }, Strict) }),
    },
    handler: async (req) => service.beginTotpEnrolment(req.ctx, resolved(req).session),
  });

  app.post('/api/auth/mfa/verify', {
    config: { access: 'authenticated', allowMfaPending: true, allowPasswordChange: true, rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: {
      tags: ['auth'],
      summary: '验证动态口令 / verify the one-time code',
      body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, Strict),
      response: withProblems({ 200: Stage }),
    },
    handler: async (req, reply) => {
      const { session, token } = resolved(req);
      const grant = await service.completeMfa(platform, session, req.body.code, token, origin(req));
      setSessionCookie(reply, grant.token);
      return { stage: grant.stage, csrfToken: grant.csrfToken };
    },
  });

  app.post('/api/auth/password', {
    config: { access: 'authenticated', allowPasswordChange: true },
    schema: {
      tags: ['auth'],
      summary: '修改密码 / change my password',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 128 }), newPassword: Type.String({ minLength: 1, maxLength: 128 }) }, Strict),
      response: withProblems({ 204: Type.Null() }),
    },
    handler: async (req, reply) => {
      await service.changePassword(req.ctx, resolved(req).session, req.body);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/roles', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'],
      summary: '角色目录 / role catalogue',
      response: withProblems({
        200: Type.Array(Type.Object({ role: Type.String(), zh: Type.String(), en: Type.String(), scopeKind: Type.String(), permissions: Type.Array(Type.String()) }, Strict)),
      }),
    },
    handler: async () => ROLE_NAMES.map((role) => ({ role, zh: ROLES[role].zh, en: ROLES[role].en, scopeKind: ROLES[role].scopeKind, permissions: [...ROLES[role].permissions] })),
  });

  // ---- user management ----
  app.get('/api/users', {
    config: { access: 'users.read' },
    schema: {
      tags: ['users'],
      summary: '用户列表 / list users',
      querystring: Type.Object(
        { ...PageQuery, q: Type.Optional(Type.String({ maxLength: 50 })), role: Type.Optional(RoleEnum(ROLE_NAMES)), status: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['active', 'disabled'] })) },
        Strict,
      ),
      response: withProblems({ 200: Paged(User) }),
    },
    handler: async (req) => {
      const page = await service.listUsers(req.ctx, { page: 1, pageSize: 20, ...req.query });
      const now = req.ctx.clock.now();
      return { ...page, items: page.items.map((u) => presentUser(u, now)) };
    },
  });

  app.get('/api/users/:id', {
    config: { access: 'users.read' },
    schema: { tags: ['users'], params: IdParams, response: withProblems({ 200: User }) },
    handler: async (req) => presentUser(await service.getUser(req.ctx, req.params.id), req.ctx.clock.now()),
  });

  const InitialPassword = Type.Object({ user: User, initialPassword: Type.String() }, Strict);

  app.post('/api/users', {
    config: { access: 'users.write' },
    schema: {
      tags: ['users'],
      summary: '新建用户（返回一次性初始密码） / create a user (one-time initial password)',
      body: Type.Object(
        {
          username: Type.String({ pattern: '^[A-Za-z0-9_.-]{3,32}$' }),
          displayName: Type.String({ minLength: 1, maxLength: 30 }),
          role: RoleEnum(HUMAN_ROLES),
          ...ScopeBody,
        },
        Strict,
      ),
      response: withProblems({ 201: InitialPassword }),
    },
    handler: async (req, reply) => {
      const { user, initialPassword } = await service.createUser(req.ctx, req.body);
      return reply.code(201).send({ user: presentUser(user), initialPassword });
    },
  });

  app.patch('/api/users/:id', {
    config: { access: 'users.write' },
    schema: {
      tags: ['users'],
      summary: '修改用户角色、范围或状态 / change a user',
      params: IdParams,
      body: Type.Object(
        {
          version: Type.Integer({ minimum: 1 }),
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
          role: Type.Optional(RoleEnum(HUMAN_ROLES)),
          status: Type.Optional(Type.Unsafe<'active' | 'disabled'>({ type: 'string', enum: ['active', 'disabled'] })),
          ...ScopeBody,
        },
        Strict,
      ),
      response: withProblems({ 200: User }),
    },
    handler: async (req) => presentUser(await service.updateUser(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/users/:id/reset-password', {
    config: { access: 'users.write' },
    schema: {
      tags: ['users'],
      summary: '重置密码 / reset a password (one-time password, must be changed)',
      params: IdParams,
      response: withProblems({ 200: Type.Object({ initialPassword: Type.String() }, Strict) }),
    },
    handler: async (req) => service.resetPassword(req.ctx, req.params.id),
  });

  // ---- API keys ----
  app.get('/api/api-keys', {
    config: { access: 'apikeys.manage' },
    schema: { tags: ['users'], summary: '接口密钥 / API keys', response: withProblems({ 200: Type.Array(ApiKey) }) },
    handler: async (req) => (await service.listApiKeys(req.ctx)).map(presentApiKey),
  });

  // The security admin does not read the organisation registry; a bank key needs only the bank's name.
  app.get('/api/api-keys/banks', {
    config: { access: 'apikeys.manage' },
    schema: {
      tags: ['users'],
      summary: '可签发银行接口密钥的银行 / banks a key can be issued to',
      response: withProblems({ 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), bankCode: Type.String() }, Strict)) }),
    },
    handler: async (req) => (await listBanks(req.ctx.db)).map((b) => ({ id: b.id, name: b.name, bankCode: b.bank_code })),
  });

  app.post('/api/api-keys', {
    config: { access: 'apikeys.manage' },
    schema: {
      tags: ['users'],
      summary: '签发接口密钥（仅显示一次） / issue an API key (shown once)',
      body: Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 60 }),
          role: RoleEnum(MACHINE_ROLES),
          ...ScopeBody,
          scopeProjectId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
          scopeBankId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '银行接口密钥所属银行' }))),
        },
        Strict,
      ),
      response: withProblems({
        201: Type.Object({ key: ApiKey, secret: Type.String(), signingSecret: Nullable(Type.String({ description: '银行请求签名密钥（仅此一次显示）' })) }, Strict),
      }),
    },
    handler: async (req, reply) => {
      const { key, secret, signingSecret } = await service.createApiKey(req.ctx, req.body);
      return reply.code(201).send({ key: presentApiKey(key), secret, signingSecret });
    },
  });

  app.delete('/api/api-keys/:id', {
    config: { access: 'apikeys.manage' },
    schema: { tags: ['users'], summary: '吊销接口密钥 / revoke an API key', params: IdParams, response: withProblems({ 204: Type.Null() }) },
    handler: async (req, reply) => {
      await service.revokeApiKey(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
}
