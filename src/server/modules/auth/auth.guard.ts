import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { anonymousActor, can } from '../../platform/access/actor';
import { contextFor, type Platform } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { resolveApiKey, resolveSession } from './auth.service';

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-xd_sid' : 'xd_sid');
export const CSRF_HEADER = 'x-csrf-token';

const anonymous = anonymousActor();
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameOrigin(req: FastifyRequest, trusted: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // same-origin navigations and non-browser clients send none; the token still applies
  try {
    const url = new URL(origin);
    return url.host === req.headers.host || trusted.includes(origin);
  } catch {
    return false;
  }
}

const tokensEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/**
 * The one gate every request passes (onRequest, before validation): who is calling, whether the
 * route lets them in, and for cookie-authenticated writes the CSRF token and Origin. The use
 * case then receives `req.ctx` with the actor; scope itself is applied in the repositories.
 */
export function authGuard(platform: Platform) {
  const cookieName = sessionCookieName(platform.config.session.cookieSecure);
  return async function guard(req: FastifyRequest, reply: FastifyReply) {
    const config = req.routeOptions.config;
    const access = config?.access;
    req.ctx = contextFor(platform, anonymous, { requestId: req.id, ip: req.ip });
    if (!access) return; // unmatched routes reach the not-found handler

    if (UNSAFE.has(req.method) && !sameOrigin(req, platform.config.trustedOrigins)) throw new AppError('CSRF_FAILED');
    if (access === 'public') return;

    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const actor = await resolveApiKey(platform, bearer);
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (access === 'authenticated' || !can(actor, access)) throw new AppError('FORBIDDEN');
      req.ctx = contextFor(platform, actor, { requestId: req.id, ip: req.ip });
      return;
    }

    const token = req.cookies[cookieName];
    const resolved = token ? await resolveSession(platform, token) : null;
    if (!resolved) {
      if (token) reply.clearCookie(cookieName, { path: '/' });
      throw new AppError('UNAUTHENTICATED');
    }
    if (UNSAFE.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !tokensEqual(sent, resolved.session.csrf_token)) throw new AppError('CSRF_FAILED');
    }
    if (resolved.session.stage === 'mfa_pending' && !config.allowMfaPending) throw new AppError('MFA_REQUIRED');
    if (resolved.passwordChangeRequired && !config.allowPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access !== 'authenticated' && !can(resolved.actor, access)) throw new AppError('FORBIDDEN');
    req.sessionToken = token;
    req.resolvedSession = resolved;
    req.ctx = contextFor(platform, resolved.actor, { requestId: req.id, ip: req.ip });
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    resolvedSession?: import('./auth.service').ResolvedSession;
  }
}
