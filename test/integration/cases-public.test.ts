import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type TestApp, as, login } from '../support/http';
import { PASSWORD, TREE, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { codeSentTo } from '../support/cases';
import { loadProjects } from '../support/projects';
import { loadGovUnits } from '../support/warnings';

/**
 * 扫码投诉 without an account: the phone is proven by a code sent to it; the complaint is received,
 * routed to the responsible unit, and lands in its queue; a double submission is one complaint;
 * wrong, spent and expired codes, and too many codes, are refused.
 */

let platform: TestPlatform;
let app: TestApp;
let p: Awaited<ReturnType<typeof loadProjects>>;
let units: Awaited<ReturnType<typeof loadGovUnits>>;
let projectCode: string;
const anon = () => as(app, null);

const complaint = (verificationId: string, code: string, o: Record<string, unknown> = {}) => ({
  verificationId,
  code,
  projectCode,
  employerName: '东城建工集团有限公司',
  name: '黄小工',
  claimedFen: 450_000,
  coWorkers: [{ name: '黄大工', claimedFen: 450_000 }],
  periodFrom: '2026-01-01',
  periodTo: '2026-02-28',
  description: '扫码投诉：一月、二月工资未发',
  ...o,
});

beforeAll(async () => {
  platform = await createTestPlatform();
  const fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  units = await loadGovUnits(platform);
  app = await buildApp(platform);
  projectCode = (await platform.db.query<{ code: string }>(`SELECT code FROM projects WHERE id = $1`, [p.projectA])).rows[0].code;
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

describe('a complaint from the QR board', () => {
  it('is received once the phone is proven, and lands in the responsible unit’s queue', async () => {
    const sent = await anon().post('/api/public/complaint-codes', { phone: '13600136000' });
    expect(sent.statusCode, sent.body).toBe(201);
    const { verificationId, demoCode } = sent.json();
    expect(demoCode).toBeUndefined();
    const stored = (await platform.db.query<{ code_mac: string; phone_enc: string }>(`SELECT code_mac, phone_enc FROM phone_verifications WHERE id = $1`, [verificationId])).rows[0];
    const code = await codeSentTo(platform, verificationId);
    expect(stored.code_mac).not.toContain(code);
    expect(stored.phone_enc).not.toContain('13600136000');

    const wrong = await anon().post('/api/public/complaints', complaint(verificationId, code === '000000' ? '111111' : '000000'));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('code');

    const ok = await anon().post('/api/public/complaints', complaint(verificationId, code));
    expect(ok.statusCode, ok.body).toBe(201);
    // 受理: numbered and titled at once; the unit follows when the drainer has routed it.
    const receipt = ok.json();
    expect(receipt).toMatchObject({ title: '东城第一中学改扩建工程拖欠黄小工等2名农民工工资案', routed: false, handlingUnitName: null, duplicate: false });
    await app.complaintIntake!.idle();
    // A double tap (or the page asking for the unit): the same complaint, not a second one, now routed.
    const again = await anon().post('/api/public/complaints', complaint(verificationId, code));
    expect(again.json()).toMatchObject({ caseNo: receipt.caseNo, title: receipt.title, routed: true, handlingUnitName: '东城区住房和城乡建设局', duplicate: true });
    expect(again.json().acceptBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const housing = await login(app, 'housingA', PASSWORD);
    const queue = (await as(app, housing).get('/api/cases?status=received&pageSize=100')).json();
    const item = queue.items.find((i: { caseNo: string }) => i.caseNo === receipt.caseNo);
    expect(item).toMatchObject({ workerCount: 2, claimedFen: 900_000 });
    const c = (await as(app, housing).get(`/api/cases/${item.id}`)).json();
    expect(c).toMatchObject({ handlingUnitId: units.housingA, projectId: p.projectA });
    expect(c.clues[0]).toMatchObject({ channel: 'public_qr', complainantName: '黄小工', complainantPhone: '136****6000' });
    expect(c.actions).toContain('accept');

    // Following it later: a new code to the same phone shows the complaint's stage and unit, and nothing else.
    platform.clock.advance(61_000);
    const follow = (await anon().post('/api/public/complaint-codes', { phone: '13600136000' })).json();
    const followCode = await codeSentTo(platform, follow.verificationId);
    const mine = await anon().post('/api/public/complaints/lookup', { verificationId: follow.verificationId, code: followCode });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toEqual([expect.objectContaining({ caseNo: receipt.caseNo, status: 'received', statusLabel: { zh: '已接收待受理', en: 'Received, awaiting acceptance' }, handlingUnitName: '东城区住房和城乡建设局' })]);
    expect(mine.body).not.toContain('13600136000');
    // The code is spent by the look.
    const spent = await anon().post('/api/public/complaints/lookup', { verificationId: follow.verificationId, code: followCode });
    expect(spent.statusCode).toBe(422);
    expect(spent.json().detail).toContain('已使用');
  });

  it('refuses a spent, expired or over-tried code, and too many codes for one phone', async () => {
    const { verificationId } = (await anon().post('/api/public/complaint-codes', { phone: '13600136001' })).json();
    const code = await codeSentTo(platform, verificationId);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await anon().post('/api/public/complaints', complaint(verificationId, wrong))).statusCode).toBe(422);
    // Five wrong tries spend the code, even for the right one.
    const locked = await anon().post('/api/public/complaints', complaint(verificationId, code));
    expect(locked.statusCode).toBe(422);
    expect(locked.json().detail).toContain('次数过多');
    // A second code for the same phone within a minute is refused.
    expect((await anon().post('/api/public/complaint-codes', { phone: '13600136001' })).statusCode).toBe(429);
    platform.clock.advance(11 * 60_000);
    const fresh = (await anon().post('/api/public/complaint-codes', { phone: '13600136001' })).json();
    // Valid five minutes (SECURITY.md 6).
    expect(new Date(fresh.expiresAt).getTime() - platform.clock.now().getTime()).toBe(5 * 60_000);
    platform.clock.advance(5 * 60_000 + 1000);
    const expired = await anon().post('/api/public/complaints', complaint(fresh.verificationId, await codeSentTo(platform, fresh.verificationId)));
    expect(expired.statusCode).toBe(422);
    expect(expired.json().detail).toContain('过期');
  });

  it('counts guesses sent all at once one by one: no more than five are ever tried', async () => {
    platform.clock.advance(61 * 60_000);
    const { verificationId } = (await anon().post('/api/public/complaint-codes', { phone: '13600136002' })).json();
    const code = await codeSentTo(platform, verificationId);
    const guesses = Array.from({ length: 12 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(guesses.map((g) => anon().post('/api/public/complaints', complaint(verificationId, g))));
    expect(answers.map((a) => a.statusCode).every((s) => s === 422)).toBe(true);
    expect(answers.filter((a) => a.json().errors?.[0]?.field === 'code')).toHaveLength(5);
    const { rows } = await platform.db.query<{ attempts: number; used_at: Date | null }>(`SELECT attempts, used_at FROM phone_verifications WHERE id = $1`, [verificationId]);
    expect(rows[0]).toEqual({ attempts: 5, used_at: null });
    expect((await anon().post('/api/public/complaints', complaint(verificationId, code))).json().detail).toContain('次数过多');
  });

  it('refuses an unknown project code and a complaint without a place; bad input changes nothing', async () => {
    platform.clock.advance(2 * 60_000);
    const { verificationId } = (await anon().post('/api/public/complaint-codes', { phone: '13600136002' })).json();
    const code = await codeSentTo(platform, verificationId);
    const before = (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM clues`)).rows[0].n;
    expect((await anon().post('/api/public/complaints', complaint(verificationId, code, { projectCode: 'NO-SUCH' }))).statusCode).toBe(422);
    expect((await anon().post('/api/public/complaints', complaint(verificationId, code, { projectCode: null }))).statusCode).toBe(422);
    expect((await anon().post('/api/public/complaints', complaint(verificationId, code, { claimedFen: 0 }))).statusCode).toBe(400);
    expect((await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM clues`)).rows[0].n).toBe(before);
    const ok = await anon().post('/api/public/complaints', complaint(verificationId, code, { projectCode: null, regionCode: TREE.townA1 }));
    expect(ok.statusCode, ok.body).toBe(201);
    await app.complaintIntake!.idle();
    expect((await anon().post('/api/public/complaints', complaint(verificationId, code, { projectCode: null, regionCode: TREE.townA1 }))).json().handlingUnitName).toBe('东城区根治欠薪办');
  });
});
