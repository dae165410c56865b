import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import helmet from 'helmet';
import { v7 as uuidv7 } from 'uuid';
import { authGuard } from './modules/auth/auth.guard';
import { authRoutes } from './modules/auth/auth.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { orgsRoutes } from './modules/orgs/orgs.routes';
import { paramsRoutes } from './modules/params/params.routes';
import { projectsRoutes } from './modules/projects/projects.routes';
import { workforceRoutes } from './modules/workforce/workforce.routes';
import { attendanceRoutes } from './modules/attendance/attendance.routes';
import { nationalRoutes } from './modules/national/national.routes';
import { accountsRoutes } from './modules/accounts/accounts.routes';
import { payrollRoutes } from './modules/payroll/payroll.routes';
import { depositsRoutes } from './modules/deposits/deposits.routes';
import { fundsRoutes } from './modules/funds/funds.routes';
import { paymentsRoutes } from './modules/payments/payments.routes';
import { regionsRoutes } from './modules/regions/regions.routes';
import { warningsRoutes } from './modules/warnings/warnings.routes';
import { notifyRoutes } from './modules/notify/notify.routes';
import { httpSmsGateway, startSmsDispatcher } from './modules/notify';
import { startComplaintIntake } from './modules/cases/cases.intake';
import { casesRoutes } from './modules/cases/cases.routes';
import { caseDocumentsRoutes } from './modules/cases/cases.documents.routes';
import { casesStatsRoutes } from './modules/cases/cases.stats.routes';
import { workerCasesRoutes } from './modules/cases/cases.worker.routes';
import type { Platform } from './platform/context';
import { registerIdempotency } from './platform/http/idempotency';
import { registerMetrics } from './platform/http/metrics';
import { errorHandler, sendProblem } from './platform/http/problem';
import { Problem } from './platform/http/schemas';
import type { App, RouteAccess } from './platform/http/types';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface RouteRecord {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

export interface BuildAppOptions {
  logger?: FastifyBaseLogger;
  /** Serve the built SPA from dist/web when it exists. */
  serveWeb?: boolean;
  /** Route public complaints in this process (default true); off, they wait for a process that does. */
  complaintIntake?: boolean;
}

/** The Fastify application with every module mounted; used by main, the tests and the benchmarks. */
export async function buildApp(platform: Platform, options: BuildAppOptions = {}) {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : uuidv7();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: platform.config.trustProxy,
    ajv: {
      // Unknown properties are rejected, not silently dropped (SECURITY.md item 35).
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const routes: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: route.config?.access });
    }
  });

  app.addSchema(Problem);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    if (options.serveWeb && req.method === 'GET' && !req.url.startsWith('/api/') && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      // Client-side routes of the SPA all load its index page.
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(req, reply, 'ROUTE_NOT_FOUND');
  });

  // The security headers, built once: @fastify/helmet rebuilds helmet's middleware (and parses the
  // CSP) on every request, a cost that showed in the complaint intake's load profile.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)));
  await app.register(cookie);
  // One file per request, capped: imports and attachments are read whole.
  await app.register(multipart, { limits: { files: 1, fileSize: 20 * 1024 * 1024, fields: 5, parts: 6 } });
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => Object.assign(new Error('rate limited'), { statusCode: 429 }) });

  await app.register(swagger, {
    openapi: {
      info: { title: '薪盾 XinDun API', version: '0.1.0', description: '农民工工资支付监控预警平台 / migrant-worker wage monitoring platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-xd_sid' }, apiKey: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: false });

  // Every /api response is private and uncacheable: many carry personal data.
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  if (options.complaintIntake !== false) {
    const intake = startComplaintIntake(platform, app.log);
    app.decorate('complaintIntake', intake);
    app.addHook('onClose', () => intake.stop());
  }
  if (platform.config.sms.gatewayUrl) {
    const gateway = httpSmsGateway({ url: platform.config.sms.gatewayUrl, secret: platform.config.sms.gatewaySecret!, profile: platform.config.crypto.profile });
    const sms = startSmsDispatcher(platform, gateway, app.log);
    app.decorate('smsDispatcher', sms);
    app.addHook('onClose', () => sms.stop());
  }

  app.addHook('onRequest', authGuard(platform));
  registerMetrics(app);
  registerIdempotency(app, platform);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    try {
      await platform.db.query('SELECT 1');
      return { status: 'ready' };
    } catch {
      return sendProblem(req, reply, 'SERVICE_UNAVAILABLE');
    }
  });

  await app.register(async (scoped) => authRoutes(scoped as App, platform));
  await app.register(async (scoped) => regionsRoutes(scoped as App));
  await app.register(async (scoped) => orgsRoutes(scoped as App));
  await app.register(async (scoped) => auditRoutes(scoped as App));
  await app.register(async (scoped) => paramsRoutes(scoped as App));
  await app.register(async (scoped) => projectsRoutes(scoped as App));
  await app.register(async (scoped) => workforceRoutes(scoped as App));
  await app.register(async (scoped) => attendanceRoutes(scoped as App));
  await app.register(async (scoped) => nationalRoutes(scoped as App));
  await app.register(async (scoped) => accountsRoutes(scoped as App));
  await app.register(async (scoped) => payrollRoutes(scoped as App));
  await app.register(async (scoped) => depositsRoutes(scoped as App));
  await app.register(async (scoped) => fundsRoutes(scoped as App));
  await app.register(async (scoped) => paymentsRoutes(scoped as App));
  await app.register(async (scoped) => casesRoutes(scoped as App));
  await app.register(async (scoped) => caseDocumentsRoutes(scoped as App));
  await app.register(async (scoped) => casesStatsRoutes(scoped as App));
  await app.register(async (scoped) => workerCasesRoutes(scoped as App));
  await app.register(async (scoped) => warningsRoutes(scoped as App));
  await app.register(async (scoped) => notifyRoutes(scoped as App));

  if (options.serveWeb && fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  }

  await app.ready();
  return Object.assign(app, { routeInventory: routes });
}
