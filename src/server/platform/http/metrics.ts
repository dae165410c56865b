import client from 'prom-client';
import type { App } from './types';

/** Prometheus metrics: request counts and latency by route pattern (never by raw URL, which may carry ids). */
export function registerMetrics(app: App) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'xindun_' });
  const duration = new client.Histogram({
    name: 'xindun_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
  return registry;
}
