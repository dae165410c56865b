import { describe, expect, it } from 'vitest';
import { majorReasonTexts, policeTransferBlock, readFacts } from './case-facts';

const facts = {
  limitation: { within: true, periodEnd: '2026-01-31', years: 2 },
  criminal: { met: false, by: 'ten_workers', amountMet: true, figures: { largestOneWorkerFen: 0, workersOwed: 12, totalOwedFen: 4_000_000 } },
  closable: { closable: false, blocking: [{ workerName: '张三', index: 0, reason: { zh: '尚欠 100.00 元未支付', en: '100.00 yuan still unpaid' } }], unconfirmed: [{ workerName: '李四', index: 1 }] },
};

describe('readFacts', () => {
  it('reads what the service puts in facts', () => {
    const f = readFacts(facts);
    expect(f.limitation).toEqual({ within: true, periodEnd: '2026-01-31', years: 2 });
    expect(f.criminal?.figures.workersOwed).toBe(12);
    expect(f.closable?.blocking[0]).toEqual({ workerName: '张三', index: 0, reason: { zh: '尚欠 100.00 元未支付', en: '100.00 yuan still unpaid' } });
    expect(f.closable?.unconfirmed).toEqual([{ workerName: '李四', index: 1 }]);
  });

  it('reads a missing or malformed part as null', () => {
    expect(readFacts({})).toEqual({ limitation: null, criminal: null, closable: null });
    expect(readFacts(null)).toEqual({ limitation: null, criminal: null, closable: null });
    expect(readFacts({ limitation: { within: 'yes' }, criminal: { met: true }, closable: [] })).toEqual({ limitation: null, criminal: null, closable: null });
  });
});

describe('policeTransferBlock', () => {
  const criminal = readFacts(facts).criminal;
  it('allows the transfer only when the threshold is met', () => {
    expect(policeTransferBlock({ ...criminal!, met: true })).toBeNull();
  });
  it('names the missing condition: the amount, or the unmet order', () => {
    expect(policeTransferBlock(criminal)?.zh).toContain('责令支付');
    expect(policeTransferBlock({ ...criminal!, amountMet: false, by: null })?.zh).toContain('数额较大');
    expect(policeTransferBlock(null)).not.toBeNull();
  });
});

describe('majorReasonTexts', () => {
  it('keeps the server’s bilingual reasons and drops the rest', () => {
    expect(majorReasonTexts([{ code: 'workers', reason: { zh: '涉及农民工 40 人', en: '40 workers' } }, 7, { zh: '因欠薪引发极端事件', en: 'Extreme' }, '人工标注'])).toEqual([
      { zh: '涉及农民工 40 人', en: '40 workers' },
      { zh: '因欠薪引发极端事件', en: 'Extreme' },
      { zh: '人工标注', en: '人工标注' },
    ]);
  });
});
