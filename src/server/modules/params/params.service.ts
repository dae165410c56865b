import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../../db/client';
import { regionInScope } from '../../platform/access/scope-sql';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, invalidFields, notFound } from '../../platform/errors';
import { getParamDef, listParamDefs, validateParamValue } from '../../platform/params/params.registry';
import { resolveParamValue } from '../../platform/params/params.resolve';
import type { ParamDef } from '../../platform/params/params.types';
import { ancestorCodes, findRegion } from '../regions';
import * as repo from './params.repo';

// Every module's parameters are declared by importing its catalogue once.
import '../../platform/params/params.catalog';

const chain = (regionCode: string) => [...ancestorCodes(regionCode), regionCode];

const toOverride = (o: repo.OverrideRow) => ({
  regionCode: o.region_code,
  value: o.value,
  effectiveFrom: o.effective_from,
  createdAt: o.created_at.toISOString(),
});

/**
 * The value of a legal parameter for a region on a date: the nearest override up the region tree
 * that is in effect, else the default. Other modules call this for every deadline and threshold.
 */
export async function getParamValue<T = unknown>(db: DbOrTx, paramId: string, regionCode: string, onDate: string): Promise<T> {
  const def = getParamDef(paramId);
  if (!def) throw new Error(`unknown rule parameter ${paramId}`);
  const regions = chain(regionCode);
  const overrides = def.regionOverridable ? await repo.overridesOnRegions(db, regions, paramId) : [];
  return resolveParamValue(def, overrides.map(toOverride), regions, onDate).value as T;
}

/** Several parameters' values for one region on a date, from one read of the overrides. */
export async function getParamValues(db: DbOrTx, paramIds: readonly string[], regionCode: string, onDate: string): Promise<Record<string, unknown>> {
  return (await getParamValuesAt(db, paramIds, [{ regionCode, onDate }])).get(`${regionCode}|${onDate}`)!;
}

/** The same for several places and dates at once, keyed `regionCode|onDate`: one read of the overrides of all their regions. */
export async function getParamValuesAt(
  db: DbOrTx,
  paramIds: readonly string[],
  places: readonly { regionCode: string; onDate: string }[],
): Promise<Map<string, Record<string, unknown>>> {
  const defs = paramIds.map((id) => {
    const def = getParamDef(id);
    if (!def) throw new Error(`unknown rule parameter ${id}`);
    return def;
  });
  const chains = new Map(places.map((p) => [p.regionCode, chain(p.regionCode)]));
  const overrides = defs.some((d) => d.regionOverridable) ? await repo.overridesOnRegions(db, [...new Set([...chains.values()].flat())]) : [];
  const byParam = new Map(defs.map((d) => [d.id, d.regionOverridable ? overrides.filter((o) => o.param_id === d.id).map(toOverride) : []]));
  const values = new Map<string, Record<string, unknown>>();
  for (const { regionCode, onDate } of places) {
    const key = `${regionCode}|${onDate}`;
    if (values.has(key)) continue;
    const regions = chains.get(regionCode)!;
    // An override of another place's region is no ancestor of this one: resolve skips it.
    values.set(key, Object.fromEntries(defs.map((d) => [d.id, resolveParamValue(d, byParam.get(d.id)!, regions, onDate).value])));
  }
  return values;
}

/** A parameter snapshot for set-based SQL (`scan_param`): each id's default and the overrides in effect by region path. */
export type ParamSnapshot = Record<string, { default: unknown; overrides: { path: string; value: unknown }[] }>;

export async function paramSnapshot(db: DbOrTx, paramIds: readonly string[], onDate: string): Promise<ParamSnapshot> {
  const snapshot: ParamSnapshot = {};
  for (const id of paramIds) {
    const def = getParamDef(id);
    if (!def) throw new Error(`unknown rule parameter ${id}`);
    snapshot[id] = { default: def.default, overrides: [] };
  }
  const overridable = paramIds.filter((id) => getParamDef(id)!.regionOverridable);
  for (const o of await repo.overridesInEffect(db, overridable, onDate)) snapshot[o.param_id].overrides.push({ path: o.path, value: o.value });
  return snapshot;
}

