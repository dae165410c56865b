import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { docxText, hotlineClue, okJson } from '../support/cases';
import { type Session, type TestApp, as, login } from '../support/http';
import { type Fixture, PASSWORD, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { noticeMissedInstallments } from '../../src/server/modules/cases/cases.documents.service';
import { escalateOverdueCases } from '../../src/server/modules/cases/cases.service';
import { ctxOf, loadGovUnits } from '../support/warnings';

/**
 * 和解协议 and 行政处理决定 over HTTP: a settlement signed in mediation with a payment plan that
 * must add up to what is still owed (computed by the server), its Word file with the installments,
 * the mediation's deadline running to the last installment, and each installment shown met or
 * missed as payments come (or do not); the handling decision's amount computed from what is still
 * unpaid, never typed, in capitals in its file; both refused outside their stages, once per case.
 */

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};
const api = (name: string) => as(app, s[name]);

async function relogin(names = ['wageA', 'housingA', 'townA2', 'companyA']) {
  for (const name of names) s[name] = await login(app, name, PASSWORD);
}
const at = async (iso: string) => {
  platform.clock.set(new Date(iso));
  await relogin();
};

const clue = (externalId: string) => hotlineClue(p.projectA, externalId);

const detail = async (id: string, by = 'wageA') => (await api(by).get(`/api/cases/${id}`)).json();
const ok = okJson;
const fieldsOf = (res: { json: () => any }) => (res.json().errors ?? []).map((e: { field: string }) => e.field);

const download = (caseId: string, documentId: string) => api('wageA').get(`/api/cases/${caseId}/documents/${documentId}/file`);

const count = async (sql: string, params: unknown[] = []) => (await platform.db.query<{ n: number }>(sql, params)).rows[0].n;
/** What a refused act must leave as it was. */
async function footprint(caseId: string) {
  return {
    documents: await count(`SELECT count(*)::int AS n FROM case_documents WHERE case_id = $1`, [caseId]),
    files: await count(`SELECT count(*)::int AS n FROM files`),
    events: await count(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [caseId]),
    audits: await count(`SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1::text`, [caseId]),
    version: (await detail(caseId)).rowVersion as number,
    stageDueOn: (await detail(caseId)).stageDueOn as string | null,
  };
}

/** A case received and accepted today (2026-03-02), then moved by `steps`. */
async function caseAt(externalId: string, steps: ('mediate' | 'file')[]) {
  const res = await api('wageA').post('/api/clues', clue(externalId));
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().caseId as string;
  let c = await detail(id);
  c = await ok(await api('wageA').post(`/api/cases/${id}/accept`, { version: c.rowVersion }));
  for (const step of steps) {
    c = await ok(await api('wageA').post(`/api/cases/${id}/${step}`, step === 'file' ? { version: c.rowVersion, inspectors: ['王监察', '陈监察'] } : { version: c.rowVersion }));
  }
  return { id, c };
}

const pay = (id: string, caseWorkerId: string, amountFen: number, paidOn: string, reference: string) =>
  api('wageA').command(`/api/cases/${id}/payments`, { caseWorkerId, amountFen, paidOn, source: 'employer', reference });

