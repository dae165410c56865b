import { describe, expect, it } from 'vitest';
import { evidenceRows, formatEvidenceValue, humanizeKey } from './evidence';

describe('evidenceRows', () => {
  const evidence = {
    month: '2026-02',
    dueBy: '2026-03-31',
    attendedWorkers: 12,
    paidFen: 123456789,
    shortRatio: 0.125,
    listed: true,
    raisedAt: '2026-03-02T01:30:00.000Z',
    payrolls: [
      { employerName: '甲公司', unpaidFen: 50000 },
      { employerName: '乙公司', unpaidFen: 250 },
    ],
    months: ['2026-01', '2026-02'],
    note: null,
    generalContractorId: '01a23264-d1f0-7753-879e-d8fd0d69f85a',
    generalContractorName: '甲公司',
  };
  const labels = { month: { zh: '月份', en: 'Month' }, paidFen: { zh: '已发工资', en: 'Wages paid' }, listed: { zh: 'listed', en: 'listed' } };

  it('labels known keys in the chosen language and the others from the key', () => {
    expect(evidenceRows(evidence, labels, 'zh').map((r) => r.label).slice(0, 4)).toEqual(['月份', 'Due by', 'Attended workers', '已发工资']);
    expect(evidenceRows(evidence, labels, 'en')[3].label).toBe('Wages paid');
    // The server's fallback label is the key itself: shown humanized instead.
    expect(evidenceRows(evidence, labels, 'zh').find((r) => r.key === 'listed')!.label).toBe('Listed');
  });

  it('shows fen as yuan, ratios as percent, booleans, instants in Beijing time and dates as they are', () => {
    const rows = Object.fromEntries(evidenceRows(evidence, labels, 'zh').map((r) => [r.key, r.lines]));
    expect(rows.paidFen).toEqual(['¥1,234,567.89']);
    expect(rows.shortRatio).toEqual(['12.5%']);
    expect(rows.listed).toEqual(['是']);
    expect(rows.dueBy).toEqual(['2026-03-31']);
    expect(rows.raisedAt[0]).toMatch(/2026\/3\/2.*09:30/);
    expect(rows.months).toEqual(['2026-01、2026-02']);
    expect(rows.note).toEqual(['—']);
  });

  it('puts each record of a list on its own line, with its amounts in yuan', () => {
    const rows = Object.fromEntries(evidenceRows(evidence, labels, 'en').map((r) => [r.key, r.lines]));
    expect(rows.payrolls).toEqual(['Employer name: 甲公司；Unpaid: ¥500.00', 'Employer name: 乙公司；Unpaid: ¥2.50']);
  });

  it('leaves out record ids but keeps the names', () => {
    const keys = evidenceRows(evidence, labels, 'zh').map((r) => r.key);
    expect(keys).not.toContain('generalContractorId');
    expect(keys).toContain('generalContractorName');
  });

  it('has no rows without evidence', () => {
    expect(evidenceRows(null, null, 'zh')).toEqual([]);
  });
});

describe('formatEvidenceValue', () => {
  it('keeps negative fen signed before the currency', () => {
    expect(formatEvidenceValue('gapFen', -90474, 'zh')).toBe('-¥904.74');
  });
  it('humanizes camelCase keys', () => {
    expect(humanizeKey('workerDays')).toBe('Worker days');
    expect(humanizeKey('shortfallFen')).toBe('Shortfall');
  });
});
