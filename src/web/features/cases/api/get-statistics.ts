import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, downloadFile } from '../../../lib/api-client';
import type { Bilingual } from '../../../lib/i18n';
import type { Figures, StatsQuery } from '../case-stats';

/*
 * GET /api/cases/statistics and its .xlsx (cases.stats.routes.ts): 附件1 for a period and a region
 * of the caller's jurisdiction. Money in fen; a null figure has no source on the platform (「—」).
 */
export interface StatisticsRow {
  key: 'total' | 'construction' | 'manufacturing' | 'training' | 'other';
  label: Bilingual;
  figures: Figures;
}

export interface ProjectFigures {
  checkedProjects: number;
  arrearsProjects: number;
  arrearsFen: number;
  arrearsWorkers: number;
}

export interface Statistics {
  regionCode: string;
  regionName: string;
  reportingUnit: string;
  from: string;
  to: string;
  campaign: string | null;
  preparedBy: string;
  preparedOn: string;
  rows: StatisticsRow[];
  other: { projects: Record<'government' | 'ppp' | 'soe', ProjectFigures>; publishedViolators: number | null; blacklisted: number | null };
  empty: boolean;
}

const params = (q: StatsQuery) => ({ from: q.from, to: q.to, regionCode: q.regionCode, campaign: q.campaign });

export const statisticsQuery = (q: StatsQuery) =>
  queryOptions({ queryKey: ['cases', 'statistics', { from: q.from, to: q.to, regionCode: q.regionCode }], queryFn: () => api.get<Statistics>('/api/cases/statistics', { from: q.from, to: q.to, regionCode: q.regionCode }) });

export const useStatistics = (q: StatsQuery) => useQuery({ ...statisticsQuery(q), placeholderData: keepPreviousData });

/** The official sheet, saved under the server's file name. */
export const exportStatistics = (q: StatsQuery) => downloadFile('/api/cases/statistics.xlsx', params(q), '根治欠薪专项行动情况.xlsx');
