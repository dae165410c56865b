import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorFile, verifyAndAnchor, verifyChain } from '../../src/server/modules/audit/audit.service';
import { systemActor } from '../../src/server/platform/access/actor';
import { appendAudit } from '../../src/server/platform/audit/audit';
import { audit, contextFor } from '../../src/server/platform/context';
import { createTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform();
  const ctx = contextFor(platform, systemActor('test'), { requestId: 'req-1', ip: '127.0.0.1' });
  for (let i = 0; i < 12; i++) {
    await platform.db.tx((tx) =>
      audit(tx, ctx, { action: 'test.write', objectType: 'thing', objectId: String(i), before: { n: i }, after: { n: i + 1, nested: { b: 1, a: [1, 'x'] } } }),
    );
  }
});
afterAll(() => platform.close());

// Superuser-style tampering: bypass the append-only trigger the way an attacker with DB access would.
async function asSuperuser(sql: string, params: unknown[] = []) {
  await platform.db.tx(async (tx) => {
    await tx.query("SET LOCAL session_replication_role = 'replica'");
    await tx.query(sql, params);
  });
}

describe('audit log integrity (T27)', () => {
  it('verifies an intact chain', async () => {
    const report = await verifyChain(platform);
    expect(report).toMatchObject({ ok: true, checked: 12, headSeq: 12, firstBrokenSeq: null });
  });

  it('the application cannot UPDATE, DELETE or TRUNCATE audit rows', async () => {
    await expect(platform.db.query("UPDATE audit_log SET actor_name = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(platform.db.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(platform.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('fails the business transaction when the audit insert fails (fail-closed)', async () => {
    await platform.db.query('CREATE TABLE IF NOT EXISTS t27_probe (id int PRIMARY KEY)');
    const ctx = contextFor(platform, systemActor('test'));
    await expect(
      platform.db.tx(async (tx) => {
        await tx.query('INSERT INTO t27_probe VALUES (1)');
        // A mac that throws stands for any failure of the audit write.
        await appendAudit(tx, () => { throw new Error('audit store down'); }, { actor: ctx.actor, requestId: null, ip: null, now: new Date() }, { action: 'x', objectType: 'y' });
      }),
    ).rejects.toThrow('audit store down');
    expect((await platform.db.query('SELECT * FROM t27_probe')).rows).toEqual([]);
    expect((await verifyChain(platform)).ok).toBe(true);
  });

  it('anchors the head outside the database and catches a deleted tail', async () => {
    const { report, anchor } = await verifyAndAnchor(platform);
    expect(report.ok).toBe(true);
    expect(anchor?.seq).toBe(12);
    expect(fs.readFileSync(anchorFile(platform), 'utf8')).toContain('"seq":12');
    // Remove the last two rows and rewind the head, so the shortened chain is self-consistent.
    const { rows } = await platform.db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 10');
    await asSuperuser('DELETE FROM audit_log WHERE seq > 10');
    await asSuperuser('UPDATE audit_chain_head SET seq = 10, hash = $1', [rows[0].hash]);
    const cut = await verifyChain(platform);
    expect(cut.ok).toBe(false);
    expect(cut.problem).toMatch(/removed/);
    fs.rmSync(path.join(platform.dataDir, 'audit-anchors.jsonl'));
  });

  it('names the first edited row', async () => {
    await asSuperuser(`UPDATE audit_log SET after = '{"n": 999}' WHERE seq = 4`);
    const report = await verifyChain(platform);
    expect(report.ok).toBe(false);
    expect(report.firstBrokenSeq).toBe(4);
    expect(report.problem).toMatch(/record 4 was altered/);
  });
});
