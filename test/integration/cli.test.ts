import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { openPlatform } from '../../src/server/bootstrap';
import { loadConfig } from '../../src/server/config';

/** The operator's commands on a fresh embedded database: no default accounts, a one-time admin. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xindun-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_PASSWORD: '' };
const run = async (...args: string[]) => {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout + e.stderr };
  }
};

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('command line', () => {
  it('migrates, creates the first administrator with a one-time password, and verifies the audit chain', async () => {
    const migrated = await run('migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/applied \d+/);

    const created = await run('create-admin', '--username', 'root', '--region-code', '450000', '--region-name', '南江省');
    expect(created.code).toBe(0);
    const password = /one-time password: (\S+)/.exec(created.stdout)?.[1];
    expect(password).toBeDefined();
    expect((await run('create-admin', '--username', 'root', '--region-code', '450000')).code).toBe(1);

    const verified = await run('verify-audit');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, checked: 2 });

    // The password works once, and only leads to the second factor and a forced change.
    const platform = await openPlatform(loadConfig({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' }, []));
    try {
      const app = await buildApp(platform);
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'root', password } });
      expect(login.statusCode).toBe(200);
      expect(login.json().stage).toBe('mfa_pending');
      await app.close();
    } finally {
      await platform.db.close();
    }
  }, 180_000); // four CLI processes, each starting tsx and migrating

  it('answers an unknown command with the usage and exit code 2', async () => {
    const result = await run('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('create-admin');
  });
});
