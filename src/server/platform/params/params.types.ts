import type { Bilingual } from '../errors';

/**
 * How a parameter's value is read. `money_fen` is integer fen; `ratio` a fraction in [0, 1];
 * `duration_wd` working days (counted with ../calendar); the other durations are whole units.
 */
export type ParamType =
  | 'integer'
  | 'number'
  | 'boolean'
  | 'string'
  | 'enum'
  | 'enum_set'
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
  /** The allowed values of an `enum`, or the members an `enum_set` may hold. */
  options?: readonly string[];
  /** `zh`/`en`: the law and article; `source`: where RULES.md (or SECURITY.md) states it. */
  citation: { zh: string; en?: string; source: string };
  /** RULES.md's "Prov?" column: a region may override the national default. */
  regionOverridable: boolean;
  /** The † of RULES.md: the best available reading, to be confirmed with the customer province. */
  unverified?: boolean;
}

/** A region's own value for a parameter from a date on. */
export interface ParamOverride {
  regionCode: string;
  value: unknown;
  /** 'YYYY-MM-DD', a civil date in Asia/Shanghai. */
  effectiveFrom: string;
  /** ISO-8601 UTC timestamp of the entry; breaks ties between entries with the same effective date. */
  createdAt: string;
}

export type ParamSource = 'default' | { regionCode: string; effectiveFrom: string };

export interface ResolvedParam {
  value: unknown;
  source: ParamSource;
}

export type ParamCheck = { ok: true; value: unknown } | { ok: false; reason: Bilingual };
