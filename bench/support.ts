import crypto from 'node:crypto';
import pg from 'pg';

/**
 * An empty database on the PostgreSQL server at `base`, dropped by `drop()`: each run starts clean.
 * With `template`, a copy of that database instead (nothing may be connected to it).
 */
export async function freshDatabase(base: string, template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `xindun_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
