import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/*
 * GET /api/attendance/real-name-rates. The route declares its response inline, so the shape is
 * written out here, field for field. Rates are fractions (0..1), or null when there is nothing to
 * divide by (nobody clocked on site; no working day in the period).
 */
export interface ProjectRates {
  projectId: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  /** the project status key (PROJECT_STATUSES) */
  status: string;
  projectManagerDays: number;
  projectManagerRate: number | null;
  chiefSupervisorDays: number;
  chiefSupervisorRate: number | null;
  onSite: number;
  registered: number;
  realNameRate: number | null;
  gateViolations: number;
}

export interface RegionRates {
  from: string;
  to: string;
  workingDays: number;
  total: { projects: number; onSite: number; registered: number; realNameRate: number | null; gateViolations: number };
  projects: ProjectRates[];
}

export interface RegionRatesQuery {
  /** A region inside the caller's jurisdiction; absent = the whole jurisdiction. */
  regionCode?: string;
  from: string;
  to: string;
}

export const regionRatesQuery = (query: RegionRatesQuery) =>
  queryOptions({
    queryKey: ['attendance', 'region-rates', query],
    queryFn: () => api.get<RegionRates>('/api/attendance/real-name-rates', { ...query }),
  });

/** The rates of the caller's jurisdiction (or a region in it) for a period; the previous answer stays on screen while another loads. */
export const useRegionRates = (query: RegionRatesQuery) => useQuery({ ...regionRatesQuery(query), placeholderData: keepPreviousData });
