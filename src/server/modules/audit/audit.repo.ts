import type { DbOrTx } from '../../db/client';
import { type Page, type PageRequest, selectPage } from '../../db/paging';
import { Where } from '../../db/where';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';
import type { AuditRow } from '../../platform/audit/audit';

export interface AuditFilter {
  actorName?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: string;
  from?: Date;
  to?: Date;
}

/** Records of the actor's subtree, plus platform-wide records that belong to no region. */
export async function listAudit(db: DbOrTx, actor: Actor, f: AuditFilter, page: PageRequest): Promise<Page<AuditRow>> {
  const where = new Where();
  where
    .and(`(${scopeCondition(actor, { regionPath: 'a.region_path' }, where.params)} OR a.region_path IS NULL)`)
    .when(f.actorName, (p) => `a.actor_name = ${p}`)
    .when(f.action && `${f.action}%`, (p) => `a.action LIKE ${p}`)
    .when(f.objectType, (p) => `a.object_type = ${p}`)
    .when(f.objectId, (p) => `a.object_id = ${p}`)
    .when(f.result, (p) => `a.result = ${p}`)
    .when(f.from, (p) => `a.at >= ${p}`)
    .when(f.to, (p) => `a.at < ${p}`);
  return selectPage<AuditRow>(db, page, {
    sql: `SELECT a.*, count(*) OVER () AS total_count FROM audit_log a WHERE ${where} ORDER BY a.seq DESC`,
    countSql: `SELECT count(*)::int AS n FROM audit_log a WHERE ${where}`,
    params: where.params,
  });
}
