/**
 * Attendance ingest through the HTTP batch API (device key, 1,000-event batches) against the
 * physical reference: PostgreSQL COPY of the same number of rows, in the stored shape, into the
 * same partitioned table, in the same run. Reported as a ratio (target ≥ 1/3 on PostgreSQL).
 * Run: npx tsx bench/attendance-ingest.ts            (PGlite: API rate only; PGlite has no COPY from a client)
 *      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/attendance-ingest.ts
 * Options: BATCHES=60 CONCURRENCY=2
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../src/server/app';
import { openPlatform } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { monthOf, workDateOf } from '../src/server/modules/attendance/attendance.rules';
import { ensureAttendancePartitions } from '../src/server/modules/attendance/attendance.repo';
import { createApiKey } from '../src/server/modules/auth/auth.service';
import { workerIdAad } from '../src/server/modules/workforce/workforce.repo';
import { systemActor } from '../src/server/platform/access/actor';
import { contextFor } from '../src/server/platform/context';
import { seedDemo } from '../src/server/seed/demo';
import { freshDatabase } from './support';

const BATCHES = Number(process.env.BATCHES ?? 60);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 2);
const BATCH_SIZE = 1000;

async function main() {
  const base = process.env.DATABASE_URL;
  const db = base ? await freshDatabase(base) : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xindun-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, MFA_ROLES: '', JOBS_ENABLED: 'false', DATABASE_URL: db?.url ?? '' }, []);
  const platform = await openPlatform(config, { dataDir: db ? undefined : 'memory://' });
  await seedDemo(platform, 'township', { adminPassword: 'Bench#Admin2026' });

  // The busiest project and the ID numbers of its roster (the devices send ID numbers).
  const { rows: [project] } = await platform.db.query<{ id: string; code: string }>(
    `SELECT p.id, p.code FROM projects p JOIN employments e ON e.project_id = p.id AND e.exit_date IS NULL
      GROUP BY p.id, p.code ORDER BY count(*) DESC LIMIT 1`,
  );
  const { rows: workers } = await platform.db.query<{ id: string; id_enc: string }>(
    'SELECT w.id, w.id_enc FROM workers w JOIN employments e ON e.worker_id = w.id AND e.project_id = $1 AND e.exit_date IS NULL',
    [project.id],
  );
  const ids = workers.map((w) => platform.cipher.decrypt(w.id_enc, workerIdAad(w.id)));
  const ctx = contextFor(platform, systemActor('bench'));
  const { secret } = await createApiKey(ctx, { name: 'bench gate', role: 'site_device', scopeProjectId: project.id });

  const app = await buildApp(platform);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/attendance/batches`;

  // Events of today, spread over the working hours, each with its own device event id.
  const now = platform.clock.now();
  const day = workDateOf(now);
  const start = new Date(`${day}T07:00:00+08:00`).getTime();
  const span = Math.max(60_000, Math.min(now.getTime(), new Date(`${day}T18:00:00+08:00`).getTime()) - start);
  const eventAt = (n: number) => new Date(start + ((n * 7919) % span)).toISOString();
  const batchBody = (b: number) =>
    JSON.stringify({
      projectCode: project.code,
      deviceCode: 'BENCH-1',
      events: Array.from({ length: BATCH_SIZE }, (_, i) => {
        const n = b * BATCH_SIZE + i;
        return { eventId: `bench-${n}`, idNumber: ids[n % ids.length], time: eventAt(n), direction: n % 2 ? 'out' : 'in', method: 'FACE' };
      }),
    });
  const bodies = Array.from({ length: BATCHES }, (_, b) => batchBody(b));
  // One warm-up batch outside the timing (JIT, partition creation).
  await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: batchBody(BATCHES) });

  let next = 0;
  let accepted = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body });
        if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${await res.text()}`);
        accepted += ((await res.json()) as { accepted: number }).accepted;
      }
    }),
  );
  const apiSeconds = (performance.now() - t0) / 1000;
  const apiRate = accepted / apiSeconds;
  console.log(`engine: ${platform.db.kind}; project ${project.code}, roster ${ids.length}`);
  console.log(`API: ${accepted} events in ${apiSeconds.toFixed(2)} s = ${Math.round(apiRate)} events/s (${BATCHES} batches of ${BATCH_SIZE}, concurrency ${CONCURRENCY})`);

  if (db) {
    // The same number of rows in the stored shape (as the API would have written them), by COPY.
    await ensureAttendancePartitions(platform.db, [monthOf(day)]);
    const source = uuidv7();
    const bidx = ids.map((id) => platform.cipher.blindIndex('id_number', id));
    const csvPath = path.join(dataDir, 'events.csv');
    const out = fs.createWriteStream(csvPath);
    for (let n = 0; n < accepted; n++) {
      const w = n % ids.length;
      out.write(`${project.id},${uuidv7()},${day},${eventAt(n)},${n % 2 ? 'out' : 'in'},FACE,true,device,${source},copy-${n},BENCH-1,${bidx[w]},,${workers[w].id},,registered,${now.toISOString()}\n`);
    }
    await new Promise((resolve) => out.end(resolve));
    const columns = 'project_id, id, work_date, occurred_at, direction, method, method_allowed, source, source_id, source_event_id, device_code, id_bidx, id_enc, worker_id, key_staff_role, status, received_at';
    const t1 = performance.now();
    execFileSync('psql', [db.url, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `\\copy attendance_events (${columns}) FROM '${csvPath}' WITH (FORMAT csv)`]);
    const copySeconds = (performance.now() - t1) / 1000;
    const copyRate = accepted / copySeconds;
    console.log(`COPY: ${accepted} rows in ${copySeconds.toFixed(2)} s = ${Math.round(copyRate)} rows/s (psql \\copy, process start included)`);
    console.log(`ratio API / COPY: ${(apiRate / copyRate).toFixed(3)} (target ≥ 0.333)`);
  }
  await app.close();
  await platform.db.close();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
