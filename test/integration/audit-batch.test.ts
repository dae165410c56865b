import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/server/modules/audit/audit.service';
import { systemActor } from '../../src/server/platform/access/actor';
import { appendAudit, appendAudits } from '../../src/server/platform/audit/audit';
import { createTestPlatform, type TestPlatform } from '../support/platform';

/** A batch of audit records (the intake drainer's) is one link after another, like single appends, each with its own origin. */

let platform: TestPlatform;
const origin = (requestId: string) => ({ actor: systemActor('公众扫码投诉'), requestId, ip: `10.0.0.${requestId.length}`, now: platform.clock.now() });
const entry = (n: number) => ({ action: 'case.receive', objectType: 'case', objectId: `case-${n}`, after: { n, phone_enc: 'must not be kept' } });

beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.close());

describe('appending audit records in a batch', () => {
  it('links them in order between single appends, each with its own request and address; the chain verifies', async () => {
    await platform.db.tx((tx) => appendAudit(tx, platform.chainMac, origin('single-1'), entry(1)));
    const batch = await platform.db.tx((tx) => appendAudits(tx, platform.chainMac, [2, 3, 4, 5].map((n) => ({ origin: origin(`batch-${n}`), entry: entry(n) }))));
    expect(await platform.db.tx((tx) => appendAudits(tx, platform.chainMac, []))).toEqual([]);
    await platform.db.tx((tx) => appendAudit(tx, platform.chainMac, origin('single-6'), entry(6)));

    expect(batch.map((r) => r.seq)).toEqual([2, 3, 4, 5]);
    const { rows } = await platform.db.query<{ seq: number; request_id: string; ip: string; prev_hash: string; hash: string; after: Record<string, unknown> }>(
      'SELECT seq, request_id, ip, prev_hash, hash, after FROM audit_log ORDER BY seq',
    );
    expect(rows.map((r) => r.request_id)).toEqual(['single-1', 'batch-2', 'batch-3', 'batch-4', 'batch-5', 'single-6']);
    expect(rows[2].ip).toBe('10.0.0.7');
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].hash));
    // Secrets are scrubbed from a batch's records as from a single one's.
    expect(rows[3].after).toEqual({ n: 4 });
    expect(await verifyChain(platform)).toMatchObject({ ok: true, checked: 6, headSeq: 6, firstBrokenSeq: null });
  });

  it('a record of a batch altered afterwards is found', async () => {
    await platform.db.tx(async (tx) => {
      await tx.query("SET LOCAL session_replication_role = 'replica'");
      await tx.query(`UPDATE audit_log SET object_id = 'case-x' WHERE seq = 4`);
    });
    expect(await verifyChain(platform)).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });
});
