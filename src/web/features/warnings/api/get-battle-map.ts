import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import type { WarningLevel, WarningListItem } from './get-warnings';

/** GET /api/warnings/dashboard: the 挂图作战 figures of a region (the caller's jurisdiction by default). */
export interface BattleMapCounts {
  open: number;
  red: number;
  orange: number;
  yellow: number;
  overdue: number;
  escalated: number;
  closedThisWeek: number;
  resolvedThisWeek: number;
}

export interface RuleCount {
  ruleCode: string;
  ruleName: Bilingual;
  red: number;
  orange: number;
  yellow: number;
}

export interface RegionCount {
  code: string;
  name: string;
  open: number;
  red: number;
  orange: number;
  yellow: number;
  overdue: number;
}

export interface WeekCount {
  /** The Monday, 'YYYY-MM-DD'. */
  week: string;
  raised: number;
  closed: number;
  resolved: number;
}

export interface TopProject {
  id: string;
  name: string;
  regionName: string;
  score: number;
  openWarnings: number;
  topLevel: WarningLevel | null;
}

export interface TopEnterprise {
  id: string;
  name: string;
  score: number;
  openWarnings: number;
}

export interface MapProject {
  projectId: string;
  name: string;
  regionCode: string;
  regionName: string;
  townshipName: string | null;
  score: number;
  topLevel: WarningLevel | null;
  openWarnings: number;
}

export interface BattleMap {
  regionCode: string;
  regionName: string;
  asOf: string;
  counts: BattleMapCounts;
  byRule: RuleCount[];
  byRegion: RegionCount[];
  trend: WeekCount[];
  overdue: WarningListItem[];
  topProjects: TopProject[];
  topEnterprises: TopEnterprise[];
  map: MapProject[];
}

export const battleMapQuery = (regionCode?: string) =>
  queryOptions({ queryKey: ['warnings', 'dashboard', regionCode ?? null], queryFn: () => api.get<BattleMap>('/api/warnings/dashboard', { regionCode }) });

export const useBattleMap = (regionCode?: string) => useQuery({ ...battleMapQuery(regionCode), placeholderData: keepPreviousData });
