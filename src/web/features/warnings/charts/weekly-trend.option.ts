import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { WeekCount } from '../api/get-battle-map';

export type WeeklyTrendOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const TREND_COLOR = { raised: '#cf1322', closed: '#52c41a', resolved: '#1677ff' } as const;
type Measure = keyof typeof TREND_COLOR;
const MEASURES: readonly Measure[] = ['raised', 'closed', 'resolved'];

/** Warnings raised, closed (verified) and cleared automatically per week, oldest week first. */
export function weeklyTrendOption(weeks: readonly WeekCount[], text: Record<Measure, string>): WeeklyTrendOption {
  const sorted = [...weeks].sort((a, b) => a.week.localeCompare(b.week));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: MEASURES.map((k) => text[k]) },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    // 'YYYY-MM-DD' of each Monday, shown as MM-DD.
    xAxis: { type: 'category', boundaryGap: false, data: sorted.map((w) => w.week.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: MEASURES.map(
      (k): LineSeriesOption => ({
        type: 'line',
        name: text[k],
        smooth: false,
        symbolSize: 6,
        itemStyle: { color: TREND_COLOR[k] },
        lineStyle: { color: TREND_COLOR[k], width: 2 },
        data: sorted.map((w) => w[k]),
      }),
    ),
  };
}
