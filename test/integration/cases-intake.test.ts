import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/server/db/client';
import { buildApp } from '../../src/server/app';
import { verifyChain } from '../../src/server/modules/audit/audit.service';
import { routeWaitingComplaints } from '../../src/server/modules/cases/cases.intake';
import { caseWorkerAad } from '../../src/server/modules/cases/cases.repo';
import { type TestApp, as, login } from '../support/http';
import { PASSWORD, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { codeSentTo } from '../support/cases';
import { loadProjects } from '../support/projects';
import { loadGovUnits } from '../support/warnings';

/**
 * 受理 → 分派: public complaints are stored with their case number at once and routed in batches
 * by the intake drainer: each exactly once, to the right unit, with its audit record carrying the
 * request that brought it; one that cannot be routed is set aside without holding up the rest.
 */

let platform: TestPlatform;
let app: TestApp;
let units: Awaited<ReturnType<typeof loadGovUnits>>;
let projectCode: string;
const anon = () => as(app, null);

let phones = 0;
/** A code for a fresh phone, from a phone of its own (its own address: ten code requests a minute from one at most), read from the SMS outbox as the gateway would. */
async function provenPhone(phone: string) {
  const sent = await app.inject({ method: 'POST', url: '/api/public/complaint-codes', payload: { phone }, remoteAddress: `192.0.2.${++phones}` });
  expect(sent.statusCode, sent.body).toBe(201);
  const { verificationId } = sent.json();
  return { verificationId: verificationId as string, code: await codeSentTo(platform, verificationId) };
}

const complaint = (v: { verificationId: string; code: string }, n: number, o: Record<string, unknown> = {}) => ({
  ...v,
  projectCode,
  employerName: '东城建工集团有限公司',
  name: `钟${n}工`,
  claimedFen: 100_000 * (n + 1),
  periodFrom: '2026-01-01',
  periodTo: '2026-02-28',
  description: `第${n}号投诉：工资未发`,
  ...o,
});

beforeAll(async () => {
  platform = await createTestPlatform();
  const fx = await loadFixture(platform);
  const p = await loadProjects(platform, fx);
  units = await loadGovUnits(platform);
  // No drainer in this app: the test routes the queue itself.
  app = await buildApp(platform, { complaintIntake: false });
  projectCode = (await platform.db.query<{ code: string }>(`SELECT code FROM projects WHERE id = $1`, [p.projectA])).rows[0].code;
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

describe('the intake queue', () => {
  it('numbers each complaint at once, shows it as being routed, then routes each exactly once with its own audit record', async () => {
    const proven = [];
    for (let i = 0; i < 7; i++) proven.push(await provenPhone(`1370013${String(i).padStart(4, '0')}`));
    const receipts = [];
    for (const [i, v] of proven.entries()) {
      const r = await anon().post('/api/public/complaints', complaint(v, i, i === 6 ? { projectCode: null, regionCode: TREE.townA1 } : {}));
      expect(r.statusCode, r.body).toBe(201);
      receipts.push(r.json());
    }
    expect(new Set(receipts.map((r) => r.caseNo)).size).toBe(7);
    expect(receipts.every((r) => r.routed === false && r.handlingUnitName === null)).toBe(true);
    expect((await platform.db.query(`SELECT 1 FROM cases WHERE case_no = ANY ($1)`, [receipts.map((r) => r.caseNo)])).rowCount).toBe(0);

    // Following it before it is routed: the number is there, the unit not yet.
    platform.clock.advance(61_000);
    const follow = await provenPhone('13700130000');
    const waiting = (await anon().post('/api/public/complaints/lookup', follow)).json();
    expect(waiting).toEqual([expect.objectContaining({ caseNo: receipts[0].caseNo, status: 'submitted', handlingUnitName: null })]);

    // Two drainers at once (as two server processes would): each complaint is routed by one of them.
    const auditBefore = (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.receive'`)).rows[0].n;
    const routed = await Promise.all([routeWaitingComplaints(platform, 3), routeWaitingComplaints(platform, 3)]);
    expect(routed[0] + routed[1]).toBe(6);
    expect(await routeWaitingComplaints(platform)).toBe(1);
    expect(await routeWaitingComplaints(platform)).toBe(0);

    const { rows: cases } = await platform.db.query<{ case_no: string; handling_unit_id: string; title: string; n: number; phone_enc: string }>(
      `SELECT c.case_no, c.handling_unit_id, c.title, count(w.id)::int AS n, min(w.phone_enc) AS phone_enc
         FROM cases c JOIN case_workers w ON w.case_id = c.id WHERE c.case_no = ANY ($1) GROUP BY c.id ORDER BY c.case_no`,
      [receipts.map((r) => r.caseNo)],
    );
    expect(cases).toHaveLength(7);
    expect(cases.every((c) => c.n === 1)).toBe(true);
    // The number and title the receipt gave are the case's; the project's department handles it, the place's wage office the one without a project.
    const byNo = new Map(cases.map((c) => [c.case_no, c]));
    receipts.forEach((r, i) => {
      expect(byNo.get(r.caseNo)!.title).toBe(r.title);
      expect(byNo.get(r.caseNo)!.handling_unit_id).toBe(i === 6 ? units.wageA : units.housingA);
    });
    const first = (await platform.db.query<{ id: string; phone_enc: string }>(`SELECT w.id, w.phone_enc FROM case_workers w JOIN cases c ON c.id = w.case_id WHERE c.case_no = $1`, [receipts[0].caseNo])).rows[0];
    expect(platform.cipher.decrypt(first.phone_enc, caseWorkerAad(first.id))).toBe('13700130000');

    // One audit record per case, each with the request that brought the complaint; the chain holds.
    const { rows: audits } = await platform.db.query<{ object_id: string; request_id: string | null; actor_name: string }>(
      `SELECT object_id, request_id, actor_name FROM audit_log WHERE action = 'case.receive' ORDER BY seq OFFSET $1`,
      [auditBefore],
    );
    expect(audits).toHaveLength(7);
    expect(new Set(audits.map((a) => a.object_id)).size).toBe(7);
    expect(audits.every((a) => a.actor_name === '公众扫码投诉' && a.request_id)).toBe(true);
    expect((await verifyChain(platform)).ok).toBe(true);

    // Asked again, the receipt names the unit and the acceptance deadline.
    const again = (await anon().post('/api/public/complaints', complaint(proven[0], 0))).json();
    expect(again).toMatchObject({ caseNo: receipts[0].caseNo, routed: true, handlingUnitName: '东城区住房和城乡建设局', duplicate: true });
  });

  it('sets aside a complaint that cannot be routed, keeping the error’s kind only, and routes the others', async () => {
    platform.clock.advance(61 * 60_000);
    const good = await provenPhone('13700131000');
    const bad = await provenPhone('13700131001');
    expect((await anon().post('/api/public/complaints', complaint(bad, 1))).statusCode).toBe(201);
    expect((await anon().post('/api/public/complaints', complaint(good, 2))).statusCode).toBe(201);
    // Damaged in storage: no employer named.
    await platform.db.query(`UPDATE complaint_submissions SET complaint = complaint - 'employerName' WHERE id = $1`, [bad.verificationId]);

    expect(await routeWaitingComplaints(platform)).toBe(1);
    const { rows } = await platform.db.query<{ id: string; routed_at: Date | null; attempts: number; retry_at: Date | null; last_error: string | null }>(
      `SELECT id, routed_at, attempts, retry_at, last_error FROM complaint_submissions WHERE id = ANY ($1)`,
      [[good.verificationId, bad.verificationId]],
    );
    const set = rows.find((r) => r.id === bad.verificationId)!;
    expect(rows.find((r) => r.id === good.verificationId)!.routed_at).not.toBeNull();
    expect(set).toMatchObject({ routed_at: null, attempts: 1, last_error: 'TypeError' });
    expect(set.retry_at!.getTime()).toBeGreaterThan(platform.clock.now().getTime());
    // Not tried again before its time.
    expect(await routeWaitingComplaints(platform)).toBe(0);

    // The district's wage office sees it in 待分派, with the failure's kind, and brings it forward.
    const wage = as(app, await login(app, 'wageA', PASSWORD));
    const queue = await wage.get('/api/complaint-queue?setAside=true');
    expect(queue.statusCode, queue.body).toBe(200);
    const caseNo = (await platform.db.query<{ case_no: string }>(`SELECT case_no FROM complaint_submissions WHERE id = $1`, [bad.verificationId])).rows[0].case_no;
    expect(queue.json()).toMatchObject({ total: 1, items: [{ caseNo, attempts: 1, lastError: 'TypeError', name: '钟1工', claimedFen: 200_000, workerCount: 1 }] });
    expect(queue.body).not.toContain('13700131001');
    // The enterprise has no such list; a routed complaint or an unknown number cannot be retried.
    expect((await as(app, await login(app, 'companyA', PASSWORD)).get('/api/complaint-queue')).statusCode).toBe(403);
    const goodNo = (await platform.db.query<{ case_no: string }>(`SELECT case_no FROM complaint_submissions WHERE id = $1`, [good.verificationId])).rows[0].case_no;
    expect((await wage.post(`/api/complaint-queue/${goodNo}/retry`)).statusCode).toBe(404);
    expect((await wage.post(`/api/complaint-queue/NO-SUCH/retry`)).statusCode).toBe(404);
    expect((await wage.post(`/api/complaint-queue/${caseNo}/retry`)).statusCode).toBe(204);
    const { rows: audits } = await platform.db.query<{ actor_name: string }>(`SELECT actor_name FROM audit_log WHERE action = 'case.retry_routing' AND object_id = $1`, [bad.verificationId]);
    expect(audits).toEqual([{ actor_name: 'wageA' }]);
    // Tried at once: still damaged, so set aside again, its second failure counted.
    expect(await routeWaitingComplaints(platform)).toBe(0);
    expect((await wage.get('/api/complaint-queue?setAside=true')).json().items[0]).toMatchObject({ caseNo, attempts: 2 });
  });

  it('sets none aside when the database itself fails mid-batch, and routes them once it is back', async () => {
    const proven = [await provenPhone('13700132000'), await provenPhone('13700132001')];
    for (const [i, v] of proven.entries()) expect((await anon().post('/api/public/complaints', complaint(v, 10 + i))).statusCode).toBe(201);
    // The server goes away after each transaction's first statement (the claim).
    const down = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const failing = {
      ...platform,
      db: {
        ...platform.db,
        tx: <T>(fn: (tx: Tx) => Promise<T>) =>
          platform.db.tx((tx) => {
            let n = 0;
            const query = ((...args: Parameters<Tx['query']>) => (n++ === 0 ? tx.query(...args) : Promise.reject(down))) as Tx['query'];
            return fn({ ...tx, query });
          }),
      },
    };
    await expect(routeWaitingComplaints(failing)).rejects.toBe(down);
    const ids = proven.map((v) => v.verificationId);
    const waiting = async () =>
      (await platform.db.query<{ attempts: number; routed_at: Date | null }>(`SELECT attempts, routed_at FROM complaint_submissions WHERE id = ANY ($1)`, [ids])).rows;
    expect(await waiting()).toEqual([
      { attempts: 0, routed_at: null },
      { attempts: 0, routed_at: null },
    ]);
    expect(await routeWaitingComplaints(platform)).toBe(2);
    expect((await waiting()).every((r) => r.routed_at !== null)).toBe(true);
  });
});
