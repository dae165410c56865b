import type { DbOrTx } from '../../db/client';
import { selectPage } from '../../db/paging';
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
  limit: number;
  offset: number;
}

/** Records of the actor's subtree, plus platform-wide records that belong to no region. */
export async function listAudit(db: DbOrTx, actor: Actor, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const params: unknown[] = [];
  const where = [`(${scopeCondition(actor, { regionPath: 'a.region_path' }, params)} OR a.region_path IS NULL)`];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.actorName) add((p) => `a.actor_name = ${p}`, f.actorName);
  if (f.action) add((p) => `a.action LIKE ${p}`, `${f.action}%`);
  if (f.objectType) add((p) => `a.object_type = ${p}`, f.objectType);
  if (f.objectId) add((p) => `a.object_id = ${p}`, f.objectId);
  if (f.result) add((p) => `a.result = ${p}`, f.result);
  if (f.from) add((p) => `a.at >= ${p}`, f.from);
  if (f.to) add((p) => `a.at < ${p}`, f.to);
  const condition = where.join(' AND ');
  return selectPage<AuditRow>(db, {
    sql: `SELECT a.*, count(*) OVER () AS total_count FROM audit_log a WHERE ${condition} ORDER BY a.seq DESC`,
    countSql: `SELECT count(*)::int AS n FROM audit_log a WHERE ${condition}`,
    params,
    limit: f.limit,
    offset: f.offset,
  });
}
