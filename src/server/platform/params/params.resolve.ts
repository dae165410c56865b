import type { ParamDef, ParamOverride } from './params.types';

export type ParamSource = 'default' | { regionCode: string; effectiveFrom: string };

/**
 * The value in force for a region on a date: among overrides already effective, the one set at the
 * nearest region up the tree; at the same region the latest effective date, then the latest entry.
 * A parameter the law fixes nationally always has its default.
 */
export function resolveParamValue(def: ParamDef, overrides: ParamOverride[], regionAncestry: string[], onDate: string): { value: unknown; source: ParamSource } {
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
  return best ? { value: best.o.value, source: { regionCode: best.o.regionCode, effectiveFrom: best.o.effectiveFrom } } : { value: def.default, source: 'default' };
}
