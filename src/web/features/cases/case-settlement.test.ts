import { describe, expect, it } from 'vitest';
import { buildHandlingDecisionBody, buildSettlementBody, planTotals, readHandlingDecisionFacts, readSettlementFacts } from './case-settlement';

const facts = {
  documents: {
    mayRender: true,
    decisions: null,
    settlement: {
      open: false,
      reason: { zh: '本案已签订和解协议（东人社调1号），不能再次签订', en: 'Already signed' },
      mayRecord: true,
      owedFen: 0,
      lines: [],
      maxInstallments: 12,
      agreement: {
        documentId: 'd1',
        docNo: '东人社调1号',
        signedOn: '2026-03-02',
        amountFen: 1_200_000,
        paidFen: 500_000,
        installments: [
          { dueOn: '2026-03-10', amountFen: 500_000, cumulativeFen: 500_000, paidByDueFen: 500_000, state: 'paid' },
          { dueOn: '2026-04-10', amountFen: 700_000, cumulativeFen: 1_200_000, paidByDueFen: 500_000, state: 'missed' },
        ],
      },
    },
    handlingDecision: { open: true, reason: null, mayDecide: true, amountFen: 1_200_000, lines: [{ caseWorkerId: 'a', name: '张三', unpaidFen: 1_200_000 }], decision: null },
  },
};

describe('reading the settlement and handling-decision facts', () => {
  it('reads what documentsFacts sends', () => {
    const s = readSettlementFacts(facts)!;
    expect(s.open).toBe(false);
    expect(s.reason?.zh).toContain('已签订');
    expect(s.agreement?.installments.map((i) => i.state)).toEqual(['paid', 'missed']);
    expect(readHandlingDecisionFacts(facts)).toMatchObject({ open: true, amountFen: 1_200_000, lines: [{ name: '张三' }], decision: null });
  });
  it('tolerates what is missing or malformed', () => {
    expect(readSettlementFacts({})).toBeNull();
    expect(readSettlementFacts({ documents: { settlement: null } })).toBeNull();
    expect(readHandlingDecisionFacts(undefined)).toBeNull();
    const odd = readSettlementFacts({ documents: { settlement: { open: true, agreement: { installments: [{ state: 'weird' }, 'x'] } } } })!;
    expect(odd.agreement?.installments).toEqual([{ dueOn: '', amountFen: 0, cumulativeFen: 0, paidByDueFen: 0, state: 'pending' }]);
    expect(odd.maxInstallments).toBe(12);
  });
});

describe('the plan as it is typed', () => {
  it('running total, what is left to plan, and whether it balances', () => {
    expect(planTotals([{ amount: '5000' }, { amount: '2000.50' }], 1_200_000)).toEqual({ totalFen: 700_050, remainingFen: 499_950, cumulative: [500_000, 700_050], balanced: false });
    expect(planTotals([{ amount: '5000' }, { amount: 'abc' }, undefined, { amount: '7000' }], 1_200_000)).toMatchObject({ totalFen: 1_200_000, cumulative: [500_000, 500_000, 500_000, 1_200_000], balanced: true });
    expect(planTotals(undefined, 100).remainingFen).toBe(100);
    expect(planTotals([{ amount: '2' }], 100).remainingFen).toBe(-100);
  });
});

describe('buildSettlementBody', () => {
  const v = { docNo: ' 东人社调1号 ', signedOn: '2026-03-02', installments: [{ dueOn: '2026-03-10', amount: '5000' }, { dueOn: '2026-04-10', amount: '7000' }], note: ' ' };

  it('sends whole fen and trimmed text', () => {
    expect(buildSettlementBody(v, 4, 1_200_000)).toEqual({
      ok: true,
      body: { version: 4, docNo: '东人社调1号', signedOn: '2026-03-02', installments: [{ dueOn: '2026-03-10', amountFen: 500_000 }, { dueOn: '2026-04-10', amountFen: 700_000 }], note: null },
    });
  });
  it('marks each row’s own problem on its field', () => {
    const r = buildSettlementBody({ ...v, installments: [{ dueOn: '2026-03-10', amount: 'x' }, { amount: '7000' }] }, 4, 1_200_000);
    expect(r.ok || r.problems.map((p) => p.name)).toEqual([['installments', 0, 'amount'], ['installments', 1, 'dueOn']]);
  });
  it('the server’s rules: order and dates on the row, the total on the list with the figure it should be', () => {
    const unordered = buildSettlementBody({ ...v, installments: [v.installments[1], v.installments[0]] }, 4, 1_200_000);
    expect(unordered.ok || unordered.problems.map((p) => p.name)).toEqual([['installments', 1, 'dueOn']]);
    const wrong = buildSettlementBody(v, 4, 1_300_000);
    expect(wrong.ok || wrong.problems).toEqual([{ name: ['installments'], message: { zh: '分期金额合计 12000.00 元，应等于尚欠工资 13000.00 元', en: expect.any(String) } }]);
  });
});

describe('buildHandlingDecisionBody', () => {
  it('the day to pay by lies after the decision', () => {
    expect(buildHandlingDecisionBody({ docNo: '东人社处1号', issuedOn: '2026-03-02', dueOn: '2026-03-02' }, 2).ok).toBe(false);
    expect(buildHandlingDecisionBody({ docNo: ' 东人社处1号 ', issuedOn: '2026-03-02', dueOn: '2026-03-16' }, 2)).toEqual({ ok: true, body: { version: 2, docNo: '东人社处1号', issuedOn: '2026-03-02', dueOn: '2026-03-16', note: null } });
  });
});
