import { describe, expect, it } from 'vitest';
import type { RuleCount } from '../api/get-battle-map';
import { LEVEL_COLOR } from '../levels';
import { type RuleBarDatum, ruleChartHeight, ruleCountsOption } from './rule-counts.option';

const rule = (ruleCode: string, red: number, orange: number, yellow: number): RuleCount => ({ ruleCode, ruleName: { zh: `规则${ruleCode}`, en: `Rule ${ruleCode}` }, red, orange, yellow });
const rows = [rule('W02', 0, 1, 2), rule('W05', 3, 0, 0), rule('W10', 0, 0, 0), rule('W01', 1, 1, 1)];
const levelName = { red: '红色', orange: '橙色', yellow: '黄色' };
const option = ruleCountsOption(rows, { levelName, ruleName: (r) => r.ruleName!.zh });
const series = option.series as { name: string; stack: string; itemStyle: { color: string }; data: RuleBarDatum[] }[];

describe('ruleCountsOption', () => {
  it('lists the rules with open warnings, most first, by code and name', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['W01 规则W01', 'W02 规则W02', 'W05 规则W05']);
  });

  it('stacks one series per level in the level colours', () => {
    expect(series.map((s) => [s.name, s.stack, s.itemStyle.color])).toEqual([
      ['红色', 'level', LEVEL_COLOR.red],
      ['橙色', 'level', LEVEL_COLOR.orange],
      ['黄色', 'level', LEVEL_COLOR.yellow],
    ]);
  });

  it('gives each bar its count, rule and level', () => {
    expect(series[0].data.map((d) => d.value)).toEqual([1, 0, 3]);
    expect(series[1].data.map((d) => d.value)).toEqual([1, 1, 0]);
    expect(series[2].data.map((d) => d.value)).toEqual([1, 2, 0]);
    expect(series[0].data[2]).toEqual({ value: 3, ruleCode: 'W05', level: 'red' });
  });

  it('grows with the rules shown', () => {
    expect(ruleChartHeight([])).toBe(200);
    expect(ruleChartHeight(Array.from({ length: 10 }, (_, i) => rule(`W${i}`, 1, 0, 0)))).toBe(370);
  });
});
