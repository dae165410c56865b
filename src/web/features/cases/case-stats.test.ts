import { describe, expect, it } from 'vitest';
import { OFFICIAL_GROUPS, cellText, columnTitle, periodPresets, readStatsQuery, recoveredPercent, statsSearch } from './case-stats';

describe('the 附件1 page helpers', () => {
  it('reads the period from the address, this month to today by default', () => {
    expect(readStatsQuery(new URLSearchParams(''), '2026-03-10')).toEqual({ from: '2026-03-01', to: '2026-03-10', regionCode: undefined, campaign: undefined });
    expect(readStatsQuery(new URLSearchParams('from=2026-01-01&to=2026-03-31&region=450102001&campaign=冬季专项行动'), '2026-03-10')).toEqual({
      from: '2026-01-01', to: '2026-03-31', regionCode: '450102001', campaign: '冬季专项行动',
    });
    // A reversed or malformed period falls back to this month; a malformed region is ignored.
    expect(readStatsQuery(new URLSearchParams('from=2026-03-31&to=2026-03-01&region=abc'), '2026-03-10')).toMatchObject({ from: '2026-03-01', to: '2026-03-10', regionCode: undefined });
    const q = { from: '2026-01-01', to: '2026-03-31', regionCode: '450102', campaign: '春季' };
    expect(readStatsQuery(statsSearch(q), '2026-03-10')).toEqual(q);
  });

  it('offers this month, last month, this quarter and this year', () => {
    expect(periodPresets('2026-03-10')).toEqual([
      { key: 'month', from: '2026-03-01', to: '2026-03-10' },
      { key: 'lastMonth', from: '2026-02-01', to: '2026-02-28' },
      { key: 'quarter', from: '2026-01-01', to: '2026-03-10' },
      { key: 'year', from: '2026-01-01', to: '2026-03-10' },
    ]);
    expect(periodPresets('2026-01-15')[1]).toEqual({ key: 'lastMonth', from: '2025-12-01', to: '2025-12-31' });
  });

  it('titles columns with their units and writes cells as the official table does', () => {
    const amount = OFFICIAL_GROUPS[1].columns[2];
    expect(columnTitle(amount, 'zh')).toBe('涉及金额（万元）');
    expect(columnTitle(amount, 'en')).toBe('Amount (10k yuan)');
    const figures = { arrearsFen: 11_600_050, checkedStaff: null } as never;
    expect(cellText(amount, figures)).toBe('11.60');
    expect(cellText(OFFICIAL_GROUPS[0].columns[1], figures)).toBe('—');
    expect(recoveredPercent(1, 3)).toBe(33);
    expect(recoveredPercent(5, 0)).toBe(0);
    expect(recoveredPercent(10, 5)).toBe(100);
  });
});
