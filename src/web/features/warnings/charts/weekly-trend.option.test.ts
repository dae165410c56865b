import { describe, expect, it } from 'vitest';
import { TREND_COLOR, weeklyTrendOption } from './weekly-trend.option';

describe('weeklyTrendOption', () => {
  const option = weeklyTrendOption(
    [
      { week: '2026-03-09', raised: 4, closed: 1, resolved: 2 },
      { week: '2026-03-02', raised: 7, closed: 0, resolved: 0 },
      { week: '2026-03-16', raised: 1, closed: 3, resolved: 1 },
    ],
    { raised: '新发预警', closed: '整改销号', resolved: '自动解除' },
  );
  const series = option.series as { type: string; name: string; itemStyle: { color: string }; data: number[] }[];

  it('puts the weeks in order, shown as month-day', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['03-02', '03-09', '03-16']);
  });

  it('draws raised, closed and cleared as three coloured lines', () => {
    expect(series.map((s) => [s.type, s.name, s.itemStyle.color])).toEqual([
      ['line', '新发预警', TREND_COLOR.raised],
      ['line', '整改销号', TREND_COLOR.closed],
      ['line', '自动解除', TREND_COLOR.resolved],
    ]);
    expect(series.map((s) => s.data)).toEqual([
      [7, 4, 1],
      [0, 1, 3],
      [0, 2, 1],
    ]);
  });
});