beforeAll(async () => {
  platform = await createTestPlatform();
  fx = await loadFixture(platform);
  p = await loadProjects(platform, fx);
  await loadGovUnits(platform);
  app = await buildApp(platform);
  await relogin();
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

describe('和解协议 with a payment plan', () => {
  let id: string;
  let workers: { id: string; name: string }[];
  const plan = [
    { dueOn: '2026-03-10', amountFen: 500_000 },
    { dueOn: '2026-04-10', amountFen: 700_000 },
  ];

  it('is refused outside mediation and changes nothing', async () => {
    const { id: accepted, c } = await caseAt('settle-stage-1', []);
    const before = await footprint(accepted);
    const res = await api('wageA').post(`/api/cases/${accepted}/settlement`, { version: c.rowVersion, docNo: '东人社调〔2026〕9号', signedOn: '2026-03-02', installments: [{ dueOn: '2026-03-10', amountFen: 1_400_000 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('调解中签订');
    expect(await footprint(accepted)).toEqual(before);
  });

  it('in mediation, the case page shows what a plan must add up to: still owed to the workers not yet paid', async () => {
    const m = await caseAt('settle-1', ['mediate']);
    id = m.id;
    workers = m.c.workers;
    expect(m.c.status).toBe('mediating');
    // The mediation's own limit: 7 working days from receipt (CASE-06).
    expect(m.c.stageDueOn).toBe('2026-03-11');
    // 张三 was paid ¥2,000 before the agreement: ¥6,000 + ¥6,000 remain.
    const c = await ok(await pay(id, workers[0].id, 200_000, '2026-03-02', '东城建工-0302'));
    expect(c.facts.documents.settlement).toMatchObject({ open: true, mayRecord: true, owedFen: 1_200_000, maxInstallments: 12, agreement: null });
    expect(c.facts.documents.settlement.lines).toEqual([
      { caseWorkerId: workers[0].id, name: '张三', unpaidFen: 600_000 },
      { caseWorkerId: workers[1].id, name: '李四', unpaidFen: 600_000 },
    ]);
  });

  it('a plan whose sum is wrong is refused with the figure it should be, and changes nothing', async () => {
    const c = await detail(id);
    const before = await footprint(id);
    const wrong = await api('wageA').post(`/api/cases/${id}/settlement`, { version: c.rowVersion, docNo: '东人社调〔2026〕1号', signedOn: '2026-03-02', installments: [plan[0], { ...plan[1], amountFen: 600_000 }] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([{ field: 'installments', message: { zh: '分期金额合计 11000.00 元，应等于尚欠工资 12000.00 元', en: expect.any(String) } }]);
    // Out of order, before the signing, signed in the future: each on its field.
    const unordered = await api('wageA').post(`/api/cases/${id}/settlement`, { version: c.rowVersion, docNo: '东人社调〔2026〕1号', signedOn: '2026-03-02', installments: [plan[1], plan[0]] });
    expect(fieldsOf(unordered)).toEqual(['installments/1/dueOn']);
    const early = await api('wageA').post(`/api/cases/${id}/settlement`, { version: c.rowVersion, docNo: '东人社调〔2026〕1号', signedOn: '2026-03-02', installments: [{ dueOn: '2026-03-01', amountFen: 1_200_000 }] });
    expect(fieldsOf(early)).toEqual(['installments/0/dueOn']);
    const future = await api('wageA').post(`/api/cases/${id}/settlement`, { version: c.rowVersion, docNo: '东人社调〔2026〕1号', signedOn: '2026-03-03', installments: [{ dueOn: '2026-03-10', amountFen: 1_200_000 }] });
    expect(fieldsOf(future)).toEqual(['signedOn']);
    // More than 12 installments is refused at the edge.
    const many = Array.from({ length: 13 }, (_, i) => ({ dueOn: `2026-04-${String(i + 1).padStart(2, '0')}`, amountFen: 1 }));
    expect((await api('wageA').post(`/api/cases/${id}/settlement`, { version: c.rowVersion, docNo: '东人社调〔2026〕1号', signedOn: '2026-03-02', installments: many })).statusCode).toBe(400);
    // A stale version is a conflict.
    expect((await api('wageA').post(`/api/cases/${id}/settlement`, { version: c.rowVersion - 1, docNo: '东人社调〔2026〕1号', signedOn: '2026-03-02', installments: plan })).statusCode).toBe(409);
    expect((await api('companyA').post(`/api/cases/${id}/settlement`, { version: c.rowVersion, docNo: '东人社调〔2026〕1号', signedOn: '2026-03-02', installments: plan })).statusCode).toBe(403);
    expect(await footprint(id)).toEqual(before);
  });

  it('a good plan records the 和解协议 with its file (the installments in it), the event and the audit; the mediation runs to the last installment', async () => {
    let c = await detail(id);
    c = await ok(await api('wageA').post(`/api/cases/${id}/settlement`, { version: c.rowVersion, docNo: '东人社调〔2026〕1号', signedOn: '2026-03-02', installments: plan, note: '双方当场签字' }));
    expect(c.status).toBe('mediating');
    expect(c.stageDueOn).toBe('2026-04-10');
    const doc = c.documents.find((d: { kind: string }) => d.kind === 'settlement_agreement');
    expect(doc).toMatchObject({ docNo: '东人社调〔2026〕1号', issuedOn: '2026-03-02', dueOn: '2026-04-10', amountFen: 1_200_000, hasFile: true });
    const data = (await platform.db.query<{ data: { installments: { dueOn: string; amountFen: number }[] } }>(`SELECT data FROM case_documents WHERE id = $1`, [doc.id])).rows[0].data;
    expect(data.installments).toEqual(plan);
    expect(c.events.at(-1)).toMatchObject({ kind: 'settlement', kindLabel: { zh: '签订和解协议' }, data: { docNo: '东人社调〔2026〕1号', amountFen: 1_200_000, installments: plan } });
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.settlement' AND object_id = $1::text`, [id])).toBe(1);

    const res = await download(id, doc.id);
    expect(res.statusCode, res.body).toBe(200);
    const { text, xml } = docxText(res.rawPayload);
    expect(text).toContain('和解协议');
    expect(text).toContain('东人社调〔2026〕1号');
    expect(text).toContain('甲方确认尚欠乙方工资共计人民币12,000.00元（大写：人民币壹万贰仟元整）');
    expect(text).toContain('分期支付');
    expect(text).toContain('2026年3月10日前支付人民币5,000.00元（大写：人民币伍仟元整）');
    expect(text).toContain('2026年4月10日前支付人民币7,000.00元（大写：人民币柒仟元整）');
    expect(text).toContain('张三');
    expect(text).toContain('李四');
    expect(xml).not.toContain('13800138001');
    expect(xml).not.toContain('13900139002');

    expect(c.facts.documents.settlement).toMatchObject({
      open: false,
      agreement: { docNo: '东人社调〔2026〕1号', signedOn: '2026-03-02', amountFen: 1_200_000, paidFen: 0 },
    });
    expect(c.facts.documents.settlement.agreement.installments.map((i: { state: string }) => i.state)).toEqual(['pending', 'pending']);

    // A deadline left open (the holiday calendar did not cover it) is filled in by the daily job with the plan in mind.
    await platform.db.query(`UPDATE cases SET stage_due_on = NULL WHERE id = $1`, [id]);
    await escalateOverdueCases(ctxOf(platform));
    expect((await detail(id)).stageDueOn).toBe('2026-04-10');
  });

  it('one agreement per case', async () => {
    const c = await detail(id);
    const before = await footprint(id);
    const again = await api('wageA').post(`/api/cases/${id}/settlement`, { version: c.rowVersion, docNo: '东人社调〔2026〕2号', signedOn: '2026-03-02', installments: [{ dueOn: '2026-03-10', amountFen: 1_200_000 }] });
    expect(again.statusCode).toBe(422);
    expect(again.json().detail).toContain('东人社调〔2026〕1号');
    expect(await footprint(id)).toEqual(before);
  });

  it('payments fulfil it: the first installment met in time; the second missed once its day passes unpaid', async () => {
    // 李四 ¥5,000 on 3-09: the ¥5,000 due by 3-10 is paid.
    await at('2026-03-09T08:00:00Z');
    let c = await ok(await pay(id, workers[1].id, 500_000, '2026-03-09', '东城建工-0309'));
    const states = (x: Record<string, any>) => x.facts.documents.settlement.agreement.installments.map((i: { state: string }) => i.state);
    expect(states(c)).toEqual(['paid', 'pending']);
    expect(c.facts.documents.settlement.agreement.installments[0]).toMatchObject({ dueOn: '2026-03-10', cumulativeFen: 500_000, paidByDueFen: 500_000 });
    expect(c.facts.documents.settlement.agreement.paidFen).toBe(500_000);

    // The day of the second installment is still in time.
    await at('2026-04-10T08:00:00Z');
    c = await detail(id);
    expect(states(c)).toEqual(['paid', 'pending']);
    expect(c.overdue).toBe(false);

    await at('2026-04-11T02:00:00Z');
    c = await detail(id);
    expect(states(c)).toEqual(['paid', 'missed']);
    expect(c.facts.documents.settlement.agreement.installments[1]).toMatchObject({ cumulativeFen: 1_200_000, paidByDueFen: 500_000, state: 'missed' });
    // The mediation ran to the last installment: now it is overdue.
    expect(c.overdue).toBe(true);

    // The morning job reports the missed installment once: an event on the case, a notice to the
    // handling unit and to the employer; the installment paid in time is not reported.
    const missed = await noticeMissedInstallments(ctxOf(platform));
    expect(missed).toEqual([{ caseId: id, installment: 2, dueOn: '2026-04-10' }]);
    expect(await noticeMissedInstallments(ctxOf(platform))).toEqual([]);
    c = await detail(id);
    expect(c.events.filter((e: { kind: string }) => e.kind === 'installment_missed')).toEqual([
      expect.objectContaining({ kindLabel: { zh: '和解协议分期未按期履行', en: 'Settlement installment missed' }, data: expect.objectContaining({ docNo: '东人社调〔2026〕1号', installment: 2, dueOn: '2026-04-10', amountFen: 700_000, cumulativeFen: 1_200_000, paidByDueFen: 500_000 }) }),
    ]);
    const noticesOf = async (name: string) =>
      ((await api(name).get('/api/notifications')).json().items as { kind: string; titleZh: string; link: string }[]).filter((n) => n.kind.startsWith('case.installment_missed.'));
    expect(c.handlingUnitName).toBe('东城区住房和城乡建设局');
    for (const name of ['housingA', 'companyA']) {
      const notices = await noticesOf(name);
      expect(notices, name).toHaveLength(1);
      expect(notices[0]).toMatchObject({ kind: 'case.installment_missed.2026-04-10', link: `/cases/${id}`, titleZh: expect.stringContaining('第2期（2026-04-10）') });
    }
    expect(await noticesOf('townA2')).toEqual([]);

    // Paid up late: the installment reads late, and the case may be handled.
    await ok(await pay(id, workers[0].id, 600_000, '2026-04-11', '东城建工-0411'));
    c = await ok(await pay(id, workers[1].id, 100_000, '2026-04-11', '东城建工-0411b'));
    expect(states(c)).toEqual(['paid', 'late']);
    expect(c.facts.closable.closable).toBe(true);
    await at('2026-03-02T02:00:00Z');
  });
});

describe('行政处理决定', () => {
  it('is refused outside investigating and enforcing (here: mediating, accepted) and changes nothing', async () => {
    for (const steps of [['mediate'], []] as ('mediate' | 'file')[][]) {
      const { id, c } = await caseAt(`handling-stage-${steps.length}`, steps);
      const before = await footprint(id);
      const res = await api('wageA').post(`/api/cases/${id}/handling-decision`, { version: c.rowVersion, docNo: `东人社处〔2026〕9${steps.length}号`, issuedOn: '2026-03-02', dueOn: '2026-03-16' });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().detail).toContain('不能作出行政处理决定');
      expect(await footprint(id)).toEqual(before);
    }
  });

  it('the amount is what is still owed to the open workers, computed; its file states it in capitals; the case stays in its stage; once per case', async () => {
    const { id, c: filed } = await caseAt('handling-1', ['file']);
    const workers = filed.workers as { id: string }[];
    // 张三 ¥2,000 paid: ¥12,000 remain.
    let c = await ok(await pay(id, workers[0].id, 200_000, '2026-03-02', '东城建工-0302'));
    expect(c.facts.documents.handlingDecision).toMatchObject({ open: true, mayDecide: true, amountFen: 1_200_000, decision: null });

    const before = await footprint(id);
    const body = { version: c.rowVersion, docNo: '东人社处〔2026〕1号', issuedOn: '2026-03-02', dueOn: '2026-03-16' };
    expect(fieldsOf(await api('wageA').post(`/api/cases/${id}/handling-decision`, { ...body, dueOn: '2026-03-02' }))).toEqual(['dueOn']);
    expect(fieldsOf(await api('wageA').post(`/api/cases/${id}/handling-decision`, { ...body, issuedOn: '2026-03-03', dueOn: '2026-03-16' }))).toEqual(['issuedOn']);
    // The amount is never typed.
    expect((await api('wageA').post(`/api/cases/${id}/handling-decision`, { ...body, amountFen: 1 })).statusCode).toBe(400);
    // Labour inspection decides, as for an order: the housing department may handle the case, not decide.
    expect((await api('housingA').post(`/api/cases/${id}/handling-decision`, body)).statusCode).toBe(403);
    expect(await footprint(id)).toEqual(before);

    c = await ok(await api('wageA').post(`/api/cases/${id}/handling-decision`, { ...body, note: '已听取陈述申辩' }));
    expect(c.status).toBe('investigating');
    const doc = c.documents.find((d: { kind: string }) => d.kind === 'handling_decision');
    expect(doc).toMatchObject({ docNo: '东人社处〔2026〕1号', issuedOn: '2026-03-02', dueOn: '2026-03-16', amountFen: 1_200_000, hasFile: true });
    expect(c.events.at(-1)).toMatchObject({ kind: 'handling_decision', kindLabel: { zh: '作出行政处理决定' }, data: { amountFen: 1_200_000, dueOn: '2026-03-16' } });
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.handling_decision' AND object_id = $1::text`, [id])).toBe(1);
    expect(c.facts.documents.handlingDecision).toMatchObject({ open: false, decision: { docNo: '东人社处〔2026〕1号', amountFen: 1_200_000 } });

    const { text, xml } = docxText((await download(id, doc.id)).rawPayload);
    expect(text).toContain('劳动保障监察行政处理决定书');
    expect(text).toContain('东人社处〔2026〕1号');
    expect(text).toContain('于2026年3月16日前向下列农民工支付所拖欠的工资共计人民币12,000.00元（大写：人民币壹万贰仟元整）');
    expect(text).toContain('六十日内依法申请行政复议');
    expect(xml).not.toContain('13800138001');

    const again = await api('wageA').post(`/api/cases/${id}/handling-decision`, { ...body, version: c.rowVersion, docNo: '东人社处〔2026〕2号' });
    expect(again.statusCode).toBe(422);
    expect(again.json().detail).toContain('东人社处〔2026〕1号');
  });

  it('after an order ran out unmet (enforcing) it may be issued too', async () => {
    const { id, c: filed } = await caseAt('handling-2', ['file']);
    let c = await ok(await api('wageA').post(`/api/cases/${id}/order`, { version: filed.rowVersion, docNo: '东人社监令〔2026〕31号', dueOn: '2026-03-09', amountFen: 1_400_000 }));
    expect(c.facts.documents.handlingDecision.open).toBe(false);
    await at('2026-03-11T02:00:00Z');
    c = await ok(await api('wageA').post(`/api/cases/${id}/enforce`, { version: c.rowVersion }));
    c = await ok(await api('wageA').post(`/api/cases/${id}/handling-decision`, { version: c.rowVersion, docNo: '东人社处〔2026〕3号', issuedOn: '2026-03-11', dueOn: '2026-03-25' }));
    expect(c.status).toBe('enforcing');
    expect(c.documents.find((d: { kind: string }) => d.kind === 'handling_decision')).toMatchObject({ amountFen: 1_400_000 });
    await at('2026-03-02T02:00:00Z');
  });
});
