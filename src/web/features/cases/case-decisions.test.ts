import { describe, expect, it } from 'vitest';
import { anyPenaltyOpen, buildCompensationBody, buildPenaltyBody, compensationPreview, rangeText, readDocumentsFacts } from './case-decisions';

const facts = {
  documents: {
    mayRender: true,
    decisions: {
      mayDecide: true,
      penalty: {
        'PEN-01': { open: true, reason: null, unit: { minFen: 2_000_000, maxFen: 5_000_000 }, individual: { minFen: 1_000_000, maxFen: 3_000_000 }, stoppage: false },
        'PEN-02': { open: false, reason: { zh: '改正期限至 2026-03-09，尚未届满', en: 'Runs until 2026-03-09' }, unit: { minFen: 5_000_000, maxFen: 10_000_000 }, individual: null, stoppage: true },
      },
      compensation: { open: true, reason: null, rate: { min: 0.5, max: 1 }, order: { docNo: '东人社监令1号', issuedOn: '2026-03-02', dueOn: '2026-03-09' }, lines: [{ caseWorkerId: 'a', name: '张三', baseFen: 333 }], baseFen: 333 },
    },
  },
};

describe('readDocumentsFacts', () => {
  it('reads what documentsFacts sends, and tolerates what is missing', () => {
    const d = readDocumentsFacts(facts);
    expect(d.mayRender).toBe(true);
    expect(d.decisions?.penalty['PEN-01']).toMatchObject({ open: true, individual: { minFen: 1_000_000 } });
    expect(d.decisions?.penalty['PEN-02']?.reason?.zh).toContain('尚未届满');
    expect(d.decisions?.penalty['PEN-06']).toBeUndefined();
    expect(anyPenaltyOpen(d.decisions)).toBe(true);
    expect(readDocumentsFacts({})).toEqual({ mayRender: false, decisions: null });
    expect(readDocumentsFacts({ documents: { mayRender: true, decisions: null } })).toEqual({ mayRender: true, decisions: null });
  });
});

describe('buildPenaltyBody', () => {
  const options = readDocumentsFacts(facts).decisions!.penalty;
  const base = { ruleId: 'PEN-01' as const, party: 'unit' as const, violation: ' 未提供工资清单 ', amount: '30000', docNo: ' 东人社罚1号 ', issuedOn: '2026-03-11' };

  it('sends whole fen and trimmed text', () => {
    expect(buildPenaltyBody(base, 3, options)).toEqual({
      ok: true,
      body: { version: 3, ruleId: 'PEN-01', party: 'unit', personName: null, personRole: null, violation: '未提供工资清单', amountFen: 3_000_000, docNo: '东人社罚1号', issuedOn: '2026-03-11' },
    });
  });
  it('marks an amount outside the article’s range for the party, and a person fined where only the unit is', () => {
    const low = buildPenaltyBody({ ...base, amount: '19999.99' }, 3, options);
    expect(low.ok || low.problems.map((p) => p.name[0])).toEqual(['amount']);
    const person = buildPenaltyBody({ ...base, party: 'individual', personName: '王建国', personRole: '法定代表人', amount: '30000.01' }, 3, options);
    expect(person.ok || person.problems.map((p) => p.name[0])).toEqual(['amount']);
    const pen02 = buildPenaltyBody({ ...base, ruleId: 'PEN-02', party: 'individual', personName: '王建国', personRole: '法定代表人', amount: '50000' }, 3, options);
    expect(pen02.ok || pen02.problems.map((p) => p.name[0])).toEqual(['party']);
    const nameless = buildPenaltyBody({ ...base, party: 'individual', amount: '10000' }, 3, options);
    expect(nameless.ok || nameless.problems.map((p) => p.name[0])).toEqual(['personName', 'personRole']);
  });
  it('shows ranges in yuan', () => {
    expect(rangeText({ minFen: 2_000_000, maxFen: 5_000_000 })).toBe('¥20,000.00 – ¥50,000.00');
    expect(rangeText(null)).toBe('—');
  });
});

describe('compensation', () => {
  it('previews with the server’s rounding, only within 50%–100%', () => {
    const lines = [{ caseWorkerId: 'a', name: '张三', baseFen: 333 }, { caseWorkerId: 'b', name: '李四', baseFen: 600_000 }];
    expect(compensationPreview(lines, 50)).toEqual({ rows: [{ ...lines[0], compensationFen: 167 }, { ...lines[1], compensationFen: 300_000 }], totalFen: 300_167 });
    expect(compensationPreview(lines, 40).totalFen).toBeNull();
  });
  it('sends the rate as a share; refuses one outside the range and a deadline not after the decision', () => {
    expect(buildCompensationBody({ rate: 75, docNo: '赔1', issuedOn: '2026-03-11', dueOn: '2026-03-25' }, 4, { min: 0.5, max: 1 })).toEqual({ ok: true, body: { version: 4, rate: 0.75, docNo: '赔1', issuedOn: '2026-03-11', dueOn: '2026-03-25' } });
    const bad = buildCompensationBody({ rate: 120, docNo: '赔1', issuedOn: '2026-03-11', dueOn: '2026-03-11' }, 4, { min: 0.5, max: 1 });
    expect(bad.ok || bad.problems.map((p) => p.name[0])).toEqual(['rate', 'dueOn']);
  });
});
