/**
 * Complaint intake under load: public complaints (扫码投诉, `POST /api/public/complaints`) at a fixed
 * offered rate, beside a bare Fastify route that does one INSERT into the same PostgreSQL, in the
 * same run; throughput, p50/p99 latency and CPU per request. Arrivals are evenly spaced at the
 * offered rate by an open-loop generator in its own process (`open-loop.ts`), and latency counts
 * from each request's scheduled instant.
 *
 * Each complaint carries its own phone verification, made beforehand as the code request would
 * make it (the code's MAC, the phone encrypted), so the timed part is the complaint alone: 受理, the
 * code check and the complaint stored with its case number, answered; and 分派, the intake drainer
 * opening each one's clue, case, workers, event and audit record in batches. A run ends when every
 * complaint it stored is routed; its CPU includes that, and the table gives how long each complaint
 * waited between stored and routed. Every request comes from its own address (X-Forwarded-For,
 * TRUST_PROXY), as complaints from many phones would, so the per-address throttle does not cut in.
 *
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:complaints
 * Options: RATES=100,250,500 (req/s, each measured in turn) DURATION=10 (s per rate) CONNECTIONS=100
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { verificationAad } from '../src/server/modules/cases/cases.repo';
import { buildApp } from '../src/server/app';
import { openPlatform } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { seedDemo } from '../src/server/seed/demo';
import { loadGenerator, postgresCpuSeconds, type LoadGenerator, type LoadRequest } from './open-loop';
import { freshDatabase } from './support';

const RATES = (process.env.RATES ?? '100,250,500').split(',').map(Number);
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100);
const CODE = '246810';

/** One timed run: the load at `rate`, then `settle` (the work it left queued), and what the server and the database spent on both. */
async function measure<T>(load: LoadGenerator, url: string, rate: number, requests: LoadRequest[], settle: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const pgBefore = postgresCpuSeconds();
  const result = await load.run(url, { rate, requests, connections: CONNECTIONS });
  const settled = await settle();
  const used = process.cpuUsage(cpu);
  const pgAfter = postgresCpuSeconds();
  return {
    ...result,
    settled,
    // CPU milliseconds per request: the server process (this one) and all of PostgreSQL.
    nodeMs: (used.user + used.system) / 1000 / requests.length,
    pgMs: pgBefore === null || pgAfter === null ? null : ((pgAfter - pgBefore) * 1000) / requests.length,
  };
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is required: the benchmark runs on PostgreSQL');
  const db = await freshDatabase(base);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xindun-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, MFA_ROLES: '', JOBS_ENABLED: 'false', COOKIE_SECURE: 'false', TRUST_PROXY: 'true', DATABASE_URL: db.url }, []);
  const platform = await openPlatform(config, {});
  await seedDemo(platform, 'township', { adminPassword: 'Bench#Admin2026' });
  const { rows: projects } = await platform.db.query<{ code: string; gc: string }>(
    `SELECT p.code, e.name AS gc FROM projects p JOIN enterprises e ON e.id = p.general_contractor_id WHERE p.status = 'in_progress' ORDER BY p.code`,
  );

  // One verification per request to come, as the code request makes them.
  const total = RATES.reduce((n, r) => n + 2 * r * DURATION, 0) + 300 + 150 + 30;
  const ids: string[] = [];
  const expires = new Date(platform.clock.now().getTime() + 3600_000);
  for (let from = 0; from < total; from += 2000) {
    const batch = Array.from({ length: Math.min(2000, total - from) }, (_, k) => {
      const i = from + k;
      const id = uuidv7();
      const phone = `139${String(i).padStart(8, '0')}`;
      ids.push(id);
      return { id, phoneEnc: platform.cipher.encrypt(phone, verificationAad(id)), phoneBidx: platform.cipher.blindIndex('phone', phone), mac: platform.cipher.blindIndex('sms_code', `${id}:${CODE}`) };
    });
    await platform.db.query(
      `INSERT INTO phone_verifications (id, purpose, phone_enc, phone_bidx, code_mac, expires_at, created_at)
       SELECT id, 'complaint', e, b, m, $5, now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t (id, e, b, m)`,
      [batch.map((v) => v.id), batch.map((v) => v.phoneEnc), batch.map((v) => v.phoneBidx), batch.map((v) => v.mac), expires],
    );
  }
  await platform.db.query('VACUUM ANALYZE');

  const app = await buildApp(platform);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/public/complaints`;

  // The reference: the same JSON body, one INSERT, the same database.
  const pool = new pg.Pool({ connectionString: db.url, max: 10, min: 10 });
  // Opened whole beforehand and kept, as the platform's pool is (src/server/db/client.ts).
  for (const client of await Promise.all(Array.from({ length: 10 }, () => pool.connect()))) client.release();
  await pool.query('CREATE TABLE bench_bare (id uuid PRIMARY KEY, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  const bare = Fastify();
  bare.post('/bare', async (req) => {
    await pool.query('INSERT INTO bench_bare (id, body) VALUES ($1, $2)', [uuidv7(), JSON.stringify(req.body)]);
    return { ok: true };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

  // Each complaint spends its own verification, in order.
  let spent = 0;
  const complaints = (count: number): LoadRequest[] =>
    Array.from({ length: count }, () => {
      const i = spent++;
      const p = projects[i % projects.length];
      return {
        headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({
          verificationId: ids[i],
          code: CODE,
          projectCode: p.code,
          employerName: p.gc,
          name: `压测工人${i}`,
          claimedFen: 300_000 + (i % 50) * 10_000,
          periodFrom: '2026-09-01',
          periodTo: '2026-10-31',
          description: '九月、十月工资未发放',
        }),
      };
    });
  const recorded = async () => Number((await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM clues WHERE channel = 'public_qr'`)).rows[0].n);
  /** Waits until every stored complaint is routed; how long submission to case took for those stored since `from`. */
  const routedSince = async (from: Date) => {
    for (;;) {
      app.complaintIntake!.kick();
      await app.complaintIntake!.idle();
      const { rows } = await platform.db.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM complaint_submissions WHERE routed_at IS NULL`);
      if (rows[0].waiting === 0) break;
    }
    const { rows } = await platform.db.query<{ p50: number; p99: number; max: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
         FROM (SELECT extract(epoch FROM routed_at - received_at) * 1000 AS ms FROM complaint_submissions WHERE received_at >= $1) AS t`,
      [from],
    );
    return { p50: Math.round(rows[0].p50), p99: Math.round(rows[0].p99), max: Math.round(rows[0].max) };
  };

  const lines = [
    `Engine: PostgreSQL; ${os.cpus().length} cores; Node ${process.version}; ${DURATION} s per rate, evenly spaced arrivals over up to ${CONNECTIONS} connections; township demo (${projects.length} projects in progress).`,
    '',
    '| offered req/s | bare INSERT: req/s · p50 · p99 ms · CPU ms/req (node + PG) | public complaint: req/s · p50 · p99 · max ms · CPU ms/req (node + PG) | stored → routed: p50 · p99 · max ms | cases opened / answered 201 |',
    '|---:|---|---|---|---:|',
  ];
  const cpu = (r: { nodeMs: number; pgMs: number | null }) => `${r.nodeMs.toFixed(2)} + ${r.pgMs === null ? '?' : r.pgMs.toFixed(2)}`;
  // Untimed: warms both servers' connections, plans and caches.
  const load = loadGenerator();
  await load.run(bareUrl, { rate: 100, requests: complaints(300) });
  await load.run(appUrl, { rate: 50, requests: complaints(150) });
  // One at a time: the latency of a complaint on an idle server.
  const alone: number[] = [];
  for (const { body, headers } of complaints(30)) {
    const t = performance.now();
    const res = await fetch(appUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    if (res.status !== 201) throw new Error(`complaint answered ${res.status}: ${await res.text()}`);
    alone.push(performance.now() - t);
  }
  alone.sort((x, y) => x - y);
  lines.splice(1, 0, `One at a time on an idle server: p50 ${alone[15].toFixed(1)} ms, max ${alone.at(-1)!.toFixed(1)} ms (30 complaints).`);
  for (const rate of RATES) {
    const ref = await measure(load, bareUrl, rate, complaints(rate * DURATION), async () => null);
    const before = await recorded();
    const from = new Date();
    const run = await measure(load, appUrl, rate, complaints(rate * DURATION), () => routedSince(from));
    const routed = run.settled;
    const after = await recorded();
    lines.push(
      `| ${rate} | ${ref.achieved} · ${ref.p50} · ${ref.p99} · ${cpu(ref)} | ${run.achieved} · ${run.p50} · ${run.p99} · ${run.max} · ${cpu(run)}${run.non2xx + run.errors ? ` · ${run.non2xx + run.errors} failed` : ''} | ${routed.p50} · ${routed.p99} · ${routed.max} | ${after - before} / ${run.ok} |`,
    );
    process.stdout.write(`${lines.at(-1)}\n`);
    process.stdout.write(`  p99 by second, bare: ${ref.p99BySecond.join(' ')}; complaint: ${run.p99BySecond.join(' ')}; load generator CPU ms/req ${ref.clientMs.toFixed(2)}, ${run.clientMs.toFixed(2)}\n`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n(target: p99 ≤ 50 ms at 500 req/s)\n`);

  load.close();
  await app.close();
  await bare.close();
  await pool.end();
  await platform.db.close();
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
