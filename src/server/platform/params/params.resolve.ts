import type { ParamDef, ParamOverride, ResolvedParam } from './params.types';

/**
 * The value in force for a region on a date. Among the overrides already effective on `onDate`, the
 * one set at the nearest region up the tree wins (`regionAncestry` runs from the root to the region
 * itself); at the same region, the latest effective date, then the latest entry. Overrides at
 * regions outside the ancestry do not apply. A parameter the law fixes nationally always has its
 * default. Dates compare as 'YYYY-MM-DD' strings and `createdAt` as ISO-8601 UTC strings.
 */
export function resolveParamValue(def: ParamDef, overrides: readonly ParamOverride[], regionAncestry: readonly string[], onDate: string): ResolvedParam {
  if (!def.regionOverridable) return { value: def.default, source: 'default' };
  let best: { depth: number; o: ParamOverride } | undefined;
  for (const o of overrides) {
    const depth = regionAncestry.indexOf(o.regionCode);
    if (depth < 0 || o.effectiveFrom > onDate) continue;
    const better =
      !best ||
      depth > best.depth ||
      (depth === best.depth && (o.effectiveFrom > best.o.effectiveFrom || (o.effectiveFrom === best.o.effectiveFrom && o.createdAt > best.o.createdAt)));
    if (better) best = { depth, o };
  }
  if (!best) return { value: def.default, source: 'default' };
  return { value: best.o.value, source: { regionCode: best.o.regionCode, effectiveFrom: best.o.effectiveFrom } };
}
