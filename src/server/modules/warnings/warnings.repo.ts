import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';
import { Where } from '../../db/where';

export const OPEN_SQL = `('generated', 'dispatched', 'acknowledged', 'disposed')`;

/** Officials see the warnings of their region subtree (and industry); a company those on its projects and about itself. */
export const warningScope = (actor: Actor, params: unknown[]) =>
  scopeCondition(actor, { regionPath: 'w.region_path', industry: 'w.industry', enterpriseIds: 'w.party_ids' }, params);

export interface NotifyTarget {
  id: string;
  rule_code: string;
  subject_name: string;
  handling_unit_id: string | null;
  industry: string | null;
  general_contractor_id: string | null;
  enterprise_id: string | null;
}

export async function notifyTargets(db: DbOrTx, ids: string[]): Promise<NotifyTarget[]> {
  const { rows } = await db.query<NotifyTarget>(
    `SELECT w.id, w.rule_code, coalesce(p.name, e.name) AS subject_name, w.handling_unit_id, w.industry,
            p.general_contractor_id, w.enterprise_id
       FROM warnings w LEFT JOIN projects p ON p.id = w.project_id LEFT JOIN enterprises e ON e.id = w.enterprise_id
      WHERE w.id = ANY ($1::uuid[])`,
    [ids],
  );
  return rows;
}

export { Where };
