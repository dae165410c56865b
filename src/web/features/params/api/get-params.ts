import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ParamType } from '../../../../server/platform/params/params.types';
import { api } from '../../../lib/api-client';

/** A legal parameter as the params routes present it (their ParamDef schema). */
export interface ParamDef {
  id: string;
  module: string;
  name: { zh: string; en: string };
  type: ParamType;
  unit: { zh: string; en: string } | null;
  default: unknown;
  min: number | null;
  max: number | null;
  options: string[] | null;
  citation: { zh: string; en: string | null; source: string };
  regionOverridable: boolean;
  unverified: boolean;
}

export type ParamSource = 'default' | { regionCode: string; effectiveFrom: string };

export interface ParamItem {
  def: ParamDef;
  value: unknown;
  source: ParamSource;
}

export interface ParamsView {
  regionCode: string;
  regionName: string;
  onDate: string;
  items: ParamItem[];
}

export interface ParamsQuery {
  regionCode?: string;
  onDate?: string;
  module?: string;
}

export const paramsQuery = (query: ParamsQuery) => queryOptions({ queryKey: ['params', 'list', query], queryFn: () => api.get<ParamsView>('/api/params', { ...query }) });

export const useRuleParams = (query: ParamsQuery) => useQuery({ ...paramsQuery(query), placeholderData: keepPreviousData });
