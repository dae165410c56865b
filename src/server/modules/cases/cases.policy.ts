import { type Actor, can } from '../../platform/access/actor';
import { actionsFrom, type CaseAction, type CaseStatus } from './cases.rules';

export interface CaseForPolicy {
  status: CaseStatus;
  /** Region path of the unit handling it now, and of the unit that received it (首问). */
  handlingUnitPath: string | null;
  accountableUnitPath: string | null;
  extended: boolean;
}

/** The inspection's legal acts, for labour inspection (the wage office) only. */
const ENFORCEMENT: readonly CaseAction[] = ['refuse', 'file', 'extend', 'order', 'enforce', 'transfer_police'];

const within = (actor: Actor, path: string | null) => actor.scope.kind === 'region' && path !== null && path.startsWith(actor.scope.regionPath);

/**
 * An official moves a case when the unit handling it sits in their region or below (a superior may
 * take over); before acceptance, the first receiver's officials may also hand it on (首问负责).
 * Scope itself is checked in the repository.
 */
export function allowedActions(actor: Actor, c: CaseForPolicy): CaseAction[] {
  if (actor.kind === 'system') return actionsFrom(c.status);
  const handling = within(actor, c.handlingUnitPath) || (c.handlingUnitPath === null && actor.scope.kind === 'region');
  return actionsFrom(c.status).filter((a) => {
    if (a === 'extend' && c.extended) return false;
    if (a === 'transfer') return can(actor, 'cases.handle') && (handling || within(actor, c.accountableUnitPath));
    if (!handling) return false;
    return can(actor, ENFORCEMENT.includes(a) ? 'cases.enforce' : 'cases.handle');
  });
}

/** Recording findings, payments, the checklist and call-backs: the handling unit's officials, while the case is open. */
export const mayWork = (actor: Actor, c: CaseForPolicy) =>
  c.status !== 'closed' && can(actor, 'cases.handle') && (actor.kind === 'system' || within(actor, c.handlingUnitPath) || c.handlingUnitPath === null);

export const maySupervise = (actor: Actor, c: CaseForPolicy) => c.status !== 'closed' && can(actor, 'cases.supervise');

/** Reading a complainant's or worker's full number: the handling unit's officials (or above), open or closed. */
export const mayReadContacts = (actor: Actor, c: CaseForPolicy) => can(actor, 'cases.handle') && (actor.kind === 'system' || within(actor, c.handlingUnitPath));

/**
 * Deciding a penalty or additional compensation (PEN-01…06): labour inspection's officials
 * (cases.enforce) of the handling unit or above, while the case is open; the stage is the law's
 * (cases.decisions.ts).
 */
export const mayDecide = (actor: Actor, c: CaseForPolicy) =>
  c.status !== 'closed' && can(actor, 'cases.enforce') && (actor.kind === 'system' || within(actor, c.handlingUnitPath) || (c.handlingUnitPath === null && actor.scope.kind === 'region'));

/** Making a document's Word file again: the handling unit's officials (or above), open or closed. */
export const mayRenderDocuments = (actor: Actor, c: CaseForPolicy) => can(actor, 'cases.handle') && (actor.kind === 'system' || within(actor, c.handlingUnitPath) || c.handlingUnitPath === null);
