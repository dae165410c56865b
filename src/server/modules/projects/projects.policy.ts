import { type Actor, can } from '../../platform/access/actor';
import type { ProjectRow } from './projects.repo';

/** Who may change a project they can see: officials with the permission; of the companies, only the owner and the general contractor. */
export function mayWriteProject(actor: Actor, row: Pick<ProjectRow, 'owner_id' | 'general_contractor_id'>): boolean {
  if (!can(actor, 'projects.write')) return false;
  if (actor.scope.kind === 'enterprise') return [row.owner_id, row.general_contractor_id].includes(actor.scope.enterpriseId);
  return actor.scope.kind === 'region' || actor.scope.kind === 'all';
}

/**
 * The general contractor answers for a project's attendance, wage account and national upload;
 * officials over the project may act for it. Another company on the project may not. The caller
 * has already found the project in the actor's scope and checks the permission itself.
 */
export const actsForGeneralContractor = (actor: Actor, generalContractorId: string): boolean =>
  actor.scope.kind !== 'enterprise' || actor.scope.enterpriseId === generalContractorId;
