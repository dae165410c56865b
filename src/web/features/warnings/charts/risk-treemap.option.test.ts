import { describe, expect, it } from 'vitest';
import type { MapProject } from '../api/get-battle-map';
import { LEVEL_COLOR } from '../levels';
import { buildRiskTree, type RiskNode, riskTreemapOption } from './risk-treemap.option';

const project = (p: Partial<MapProject> & Pick<MapProject, 'projectId' | 'name'>): MapProject => ({
  regionCode: '410305001',
  regionName: '湖北路街道',
  townshipName: '湖北路街道',
  score: 0,
  topLevel: null,
  openWarnings: 0,
  ...p,
});

const text = {
  seriesName: '风险地图',
  tooltipLine: '风险分 {score} · 在办预警 {open}',
  groupLine: '在办预警 {open}',
  levelName: { red: '红色', orange: '橙色', yellow: '黄色', green: '无在办预警' },
};

describe('buildRiskTree', () => {
  const projects = [
    project({ projectId: 'p1', name: '一号楼', regionCode: '410305001001', townshipName: '湖北路街道', score: 45, topLevel: 'red', openWarnings: 2 }),
    project({ projectId: 'p2', name: '二号楼', regionCode: '410305001002', townshipName: '湖北路街道', score: 6, topLevel: 'yellow', openWarnings: 1 }),
    project({ projectId: 'p3', name: '三号桥', regionCode: '410305002001', townshipName: '天津路街道', score: 0, topLevel: null, openWarnings: 0 }),
    project({ projectId: 'p4', name: '四号路', regionCode: '410306001001', townshipName: null, score: 15, topLevel: 'orange', openWarnings: 1 }),
  ];
  const regions = [
    { code: '410305', name: '涧西区' },
    { code: '410306', name: '吉利区' },
  ];
  const tree = buildRiskTree(projects, regions, '未标注乡镇');

  it('groups sub-region → township → project, with area 1 + open warnings', () => {
    expect(tree.map((n) => n.name)).toEqual(['涧西区', '吉利区']);
    const jianxi = tree[0];
    expect(jianxi.value).toBe(3 + 2 + 1);
    expect(jianxi.children!.map((t) => [t.name, t.value])).toEqual([
      ['湖北路街道', 5],
      ['天津路街道', 1],
    ]);
    const hubei = jianxi.children![0];
    expect(hubei.children!.map((p) => [p.projectId, p.value, p.score])).toEqual([
      ['p1', 3, 45],
      ['p2', 2, 6],
    ]);
  });

  it('colours a project by its highest open level, green without one, and a group by the worst below it', () => {
    const leaves = (n: RiskNode): RiskNode[] => (n.children ? n.children.flatMap(leaves) : [n]);
    const colour = Object.fromEntries(tree.flatMap(leaves).map((l) => [l.projectId, l.itemStyle.color]));
    expect(colour).toEqual({ p1: LEVEL_COLOR.red, p2: LEVEL_COLOR.yellow, p3: LEVEL_COLOR.green, p4: LEVEL_COLOR.orange });
    expect(tree[0].colour).toBe('red');
    expect(tree[0].children![1].colour).toBe('green');
    expect(tree[1].itemStyle.color).toBe(LEVEL_COLOR.orange);
    // A group's strip (its border colour) shows its level; a leaf keeps a white edge.
    expect(tree[0].itemStyle.borderColor).toBe(LEVEL_COLOR.red);
    expect(tree[0].children![0].children![0].itemStyle.borderColor).toBe('#fff');
    // Dark text on yellow, white on the others.
    expect(tree[0].children![0].children![1].label.color).not.toBe('#fff');
    expect(tree[0].children![0].children![0].label.color).toBe('#fff');
  });

  it('names a missing township beside known ones, and adds no township level when there is nothing to split', () => {
    // 吉利区's only project names no township: its blocks sit right under it.
    expect(tree[1].children!.map((c) => c.projectId)).toEqual(['p4']);
    const mixed = buildRiskTree([...projects, project({ projectId: 'p5', name: '五号', regionCode: '410305003001', townshipName: null })], regions, '未标注乡镇');
    expect(mixed[0].children!.map((c) => c.name)).toContain('未标注乡镇');
    const town = buildRiskTree([project({ projectId: 'p9', name: '九号', regionCode: '410305001009', regionName: '湖北路街道', townshipName: '湖北路街道', openWarnings: 4 })], [], '未标注乡镇');
    expect(town).toHaveLength(1);
    expect(town[0].name).toBe('湖北路街道');
    expect(town[0].children!.map((c) => c.projectId)).toEqual(['p9']);
    expect(town[0].value).toBe(5);
  });
});

describe('riskTreemapOption', () => {
  const tree = buildRiskTree([project({ projectId: 'p1', name: '<b>一号</b>楼', score: 36, topLevel: 'red', openWarnings: 1 })], [], '未标注乡镇');
  const option = riskTreemapOption(tree, text);
  const series = (option.series as { type: string; data: RiskNode[] }[])[0];

  it('is one treemap series over the tree, leaves carrying their project id for a click', () => {
    expect(series.type).toBe('treemap');
    expect(series.data).toBe(tree);
    expect(series.data[0].children![0]).toMatchObject({ projectId: 'p1', value: 2, itemStyle: { color: LEVEL_COLOR.red } });
  });

  it('escapes names in the tooltip and says the score and open warnings', () => {
    const formatter = (option.tooltip as { formatter: (info: unknown) => string }).formatter;
    const leaf = series.data[0].children![0];
    const html = formatter({ data: leaf, treePathInfo: [{ name: '' }, { name: '湖北路街道' }, { name: leaf.name }] });
    expect(html).toContain('&lt;b&gt;一号&lt;/b&gt;楼');
    expect(html).not.toContain('<b>');
    expect(html).toContain('风险分 36 · 在办预警 1');
    expect(html).toContain('红色');
    expect(formatter({ data: series.data[0] })).toContain('在办预警 1');
  });
});
