import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../support/platform';

/**
 * A transaction's statements run one at a time in the order asked, even when the caller asks for
 * several at once (Promise.all over reads): on PostgreSQL the client is never handed a query while
 * it runs another (which pg 9 will refuse; pg 8 warns), and a failure among them rolls it all back.
 */

let platform: TestPlatform;
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(w.message);

beforeAll(async () => {
  platform = await createTestPlatform();
  await platform.db.query('CREATE TABLE tx_probe (n integer PRIMARY KEY)');
  process.on('warning', onWarning);
});
afterAll(async () => {
  process.off('warning', onWarning);
  await platform?.close();
});

describe('a transaction asked for several statements at once', () => {
  it('runs them in order, each answered with its own result, without overlapping on the connection', async () => {
    const results = await platform.db.tx((tx) =>
      Promise.all(Array.from({ length: 20 }, (_, i) => tx.query<{ n: number }>('INSERT INTO tx_probe (n) VALUES ($1) RETURNING n', [i]).then((r) => r.rows[0].n))),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const { rows } = await platform.db.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual(results);
    // Warnings are emitted on the next tick.
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => w.includes('already executing'))).toEqual([]);
  });

  it('rolls back all of them when one fails', async () => {
    await expect(
      platform.db.tx((tx) => Promise.all([tx.query('INSERT INTO tx_probe (n) VALUES (100)'), tx.query('INSERT INTO tx_probe (n) VALUES (0)'), tx.query('INSERT INTO tx_probe (n) VALUES (101)')])),
    ).rejects.toThrow();
    const { rows } = await platform.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tx_probe WHERE n >= 100');
    expect(rows[0].n).toBe(0);
  });
});
