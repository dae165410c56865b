import type { Bilingual } from '../errors';

export type ParamType =
  | 'integer'
  | 'number'
  | 'boolean'
  | 'string'
  | 'enum'
  | 'money_fen'
  | 'ratio'
  | 'duration_wd'
  | 'duration_days'
  | 'duration_months'
  | 'duration_years';

/** A legal parameter: the number the law gives, where it comes from, and whether a region may set its own. */
export interface ParamDef {
  /** Rule id from RULES.md, `<RULE>.<name>` when a rule has several parameters (e.g. `CASE-03.investigateWD`). */
  id: string;
  module: string;
  name: Bilingual;
  type: ParamType;
  unit?: Bilingual;
  default: unknown;
  min?: number;
  max?: number;
  options?: readonly string[];
  citation: { zh: string; en?: string; source: string };
  /** RULES.md's "Prov?" column: a region may override the national default. */
  regionOverridable: boolean;
  /** The † of RULES.md: the best available reading, to be confirmed with the customer province. */
  unverified?: boolean;
}

export interface ParamOverride {
  regionCode: string;
  value: unknown;
  effectiveFrom: string;
  createdAt: string;
}