/**
 * A snapshot for set-based SQL about one region only: each parameter's value there as the default,
 * with no overrides. Cheaper than `paramSnapshot` when the values are already read, and equivalent
 * for rows of that region (`scan_param` falls back to the default).
 */
export function snapshotOfValues(values: Record<string, unknown>, paramIds: readonly string[]): ParamSnapshot {
  return Object.fromEntries(paramIds.map((id) => [id, { default: values[id], overrides: [] }]));
}

function actorRegion(ctx: Ctx, regionCode?: string): string {
  if (regionCode) return regionCode;
  if (ctx.actor.scope.kind === 'region') return ctx.actor.scope.regionCode;
  throw new AppError('BUSINESS_RULE', { detail: { zh: '请指定区划', en: 'Choose a region' } });
}

async function regionInActorScope(ctx: Ctx, db: DbOrTx, code: string) {
  const region = await findRegion(db, code);
  if (!region || !regionInScope(ctx.actor, region.path)) throw notFound();
  return region;
}

/** Every parameter with its effective value for one region (the actor's by default) on a date. */
export async function listParams(ctx: Ctx, query: { regionCode?: string; onDate?: string; module?: string }) {
  const region = await regionInActorScope(ctx, ctx.db, actorRegion(ctx, query.regionCode));
  const onDate = query.onDate ?? shanghaiDate(ctx.clock.now());
  const regions = chain(region.code);
  const overrides = await repo.overridesOnRegions(ctx.db, regions);
  const byParam = new Map<string, repo.OverrideRow[]>();
  for (const o of overrides) byParam.set(o.param_id, [...(byParam.get(o.param_id) ?? []), o]);
  const defs = listParamDefs().filter((d) => !query.module || d.module === query.module);
  return {
    regionCode: region.code,
    regionName: region.name,
    onDate,
    items: defs.map((def) => {
      const resolved = resolveParamValue(def, (byParam.get(def.id) ?? []).map(toOverride), regions, onDate);
      return { def, value: resolved.value, source: resolved.source };
    }),
  };
}

export async function getParamHistory(ctx: Ctx, paramId: string, regionCode?: string) {
  const def = getParamDef(paramId);
  if (!def) throw notFound();
  const region = await regionInActorScope(ctx, ctx.db, actorRegion(ctx, regionCode));
  // What governs this region (its ancestry) and what its own subtree has set.
  const inherited = await repo.overridesOnRegions(ctx.db, ancestorCodes(region.code), paramId);
  const local = await repo.overridesInSubtree(ctx.db, region.path, paramId);
  return { def, overrides: [...inherited, ...local] };
}

/**
 * A region's own value for a parameter from a date on, with the reason. Only parameters the law
 * lets a region set (RULES.md "Prov?") accept overrides; the change is audited.
 */
export async function setParamOverride(
  ctx: Ctx,
  paramId: string,
  input: { regionCode: string; value: unknown; effectiveFrom: string; reason: string },
) {
  const def = getParamDef(paramId);
  if (!def) throw notFound();
  if (!def.regionOverridable) {
    throw new AppError('BUSINESS_RULE', { detail: { zh: '该参数为全国统一规定，不能按地区调整', en: 'This parameter is national and cannot be set per region' } });
  }
  const checked = validateParamValue(def, input.value);
  if (!checked.ok) throw invalidFields([{ field: 'value', message: checked.reason }]);
  return ctx.db.tx(async (tx) => {
    const region = await regionInActorScope(ctx, tx, input.regionCode);
    const before = await getParamValue(tx, paramId, region.code, input.effectiveFrom);
    const id = uuidv7();
    await repo.insertOverride(tx, {
      id,
      paramId,
      regionCode: region.code,
      value: checked.value,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      createdBy: ctx.actor.id,
      now: ctx.clock.now(),
    });
    await audit(tx, ctx, {
      action: 'param.override',
      objectType: 'rule_param',
      objectId: paramId,
      before: { value: before },
      after: { value: checked.value, regionCode: region.code, effectiveFrom: input.effectiveFrom },
      reason: input.reason,
      regionPath: region.path,
    });
    return { id, def: def as ParamDef };
  });
}
