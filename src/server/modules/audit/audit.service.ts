import path from 'node:path';
import type { Platform } from '../../platform/context';
import type { Ctx } from '../../platform/context';
import { readAnchors, verifyAuditChain, writeAnchor } from '../../platform/audit/verify';
import type { Page } from '../../db/paging';
import type { AuditRow } from '../../platform/audit/audit';
import * as repo from './audit.repo';

export const anchorFile = (platform: Pick<Platform, 'dataDir'>) => path.join(platform.dataDir, 'audit-anchors.jsonl');

export async function listAudit(
  ctx: Ctx,
  query: { actorName?: string; action?: string; objectType?: string; objectId?: string; result?: string; from?: string; to?: string; page: number; pageSize: number },
): Promise<Page<AuditRow>> {
  const filter = { ...query, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined };
  return repo.listAudit(ctx.db, ctx.actor, filter, query);
}

/** Recomputes the whole chain and checks it against the external anchors. */
export function verifyChain(platform: Platform) {
  return verifyAuditChain(platform.db, platform.chainMac, readAnchors(anchorFile(platform)));
}

/** The nightly job: verify, and when the chain is intact, anchor its head outside the database. */
export async function verifyAndAnchor(platform: Platform) {
  const report = await verifyChain(platform);
  const anchor = report.ok ? await writeAnchor(platform.db, anchorFile(platform), platform.clock.now()) : null;
  return { report, anchor };
}
