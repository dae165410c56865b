import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock';

/** Anything that runs SQL: the database itself or an open transaction. Repositories take this first. */
export interface DbOrTx {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: T[]; rowCount: number }>;
}

export interface QueryOptions {
  /**
   * Keeps the statement prepared on each connection (named by its text's hash), so the server
   * parses it once per connection instead of at every run: for statements on a hot path whose
   * text comes from a small fixed set. PGlite runs it as an ordinary statement.
   */
  prepare?: boolean;
}

const statementNames = new Map<string, string>();
const statementName = (sql: string) => {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `s_${crypto.createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
  return name;
};

/** An open transaction; `exec` runs a multi-statement script without parameters (migrations). */
export interface Tx extends DbOrTx {
  exec(sql: string): Promise<void>;
  /**
   * Runs a statement kept prepared under `name` on this connection with a generic plan: planned
   * once per connection instead of at every run, for statements run often whose best plan does not
   * depend on the values (a name is for one text only). PGlite runs it as an ordinary statement.
   */
  prepared<T = Record<string, unknown>>(name: string, sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
}

export interface Db extends DbOrTx {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Forces written data to disk (PGlite does not sync on COMMIT). A no-op on PostgreSQL. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
  /** The raw executeSql adapter pg-boss needs. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface OpenDbOptions {
  databaseUrl?: string;
  /** PGlite data folder, or `memory://` for an in-memory database (tests). */
  dataDir?: string;
}

// pg returns int8 and numeric as strings; money is integer fen and fits a JS number far beyond
// any realistic total (2^53 fen ≈ 90 trillion yuan), so parse int8 to number. numeric stays a string.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? 'memory://');
}

const POOL_SIZE = 10;

async function openPostgres(url: string): Promise<Db> {
  // A fixed pool, opened whole at start and kept: a connection opened in a surge costs a backend
  // start and its first statements' catalog reads, tens of milliseconds when there is none to spare.
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, min: POOL_SIZE });
  // Opening them also fails fast, with a clear message, when the server is unreachable.
  const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
  for (const client of clients) client.release();
  pool.on('error', () => {
    /* idle client errors are reported by the next query */
  });
  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params?: unknown[], options?: QueryOptions) => {
    const result = options?.prepare ? await client.query({ name: statementName(sql), text: sql, values: params as unknown[] }) : await client.query(sql, params as unknown[]);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  };
  return {
    kind: 'postgres',
    query: (sql, params, options) => run(pool, sql, params, options),
    async tx(fn) {
      const client = await pool.connect();
      // One statement at a time, in the order asked, even when the caller asks for several at once
      // (Promise.all over reads): a transaction's statements run in sequence anyway, and pg 9 will
      // refuse a query on a client that is still running one.
      let last: Promise<unknown> = Promise.resolve();
      const serial = <T>(step: () => Promise<T>): Promise<T> => {
        const next = last.then(step, step);
        last = next.catch(() => undefined);
        return next;
      };
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params, options) => serial(() => run(client, sql, params, options)),
          exec: (sql) =>
            serial(async () => {
              await client.query(sql);
            }),
          prepared<T>(name: string, sql: string, params?: unknown[]) {
            return serial(async () => {
              // The server would plan the first runs for their values before settling on a generic
              // plan, or never; forced for this statement only (an error rolls the setting back too).
              const { rows: [{ prior }] } = await client.query(
                `SELECT current_setting('plan_cache_mode') AS prior, set_config('plan_cache_mode', 'force_generic_plan', true)`,
              );
              const result = await client.query({ name, text: sql, values: params as unknown[] });
              await client.query(`SELECT set_config('plan_cache_mode', $1, true)`, [prior]);
              return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
            });
          },
        });
        await last;
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async checkpoint() {},
    async close() {
      await pool.end();
    },
    async executeSql(text, values) {
      const result = await pool.query(text, values as unknown[]);
      return { rows: result.rows };
    },
  };
}

async function openPglite(dataDir: string): Promise<Db> {
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    fs.mkdirSync(dataDir, { recursive: true });
    // PGlite has no lock of its own: a second process on the same folder would corrupt it.
    lock = acquireDataDirLock(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir.startsWith('memory://') ? undefined : path.join(dataDir, 'pgdata'), {
      relaxedDurability: false,
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const run = async <T>(q: Pick<PGlite, 'query'> | Transaction, sql: string, params?: unknown[]) => {
    const result = await q.query<T>(sql, params as unknown[]);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  };
  return {
    kind: 'pglite',
    query: (sql, params) => run(pglite, sql, params),
    tx: (fn) =>
      pglite.transaction((t) =>
        fn({
          query: (sql, params) => run(t, sql, params),
          exec: async (sql) => {
            await t.exec(sql);
          },
          prepared: (_name, sql, params) => run(t, sql, params),
        }),
      ),
    async checkpoint() {
      await pglite.query('CHECKPOINT');
      await pglite.syncToFs();
    },
    async close() {
      if (!pglite.closed) {
        await pglite.query('CHECKPOINT').catch(() => undefined);
        await pglite.close();
      }
      lock?.release();
    },
    async executeSql(text, values) {
      // pg-boss sends multi-statement scripts without parameters when it installs its schema.
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await pglite.query(text, values);
      return { rows: result.rows };
    },
  };
}
