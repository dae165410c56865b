import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { RuleCount } from '../api/get-battle-map';
import type { WarningLevel } from '../api/get-warnings';
import { LEVEL_COLOR, LEVELS } from '../levels';

export type RuleCountsOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** A bar's data item: the count, with the rule and level a click filters the list by. */
export interface RuleBarDatum {
  value: number;
  ruleCode: string;
  level: WarningLevel;
}

const total = (r: RuleCount) => r.red + r.orange + r.yellow;

/** The rules with open warnings, most first (ties by code). */
export const rulesWithWarnings = (rows: readonly RuleCount[]) =>
  rows.filter((r) => total(r) > 0).sort((a, b) => total(b) - total(a) || a.ruleCode.localeCompare(b.ruleCode, 'en', { numeric: true }));

/** Height for the chart: a row per rule. */
export const ruleChartHeight = (rows: readonly RuleCount[]) => Math.max(200, rulesWithWarnings(rows).length * 30 + 70);

/**
 * Open warnings by rule as horizontal bars stacked red, orange, yellow (the level colours). Each
 * label is the rule's code and name; each bar item carries its rule and level for a click.
 */
export function ruleCountsOption(rows: readonly RuleCount[], text: { levelName: Record<WarningLevel, string>; ruleName: (r: RuleCount) => string }): RuleCountsOption {
  const shown = rulesWithWarnings(rows);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: LEVELS.map((l) => text.levelName[l]) },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((r) => `${r.ruleCode} ${text.ruleName(r)}`),
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    series: LEVELS.map(
      (level): BarSeriesOption => ({
        type: 'bar',
        name: text.levelName[level],
        stack: 'level',
        barMaxWidth: 22,
        itemStyle: { color: LEVEL_COLOR[level] },
        emphasis: { focus: 'series' },
        data: shown.map((r): RuleBarDatum => ({ value: r[level], ruleCode: r.ruleCode, level })),
      }),
    ),
  };
}
