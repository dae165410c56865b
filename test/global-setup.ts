import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDb } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';

/**
 * With TEST_DATABASE_URL (a PostgreSQL server), migrate one template database per run; each test
 * file then clones it (CREATE DATABASE … TEMPLATE), so files are isolated and start fast.
 * Without it, every test file uses its own in-memory PGlite.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `xindun_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabase(url, template);
  const db = await openDb({ databaseUrl: templateUrl });
  await migrate(db);
  await db.close();
  project.provide('templateDatabase', template);
  return async () => {
    // Clones made by test files are dropped by the files themselves; the template goes last.
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'xindun_t_%'`);
    for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase?: string;
  }
}
