import { regionInScope } from '../../platform/access/scope-sql';
import { systemActor } from '../../platform/access/actor';
import { type Ctx, type Platform, audit, contextFor } from '../../platform/context';
import { AppError, invalidFields, notFound } from '../../platform/errors';
import type { Page } from '../../db/paging';
import type { DbOrTx } from '../../db/client';
import * as repo from './regions.repo';
import { isValidRegionCode, parentRegionCode, regionLevel } from './regions.rules';

export const regionPath = (parentPath: string | null, code: string) => `${parentPath ?? ''}${code}/`;

export async function listRegions(
  ctx: Ctx,
  query: { parentCode?: string; level?: number; q?: string; page: number; pageSize: number },
): Promise<Page<repo.RegionRow>> {
  return repo.listRegions(ctx.db, ctx.actor, query, query);
}

export const scopeRoots = (ctx: Ctx) => repo.scopeRoots(ctx.db, ctx.actor);

export async function getRegion(ctx: Ctx, code: string) {
  const region = await repo.findRegionInScope(ctx.db, ctx.actor, code);
  if (!region) throw notFound();
  return region;
}

/**
 * Adds a region under an existing parent in the actor's subtree. The code must be well formed
 * and structurally belong to the parent (GB/T 2260: the parent's code is its prefix).
 */
export async function createRegion(ctx: Ctx, input: { code: string; name: string; parentCode: string }) {
  const level = regionLevel(input.code);
  if (!isValidRegionCode(input.code) || level === null || level === 1) {
    throw invalidFields([{ field: 'code', message: { zh: '区划代码格式不正确（6、9或12位数字）', en: 'Malformed region code (6, 9 or 12 digits)' } }]);
  }
  if (parentRegionCode(input.code) !== input.parentCode) {
    throw invalidFields([{ field: 'parentCode', message: { zh: '区划代码与上级区划不一致', en: 'The code does not belong under this parent' } }]);
  }
  return ctx.db.tx(async (tx) => {
    const parent = await repo.findRegion(tx, input.parentCode);
    if (!parent || !regionInScope(ctx.actor, parent.path)) throw notFound();
    if (parent.level + 1 !== level) {
      throw invalidFields([{ field: 'code', message: { zh: '区划层级与上级不衔接', en: 'The level does not follow the parent' } }]);
    }
    if (await repo.findRegion(tx, input.code)) {
      throw invalidFields([{ field: 'code', message: { zh: '区划代码已存在', en: 'Region code already exists' } }]);
    }
    if (await repo.siblingNameTaken(tx, parent.code, input.name)) {
      throw invalidFields([{ field: 'name', message: { zh: '同一上级下已有同名区划', en: 'A sibling region has this name' } }]);
    }
    const path = regionPath(parent.path, input.code);
    await repo.insertRegion(tx, { code: input.code, name: input.name, level, parentCode: parent.code, path, now: ctx.clock.now() });
    const created = (await repo.findRegion(tx, input.code))!;
    await audit(tx, ctx, { action: 'region.create', objectType: 'region', objectId: input.code, after: { name: input.name, level }, regionPath: path });
    return created;
  });
}

export async function renameRegion(ctx: Ctx, code: string, input: { name: string; version: number }) {
  return ctx.db.tx(async (tx) => {
    const before = await repo.findRegionInScope(tx, ctx.actor, code);
    if (!before) throw notFound();
    if (await repo.siblingNameTaken(tx, before.parent_code, input.name, code)) {
      throw invalidFields([{ field: 'name', message: { zh: '同一上级下已有同名区划', en: 'A sibling region has this name' } }]);
    }
    if (!(await repo.renameRegion(tx, code, input.version, input.name, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, { action: 'region.update', objectType: 'region', objectId: code, before: { name: before.name }, after: { name: input.name }, regionPath: before.path });
    return (await repo.findRegion(tx, code))!;
  });
}

/** Bootstrap (CLI): the top region of a deployment, when the tree is still empty. */
export async function createRootRegion(platform: Platform, code: string, name: string) {
  if (!isValidRegionCode(code) || regionLevel(code) !== 1) {
    throw new AppError('VALIDATION_FAILED', { detail: { zh: '根区划须为省级代码（如 450000）', en: 'The root region must be a province-level code such as 450000' } });
  }
  const ctx = contextFor(platform, systemActor('cli'));
  await platform.db.tx(async (tx) => {
    if (await repo.findRegion(tx, code)) return;
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
    if (rows[0].n > 0) throw new AppError('BUSINESS_RULE', { detail: { zh: '区划树已存在，请在其中选择区划', en: 'The region tree exists; pick a region in it' } });
    const path = regionPath(null, code);
    await repo.insertRegion(tx, { code, name, level: 1, parentCode: null, path, now: platform.clock.now() });
    await audit(tx, ctx, { action: 'region.create', objectType: 'region', objectId: code, after: { name, level: 1 }, regionPath: path });
  });
}

/**
 * The path prefix for a "within this region" list filter. An unknown region matches nothing (a
 * prefix no path has) rather than answering with an error that would tell whether the code exists;
 * the actor's own scope still applies on top in the repository.
 */
export async function regionFilterPath(db: DbOrTx, regionCode: string | undefined): Promise<string | undefined> {
  if (!regionCode) return undefined;
  return (await repo.findRegion(db, regionCode))?.path ?? '\u0000';
}
