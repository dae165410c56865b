import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openPlatform } from '../../src/server/bootstrap';
import { loadConfig, type Config } from '../../src/server/config';
import type { Clock, Platform } from '../../src/server/platform/context';
import { withDatabase } from '../global-setup';

/** A clock tests can move: lockout, idle expiry and deadlines without waiting. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-03-02T02:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date) {
    this.current = new Date(date);
  }
}

export interface TestPlatform extends Platform {
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * A platform on its own database: in-memory PGlite, or a fresh clone of the migrated template
 * when TEST_DATABASE_URL is set. Keys live in a temporary folder.
 */
export async function createTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xindun-test-'));
  const config: Config = loadConfig({ DATA_DIR: dataDir, MFA_ROLES: '', JOBS_ENABLED: 'false', ...env }, []);
  const clock = new TestClock();
  const base = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (base) {
    const template = inject('templateDatabase');
    const name = `xindun_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    databaseUrl = withDatabase(base, name);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const platform = await openPlatform(config, { clock, dataDir: databaseUrl ? undefined : 'memory://', databaseUrl });
  return {
    ...platform,
    clock,
    async close() {
      await platform.db.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
