import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Permission } from '../access/roles';
import type { Ctx } from '../context';

/**
 * What a route declares about access. `public`: no login (a short allow-list, checked by the route
 * inventory test); `authenticated`: any logged-in person; otherwise the permission it needs.
 */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the session still waits for its second factor. */
    allowMfaPending?: boolean;
    /** Reachable while the password must be changed. */
    allowPasswordChange?: boolean;
    /** The response carries personal data: never cached. */
    personalData?: boolean;
    /** A payment or refund command: needs an Idempotency-Key (SECURITY.md 26, platform/http/idempotency.ts). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
    /** The cookie session token, when the request came with one that is valid. */
    sessionToken?: string;
    /** The Idempotency-Key this request holds while it runs. */
    idempotency?: { actorKey: string; key: string };
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;
