import { describe, expect, it } from 'vitest';
import type { CaseWorker } from './api/get-case';
import { buildActionBody, buildClueBody, buildFindings, formFieldName, outstandingFen, renameFieldProblems } from './case-forms';

describe('buildClueBody', () => {
  const base = { channel: 'hotline_12345' as const, employerName: ' 甲建筑劳务有限公司 ', description: ' 拖欠三个月工资 ' };

  it('turns yuan into whole fen and drops blank worker rows', () => {
    const r = buildClueBody({ ...base, complainant: { name: '张三', phone: '13800138000' }, workers: [{ name: '张三', claimed: '12345.6' }, {}, { name: '李四', phone: ' ', claimed: 800 }], regionCode: '500112' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body.workers).toEqual([
      { name: '张三', phone: null, claimedFen: 1234560 },
      { name: '李四', phone: null, claimedFen: 80000 },
    ]);
    expect(r.body).toMatchObject({ employerName: '甲建筑劳务有限公司', description: '拖欠三个月工资', complainant: { name: '张三', phone: '13800138000' }, regionCode: '500112', projectId: null });
  });

  it('sends no complainant for an anonymous tip-off, and no region beside a project', () => {
    const r = buildClueBody({ ...base, channel: 'anonymous_tip', complainant: { name: '张三' }, projectId: 'p1', regionCode: '500112', employerCreditCode: '91500000ma5u0x1x1x' });
    expect(r.ok && r.body.complainant).toBeNull();
    expect(r.ok && r.body.regionCode).toBeNull();
    expect(r.ok && r.body.employerCreditCode).toBe('91500000MA5U0X1X1X');
  });

  it('names the worker row whose amount is not yuan', () => {
    const r = buildClueBody({ ...base, workers: [{ name: '张三', claimed: '12.345' }] });
    expect(r).toEqual({ ok: false, problems: [{ name: ['workers', 0, 'claimed'], message: expect.objectContaining({ zh: expect.any(String) }) }] });
  });

  it('keeps the assigning unit only for a 双交办 clue', () => {
    expect(buildClueBody({ ...base, assignedByUnitId: 'u1' })).toMatchObject({ body: { dualAssignment: false, assignedByUnitId: null } });
    expect(buildClueBody({ ...base, dualAssignment: true, assignedByUnitId: 'u1' })).toMatchObject({ body: { dualAssignment: true, assignedByUnitId: 'u1' } });
  });
});

describe('buildActionBody', () => {
  it('always sends the version, and the note when given', () => {
    expect(buildActionBody('accept', { note: '  ' }, 4)).toEqual({ ok: true, body: { version: 4 } });
    expect(buildActionBody('mediate', { note: ' 双方同意调解 ' }, 2)).toEqual({ ok: true, body: { version: 2, note: '双方同意调解' } });
  });

  it('sends each move its own fields', () => {
    expect(buildActionBody('order', { docNo: ' 令12号 ', dueOn: '2026-06-01', amount: '5000.5' }, 1)).toEqual({ ok: true, body: { version: 1, docNo: '令12号', dueOn: '2026-06-01', amountFen: 500050 } });
    expect(buildActionBody('refer', { to: 'court', docNo: 'A1' }, 1)).toEqual({ ok: true, body: { version: 1, to: 'court', legalAid: false, docNo: 'A1' } });
    expect(buildActionBody('transfer_police', { docNo: 'Y-1' }, 9)).toEqual({ ok: true, body: { version: 9, docNo: 'Y-1' } });
    expect(buildActionBody('settle', { conclusion: 'paid_in_full' }, 3)).toEqual({ ok: true, body: { version: 3, conclusion: 'paid_in_full' } });
    expect(buildActionBody('close', { satisfaction: 'unreachable' }, 3)).toEqual({ ok: true, body: { version: 3, satisfaction: 'unreachable' } });
  });

  it('needs two distinct inspectors to file, and a positive amount to order', () => {
    expect(buildActionBody('file', { inspectors: ['王五', ' 王五 ', ''] }, 1).ok).toBe(false);
    expect(buildActionBody('file', { inspectors: ['王五', '赵六 '] }, 1)).toEqual({ ok: true, body: { version: 1, inspectors: ['王五', '赵六'] } });
    expect(buildActionBody('order', { docNo: 'x', dueOn: '2026-06-01', amount: '0' }, 1)).toMatchObject({ ok: false, problems: [{ name: ['amount'] }] });
    expect(buildActionBody('order', { docNo: 'x', dueOn: '2026-06-01', amount: 'abc' }, 1)).toMatchObject({ ok: false, problems: [{ name: ['amount'] }] });
  });
});

const worker = (w: Partial<CaseWorker>): CaseWorker => ({ id: 'w', workerId: null, name: '张三', phone: null, claimedFen: 0, foundOwedFen: null, recoveredFen: 0, status: 'open', movedTo: null, confirmedAt: null, unreachable: false, ...w });

describe('money on a case', () => {
  it('counts what open claims still lack, by the finding when there is one', () => {
    const workers = [
      worker({ claimedFen: 100_00, foundOwedFen: 80_00, recoveredFen: 30_00 }),
      worker({ claimedFen: 50_00, recoveredFen: 60_00 }),
      worker({ claimedFen: 70_00, status: 'moved' }),
      worker({ claimedFen: 20_00 }),
    ];
    expect(outstandingFen(workers)).toBe(50_00 + 0 + 20_00);
  });

  it('builds the findings in the workers’ order, naming a bad amount', () => {
    expect(buildFindings([{ id: 'a' }, { id: 'b' }], ['100', '0.5'])).toEqual({ ok: true, body: [{ caseWorkerId: 'a', foundOwedFen: 10000 }, { caseWorkerId: 'b', foundOwedFen: 50 }] });
    expect(buildFindings([{ id: 'a' }, { id: 'b' }], ['100', ''])).toMatchObject({ ok: false, problems: [{ name: ['findings', 1, 'foundOwed'] }] });
  });
});

describe('formFieldName', () => {
  it('maps both of the server’s path styles to the form’s names', () => {
    expect(formFieldName('workers.0.claimedFen')).toBe('workers.0.claimed');
    expect(formFieldName('workers/1/workerId')).toBe('workers.1.workerId');
    expect(formFieldName('complainant/phone')).toBe('complainant.phone');
    expect(formFieldName('amountFen')).toBe('amount');
    expect(formFieldName('periodTo')).toBe('periodTo');
    expect(renameFieldProblems([{ field: 'findings/0/foundOwedFen', message: { zh: 'x', en: 'x' } }])).toEqual([{ field: 'findings.0.foundOwed', message: { zh: 'x', en: 'x' } }]);
  });
});
