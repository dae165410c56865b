/**
 * API throughput against a bare Fastify route in the same process and run, reported as ratios:
 *   - an authenticated, scoped list (GET /api/enterprises, wage-office session, district demo data)
 *   - a login (argon2id m=19 MiB, t=2: deliberately slow) against a bare POST
 * Run: npm run bench  (options: DURATION=10 CONNECTIONS=10 DATABASE_URL=postgres://… for PostgreSQL)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { openPlatform } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { seedDemo } from '../src/server/seed/demo';

const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 10);

async function load(url: string, options: Partial<autocannon.Options> = {}) {
  const result = await autocannon({ url, duration, connections, ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xindun-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, MFA_ROLES: '', JOBS_ENABLED: 'false', COOKIE_SECURE: 'false', LOGIN_PER_IP_PER_MINUTE: '10000', DATABASE_URL: process.env.DATABASE_URL ?? '' }, []);
  const platform = await openPlatform(config, { dataDir: config.databaseUrl ? undefined : 'memory://' });
  const demo = await seedDemo(platform, 'district', { adminPassword: 'Bench#Admin2026' });
  const app = await buildApp(platform);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const bare = Fastify();
  bare.get('/bare', async () => ({ items: [], total: 0 }));
  bare.post('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'zhiqianban', password: demo.accounts.find((a) => a.username === 'zhiqianban')!.password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const loginBody = JSON.stringify({ username: 'zhiqianban', password: 'XinDun#Demo2026' });

  const rows = [
    ['bare GET (reference)', await load(`${bareBase}/bare`)],
    ['GET /api/enterprises?pageSize=20 (session, scoped, masked)', await load(`${base}/api/enterprises?pageSize=20`, { headers: { cookie } })],
    ['bare POST (reference)', await load(`${bareBase}/bare`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody })],
    ['POST /api/auth/login (argon2id)', await load(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody })],
  ] as const;

  const engine = config.databaseUrl ? 'PostgreSQL' : 'PGlite (in memory)';
  const lines = [
    `Engine: ${engine}; ${os.cpus().length} cores; Node ${process.version}; ${duration} s × ${connections} connections; district demo (${demo.counts.enterprises} enterprises).`,
    '',
    '| request | req/s | p50 ms | p99 ms | non-2xx | ratio to bare |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const [i, [name, r]] of rows.entries()) {
    const reference = i < 2 ? rows[0][1] : rows[2][1];
    lines.push(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${(r.rps / reference.rps).toFixed(3)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  await app.close();
  await bare.close();
  await platform.db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
