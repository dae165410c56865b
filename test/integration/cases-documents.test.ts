import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { docxText, hotlineClue, okJson } from '../support/cases';
import { type Session, type TestApp, as, login } from '../support/http';
import { type Fixture, PASSWORD, loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';
import { loadProjects } from '../support/projects';
import { loadGovUnits } from '../support/warnings';

/**
 * 文书 over HTTP: recording an order makes its Word file (the number, the employer, the workers and
 * the amount in capitals inside document.xml), downloads are scoped and audited, a file is made
 * again on demand; 行政处罚 (PEN-01…06) only within the article's range and after the correction
 * deadline; 加付赔偿金 (PEN-05) computed from what was still unpaid at the deadline.
 */

let platform: TestPlatform;
let app: TestApp;
let fx: Fixture;
let p: Awaited<ReturnType<typeof loadProjects>>;
const s: Record<string, Session> = {};
const api = (name: string) => as(app, s[name]);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function relogin(names = ['wageA', 'housingA', 'transportA', 'townA1', 'townA2', 'leaderA', 'companyA']) {
  for (const name of names) s[name] = await login(app, name, PASSWORD);
}
const at = async (iso: string) => {
  platform.clock.set(new Date(iso));
  await relogin();
};

const clue = (externalId: string) => hotlineClue(p.projectA, externalId);

const detail = async (id: string, by = 'wageA') => (await api(by).get(`/api/cases/${id}`)).json();
const ok = okJson;


async function download(caseId: string, documentId: string, by = 'wageA') {
  const res = await api(by).get(`/api/cases/${caseId}/documents/${documentId}/file`);
  return res;
}

const count = async (sql: string, params: unknown[] = []) => (await platform.db.query<{ n: number }>(sql, params)).rows[0].n;
/** What a refused decision must leave as it was: documents, files, events, audit entries, the version. */
async function footprint(caseId: string) {
  return {
    documents: await count(`SELECT count(*)::int AS n FROM case_documents WHERE case_id = $1`, [caseId]),
    files: await count(`SELECT count(*)::int AS n FROM files`),
    events: await count(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [caseId]),
    audits: await count(`SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1::text`, [caseId]),
    version: (await detail(caseId)).rowVersion as number,
  };
}

/** A case taken to an order to pay by 2026-03-09 (today is 2026-03-02). */
async function orderedCase(externalId: string, docNo: string) {
  const res = await api('wageA').post('/api/clues', clue(externalId));
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().caseId as string;
  let c = await detail(id);
  c = await ok(await api('wageA').post(`/api/cases/${id}/accept`, { version: c.rowVersion }));
  c = await ok(await api('wageA').post(`/api/cases/${id}/file`, { version: c.rowVersion, inspectors: ['王监察', '陈监察'] }));
  c = await ok(await api('wageA').post(`/api/cases/${id}/order`, { version: c.rowVersion, docNo, dueOn: '2026-03-09', amountFen: 1_400_000 }));
  return { id, c };
}

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

describe('the order to correct as a Word document', () => {
  it('recording an order makes its .docx: the number, the employer, the workers by name and the amount in capitals; no phone', async () => {
    const docNo = '东人社监令〔2026〕1号';
    const { id, c } = await orderedCase('doc-order-1', docNo);
    const order = c.documents.find((d: { kind: string }) => d.kind === 'order_to_correct');
    expect(order).toMatchObject({ docNo, dueOn: '2026-03-09', amountFen: 1_400_000, hasFile: true });

    const res = await download(id, order.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${docNo}.docx`)}`);
    expect(res.headers['cache-control']).toBe('no-store');
    const { text, xml } = docxText(res.rawPayload);
    expect(text).toContain(docNo);
    expect(text).toContain('劳动保障监察责令改正指令书');
    expect(text).toContain('东城建工集团有限公司');
    expect(text).toContain('张三');
    expect(text).toContain('李四');
    expect(text).toContain('人民币壹万肆仟元整');
    expect(text).toContain('2026年3月9日前');
    expect(text).toContain('《劳动保障监察条例》第二十六条');
    expect(text).toContain('六十日内依法申请行政复议');
    expect(text).toContain('六个月内依法向人民法院提起行政诉讼');
    expect(text).toContain('（印章）');
    // The issuing authority: the handling unit.
    expect(c.handlingUnitName).toBeTruthy();
    expect(text.startsWith(c.handlingUnitName)).toBe(true);
    expect(xml).not.toContain('13800138001');
    expect(xml).not.toContain('13900139002');

    const file = (await platform.db.query<{ mime: string; name: string }>(`SELECT f.mime, f.name FROM files f JOIN case_documents d ON d.file_id = f.id WHERE d.id = $1`, [order.id])).rows[0];
    expect(file).toEqual({ mime: DOCX, name: `${docNo}.docx` });
    // Reading the file is on the record.
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.document_read' AND object_id = $1::text`, [id])).toBe(1);
  });

  it('a refusal and a referral make their notices too, addressed to the complainant', async () => {
    const refused = (await api('wageA').post('/api/clues', clue('doc-refuse-1'))).json().caseId as string;
    let c = await detail(refused);
    c = await ok(await api('wageA').post(`/api/cases/${refused}/refuse`, { version: c.rowVersion, reason: 'limitation', docNo: '东人社不受〔2026〕1号' }));
    const notice = c.documents.find((d: { kind: string }) => d.kind === 'not_accepted_notice');
    expect(notice.hasFile).toBe(true);
    const { text } = docxText((await download(refused, notice.id)).rawPayload);
    expect(text).toContain('不予受理通知书');
    expect(text).toContain('张三：');
    expect(text).toContain('《劳动保障监察条例》第二十条');

    const referred = (await api('wageA').post('/api/clues', clue('doc-refer-1'))).json().caseId as string;
    c = await detail(referred);
    c = await ok(await api('wageA').post(`/api/cases/${referred}/refer`, { version: c.rowVersion, to: 'arbitration', legalAid: true, docNo: '东人社引〔2026〕1号' }));
    const referral = c.documents.find((d: { kind: string }) => d.kind === 'referral_notice');
    const r = docxText((await download(referred, referral.id)).rawPayload).text;
    expect(r).toContain('劳动人事争议仲裁委员会申请仲裁');
    expect(r).toContain('12348');
  });

  it('downloads are scoped as the case: another region or industry gets 404, a company 403', async () => {
    const { id, c } = await orderedCase('doc-scope-1', '东人社监令〔2026〕2号');
    const doc = c.documents[0];
    expect((await download(id, doc.id, 'townA1')).statusCode).toBe(200);
    expect((await download(id, doc.id, 'townA2')).statusCode).toBe(404);
    expect((await download(id, doc.id, 'transportA')).statusCode).toBe(404);
    expect((await download(id, doc.id, 'companyA')).statusCode).toBe(403);
    expect((await api('townA2').post(`/api/cases/${id}/documents/${doc.id}/render`)).statusCode).toBe(404);
    // A document id under another case is not found, even where the caller sees both.
    const other = (await orderedCase('doc-scope-2', '东人社监令〔2026〕3号')).id;
    expect((await download(other, doc.id)).statusCode).toBe(404);
  });

  it('a document without a file is made on demand (生成文书), from the case as it stands; then it downloads', async () => {
    const { id, c } = await orderedCase('doc-render-1', '东人社监令〔2026〕4号');
    const doc = c.documents[0];
    // As documents recorded before files were made: no file, no facts kept.
    await platform.db.query(`UPDATE case_documents SET file_id = NULL, data = data - 'facts' WHERE id = $1`, [doc.id]);
    expect((await detail(id)).documents[0].hasFile).toBe(false);
    expect((await download(id, doc.id)).statusCode).toBe(404);
    expect((await api('leaderA').post(`/api/cases/${id}/documents/${doc.id}/render`)).statusCode).toBe(403);
    const after = await ok(await api('wageA').post(`/api/cases/${id}/documents/${doc.id}/render`));
    expect(after.documents[0].hasFile).toBe(true);
    expect(after.events.at(-1)).toMatchObject({ kind: 'document_rendered', kindLabel: { zh: '生成文书' } });
    const { text } = docxText((await download(id, doc.id)).rawPayload);
    expect(text).toContain('东人社监令〔2026〕4号');
    expect(text).toContain('人民币壹万肆仟元整');
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.document_render' AND object_id = $1::text`, [id])).toBe(1);
  });
});

describe('行政处罚 and 加付赔偿金', () => {
  let id: string;
  let workers: { id: string; name: string }[];

  it('before the correction deadline neither a penalty nor compensation is decided, and nothing changes', async () => {
    const ordered = await orderedCase('doc-penalty-1', '东人社监令〔2026〕10号');
    id = ordered.id;
    workers = ordered.c.workers;
    // Paid in time, in part: 张三 ¥2,000 on the day of the order.
    await ok(await api('wageA').command(`/api/cases/${id}/payments`, { caseWorkerId: workers[0].id, amountFen: 200_000, paidOn: '2026-03-02', source: 'employer', reference: '东城建工-0302' }));
    const before = await footprint(id);
    const c = await detail(id);
    expect(c.facts.documents.decisions.penalty['PEN-01']).toMatchObject({ open: false, unit: { minFen: 2_000_000, maxFen: 5_000_000 }, individual: { minFen: 1_000_000, maxFen: 3_000_000 } });
    expect(c.facts.documents.decisions.mayDecide).toBe(true);
    const early = await api('wageA').post(`/api/cases/${id}/penalty`, {
      version: c.rowVersion, ruleId: 'PEN-01', party: 'unit', violation: '未向农民工提供工资清单', amountFen: 3_000_000, docNo: '东人社罚〔2026〕1号', issuedOn: '2026-03-02',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain('尚未届满');
    const comp = await api('wageA').post(`/api/cases/${id}/compensation`, { version: c.rowVersion, rate: 0.5, docNo: '东人社赔〔2026〕1号', issuedOn: '2026-03-02', dueOn: '2026-03-20' });
    expect(comp.statusCode).toBe(422);
    expect(comp.json().detail).toContain('尚未届满');
    expect(await footprint(id)).toEqual(before);
  });

  it('after the deadline, a case not yet recorded as unmet is told to record it first', async () => {
    await at('2026-03-11T02:00:00Z');
    const c = await detail(id);
    const res = await api('wageA').post(`/api/cases/${id}/penalty`, {
      version: c.rowVersion, ruleId: 'PEN-01', party: 'unit', violation: '未向农民工提供工资清单', amountFen: 3_000_000, docNo: '东人社罚〔2026〕1号', issuedOn: '2026-03-11',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('逾期未改正');
    await ok(await api('wageA').post(`/api/cases/${id}/enforce`, { version: c.rowVersion }));
  });

  it('PEN-01: a fine outside ¥20,000–50,000 is refused on its field and changes nothing', async () => {
    const c = await detail(id);
    const before = await footprint(id);
    const body = { version: c.rowVersion, ruleId: 'PEN-01', party: 'unit', violation: '未向农民工提供工资清单', docNo: '东人社罚〔2026〕1号', issuedOn: '2026-03-11' };
    for (const amountFen of [1_999_999, 5_000_001]) {
      const res = await api('wageA').post(`/api/cases/${id}/penalty`, { ...body, amountFen });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['amountFen']);
    }
    // PEN-02 fines the unit only.
    const person = await api('wageA').post(`/api/cases/${id}/penalty`, { ...body, ruleId: 'PEN-02', party: 'individual', personName: '王建国', personRole: '法定代表人', amountFen: 5_000_000 });
    expect(person.json().errors.map((e: { field: string }) => e.field)).toContain('party');
    // Only labour inspection decides: the housing department may handle the case, not fine.
    expect((await api('housingA').post(`/api/cases/${id}/penalty`, { ...body, amountFen: 3_000_000 })).statusCode).toBe(403);
    expect(await footprint(id)).toEqual(before);
  });

  it('PEN-01 within range: a 行政处罚决定书 with its file, the event and the audit entry; the same party is not fined twice', async () => {
    let c = await detail(id);
    expect(c.facts.documents.decisions.penalty['PEN-01'].open).toBe(true);
    c = await ok(
      await api('wageA').post(`/api/cases/${id}/penalty`, {
        version: c.rowVersion, ruleId: 'PEN-01', party: 'unit', violation: '未按规定向农民工提供工资清单', amountFen: 3_000_000, docNo: '东人社罚〔2026〕1号', issuedOn: '2026-03-11',
      }),
    );
    expect(c.status).toBe('enforcing');
    const penalty = c.documents.find((d: { kind: string }) => d.kind === 'penalty_decision');
    expect(penalty).toMatchObject({ docNo: '东人社罚〔2026〕1号', amountFen: 3_000_000, hasFile: true });
    expect(c.events.at(-1)).toMatchObject({ kind: 'penalty', kindLabel: { zh: '作出行政处罚决定' }, data: { ruleId: 'PEN-01', amountFen: 3_000_000 } });
    const { text } = docxText((await download(id, penalty.id)).rawPayload);
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('《保障农民工工资支付条例》第五十四条');
    expect(text).toContain('人民币叁万元整');
    expect(text).toContain('东人社监令〔2026〕10号');
    expect(text).toContain('十五日内');
    expect(text).toContain('六十日内依法申请行政复议');
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.penalty' AND object_id = $1::text`, [id])).toBe(1);

    const again = await api('wageA').post(`/api/cases/${id}/penalty`, {
      version: c.rowVersion, ruleId: 'PEN-01', party: 'unit', violation: '未按规定向农民工提供工资清单', amountFen: 2_500_000, docNo: '东人社罚〔2026〕2号', issuedOn: '2026-03-11',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().detail).toContain('不得重复罚款');
    // The legal representative under PEN-01 is a party of its own.
    c = await ok(
      await api('wageA').post(`/api/cases/${id}/penalty`, {
        version: c.rowVersion, ruleId: 'PEN-01', party: 'individual', personName: '王建国', personRole: '法定代表人', violation: '未按规定向农民工提供工资清单', amountFen: 1_000_000, docNo: '东人社罚〔2026〕3号', issuedOn: '2026-03-11',
      }),
    );
    const individual = c.documents.find((d: { docNo: string }) => d.docNo === '东人社罚〔2026〕3号');
    const t = docxText((await download(id, individual.id)).rawPayload).text;
    expect(t).toContain('王建国');
    expect(t).toContain('人民币壹万元整');
  });

  it('PEN-05: compensation is computed from what was still unpaid at the deadline (a later payment does not lower it), within 50%–100%', async () => {
    // 李四 is paid ¥1,000 after the deadline.
    await ok(await api('wageA').command(`/api/cases/${id}/payments`, { caseWorkerId: workers[1].id, amountFen: 100_000, paidOn: '2026-03-10', source: 'employer', reference: '东城建工-0310' }));
    let c = await detail(id);
    expect(c.facts.documents.decisions.compensation).toMatchObject({ open: true, baseFen: 1_200_000, rate: { min: 0.5, max: 1 } });
    const low = await api('wageA').post(`/api/cases/${id}/compensation`, { version: c.rowVersion, rate: 0.4, docNo: '东人社赔〔2026〕1号', issuedOn: '2026-03-11', dueOn: '2026-03-25' });
    expect(low.statusCode).toBe(422);
    expect(low.json().errors.map((e: { field: string }) => e.field)).toEqual(['rate']);
    c = await ok(await api('wageA').post(`/api/cases/${id}/compensation`, { version: c.rowVersion, rate: 0.5, docNo: '东人社赔〔2026〕1号', issuedOn: '2026-03-11', dueOn: '2026-03-25' }));
    const order = c.documents.find((d: { kind: string }) => d.kind === 'compensation_order');
    // 张三 ¥8,000 − ¥2,000 paid in time = ¥6,000; 李四 ¥6,000 (the later ¥1,000 does not count): half of ¥12,000.
    expect(order).toMatchObject({ amountFen: 600_000, dueOn: '2026-03-25', hasFile: true });
    const data = (await platform.db.query<{ data: { workers: { name: string; baseFen: number; compensationFen: number }[]; baseFen: number } }>(`SELECT data FROM case_documents WHERE id = $1`, [order.id])).rows[0].data;
    expect(data.baseFen).toBe(1_200_000);
    expect(data.workers.map((w) => [w.name, Number(w.baseFen), Number(w.compensationFen)])).toEqual([
      ['张三', 600_000, 300_000],
      ['李四', 600_000, 300_000],
    ]);
    const { text } = docxText((await download(id, order.id)).rawPayload);
    expect(text).toContain('《劳动保障监察条例》第二十六条');
    expect(text).toContain('人民币陆仟元整');
    expect(text).toContain('人民币壹万贰仟元整');
    expect(text).toContain('50%');
    expect(c.events.at(-1)).toMatchObject({ kind: 'compensation', data: { amountFen: 600_000, baseFen: 1_200_000 } });
    // Once per order.
    const again = await api('wageA').post(`/api/cases/${id}/compensation`, { version: c.rowVersion, rate: 1, docNo: '东人社赔〔2026〕2号', issuedOn: '2026-03-11', dueOn: '2026-03-25' });
    expect(again.statusCode).toBe(422);
    expect(again.json().detail).toContain('东人社赔〔2026〕1号');
  });

  it('PEN-06 (obstruction) may be fined during the investigation, before any order', async () => {
    const res = await api('wageA').post('/api/clues', clue('doc-pen06'));
    const caseId = res.json().caseId as string;
    let c = await detail(caseId);
    c = await ok(await api('wageA').post(`/api/cases/${caseId}/accept`, { version: c.rowVersion }));
    c = await ok(await api('wageA').post(`/api/cases/${caseId}/file`, { version: c.rowVersion, inspectors: ['王监察', '陈监察'] }));
    expect(c.facts.documents.decisions.penalty['PEN-06'].open).toBe(true);
    expect(c.facts.documents.decisions.penalty['PEN-01'].open).toBe(false);
    c = await ok(
      await api('wageA').post(`/api/cases/${caseId}/penalty`, {
        version: c.rowVersion, ruleId: 'PEN-06', party: 'unit', violation: '拒不按照要求报送工资支付台账等书面材料', amountFen: 200_000, docNo: '东人社罚〔2026〕6号', issuedOn: '2026-03-11',
      }),
    );
    const doc = c.documents.find((d: { kind: string }) => d.kind === 'penalty_decision');
    expect(docxText((await download(caseId, doc.id)).rawPayload).text).toContain('《劳动保障监察条例》第三十条');
    expect(c.status).toBe('investigating');
  });
});
