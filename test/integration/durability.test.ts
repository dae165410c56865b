import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db/client';
import { DataDirLockedError } from '../../src/server/db/lock';

/**
 * T28 and the PGlite half of T23: the real server as a child process on a data folder. An
 * acknowledged write survives kill -9; a second process on the same folder fails fast; SIGTERM
 * closes cleanly. (On PostgreSQL durability is the server's own.)
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xindun-durable-'));
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_PASSWORD: 'Durable#Admin2026', JOBS_ENABLED: 'false', DEMO_SCALE: 'township', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  // The first boot seeds the township demo (half a million attendance events): on a loaded 2-core
  // runner that alone can take over a minute.
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return { child, output: () => out };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${out}`);
}

async function loginCookie(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Durable#Admin2026' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded database durability (T23 on PGlite, T28)', () => {
  it('keeps every acknowledged write across kill -9, locks the folder, and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const { cookie, csrf } = await loginCookie(port);
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/banks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify({ name: `持久性测试银行${i}`, bankCode: `90000000000${i}` }),
      });
      expect(res.status).toBe(201);
      acknowledged.push(`持久性测试银行${i}`);
    }
    // A second process on the same folder fails fast with a clear error.
    await expect(openDb({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startServer(port);
    const again = await loginCookie(port);
    const banks = (await (await fetch(`http://127.0.0.1:${port}/api/banks`, { headers: { cookie: again.cookie } })).json()) as { name: string }[];
    for (const name of acknowledged) expect(banks.map((b) => b.name)).toContain(name);

    second.child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => second.child.once('exit', r));
    expect(code).toBe(0);
    // Reopens with no repair and the chain intact.
    const db = await openDb({ dataDir });
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM banks WHERE name LIKE '持久性测试银行%'");
    expect(rows[0].n).toBe(5);
    await db.close();
  }, 600_000); // three server boots, the first seeding the demo (and running its first warning scan)
});
