import { type Actor, can } from '../../platform/access/actor';

/** What the actor may do with a record they can already see; returned to the UI so buttons follow the rules. */
export type OrgAction = 'update' | 'reveal' | 'delete';

export function enterpriseActions(actor: Actor): OrgAction[] {
  const actions: OrgAction[] = [];
  if (can(actor, 'orgs.write') && actor.scope.kind !== 'enterprise') actions.push('update');
  if (can(actor, 'pii.view_full')) actions.push('reveal');
  return actions;
}

export function govUnitActions(actor: Actor): OrgAction[] {
  return can(actor, 'orgs.write') ? ['update', 'delete'] : [];
}

export function bankActions(actor: Actor): OrgAction[] {
  return actor.kind === 'system' || actor.role === 'system_admin' ? ['update'] : [];
}
