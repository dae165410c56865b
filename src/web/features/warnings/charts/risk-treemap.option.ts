import type { TreemapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { MapProject, RegionCount } from '../api/get-battle-map';
import type { WarningLevel } from '../api/get-warnings';
import { LEVEL_COLOR, worse } from '../levels';
import { escapeHtml, fill } from './chart-text';

export type RiskTreemapOption = ComposeOption<TreemapSeriesOption | TooltipComponentOption>;
export type MapColour = WarningLevel | 'green';

/** A block of the risk map: a sub-region, a township, or a project (the leaves, with their id). */
export interface RiskNode {
  name: string;
  value: number;
  colour: MapColour;
  openWarnings: number;
  /** Leaves only. */
  projectId?: string;
  score?: number;
  children?: RiskNode[];
  /**
   * A treemap fills a group with its border colour (the strip with its name and the gaps between
   * its blocks), so a group's level shows there; a leaf keeps a thin white edge to stand apart.
   */
  itemStyle: { color: string; borderColor: string; borderWidth?: number };
  /** Dark text on yellow, white elsewhere. */
  label: { color: string };
  upperLabel?: { color: string };
}

const textOn = (colour: MapColour) => (colour === 'yellow' ? '#262626' : '#fff');

const byValue = (a: RiskNode, b: RiskNode) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN');

function group(name: string, children: RiskNode[]): RiskNode {
  const level = children.reduce<WarningLevel | null>((acc, c) => worse(acc, c.colour === 'green' ? null : c.colour), null);
  const colour: MapColour = level ?? 'green';
  return {
    name,
    value: children.reduce((s, c) => s + c.value, 0),
    colour,
    openWarnings: children.reduce((s, c) => s + c.openWarnings, 0),
    children: children.sort(byValue),
    itemStyle: { color: LEVEL_COLOR[colour], borderColor: LEVEL_COLOR[colour] },
    label: { color: textOn(colour) },
    upperLabel: { color: textOn(colour) },
  };
}

/**
 * The map's tree: the selected region's children → townships → projects. A project's area is
 * 1 + its open warnings (so a quiet project still shows); its colour is its highest open level,
 * green with none; a group takes the worst colour below it. A sub-region that is itself the
 * township (a township picked as the region), or whose projects name no township, gets no
 * township level.
 */
export function buildRiskTree(projects: readonly MapProject[], regions: readonly Pick<RegionCount, 'code' | 'name'>[], unknownTownship: string): RiskNode[] {
  // The longest child code first, so a 9-digit township wins over its 6-digit county.
  const children = [...regions].sort((a, b) => b.code.length - a.code.length);
  const areas = new Map<string, Map<string, RiskNode[]>>();
  for (const p of projects) {
    const area = children.find((r) => p.regionCode.startsWith(r.code))?.name ?? p.regionName;
    const township = p.townshipName || unknownTownship;
    const colour: MapColour = p.topLevel ?? 'green';
    const leaf: RiskNode = { name: p.name, value: 1 + p.openWarnings, colour, openWarnings: p.openWarnings, projectId: p.projectId, score: p.score, itemStyle: { color: LEVEL_COLOR[colour], borderColor: '#fff', borderWidth: 1 }, label: { color: textOn(colour) } };
    const towns = areas.get(area) ?? new Map<string, RiskNode[]>();
    areas.set(area, towns);
    towns.set(township, [...(towns.get(township) ?? []), leaf]);
  }
  const tree = [...areas].map(([area, towns]) => {
    if (towns.size === 1 && (towns.has(area) || towns.has(unknownTownship))) return group(area, [...towns.values()][0]);
    return group(area, [...towns].map(([town, leaves]) => group(town, leaves)));
  });
  return tree.sort(byValue);
}

export interface RiskTreemapText {
  seriesName: string;
  /** '风险分 {score} · 在办预警 {open}' */
  tooltipLine: string;
  /** '在办预警 {open}' for a group. */
  groupLine: string;
  levelName: Record<MapColour, string>;
}

interface TooltipInfo {
  data?: Partial<RiskNode>;
  treePathInfo?: { name: string }[];
}

/** The risk map as an ECharts treemap; a click on a leaf carries `data.projectId`. */
export function riskTreemapOption(tree: RiskNode[], text: RiskTreemapText): RiskTreemapOption {
  const tooltip = (info: TooltipInfo) => {
    const d = info.data ?? {};
    const path = (info.treePathInfo ?? []).slice(1).map((p) => escapeHtml(p.name)).join(' / ');
    const colour = d.colour ?? 'green';
    const line = d.projectId ? fill(text.tooltipLine, { score: d.score ?? 0, open: d.openWarnings ?? 0 }) : fill(text.groupLine, { open: d.openWarnings ?? 0 });
    return `${path || escapeHtml(d.name ?? '')}<br/><span style="color:${LEVEL_COLOR[colour]}">●</span> ${escapeHtml(text.levelName[colour])} · ${escapeHtml(line)}`;
  };
  return {
    tooltip: { formatter: tooltip as never },
    series: [
      {
        type: 'treemap',
        name: text.seriesName,
        data: tree as TreemapSeriesOption['data'],
        roam: false,
        nodeClick: 'zoomToNode',
        // The whole box but a strip at the foot for the breadcrumb.
        left: 0,
        right: 0,
        top: 0,
        bottom: 32,
        breadcrumb: { show: true, bottom: 0 },
        label: { show: true, formatter: '{b}', overflow: 'truncate' },
        upperLabel: { show: true, height: 22 },
        // The root, then sub-regions, townships, projects: wider gaps higher up.
        levels: [
          { itemStyle: { borderColor: '#fff', borderWidth: 0, gapWidth: 4 } },
          { itemStyle: { borderWidth: 3, gapWidth: 3 } },
          { itemStyle: { borderWidth: 2, gapWidth: 2 } },
          { itemStyle: { borderWidth: 1, gapWidth: 1 } },
        ],
      },
    ],
  };
}
