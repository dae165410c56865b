import { type Actor, can } from '../../platform/access/actor';
import { transition, type WarningStatus } from './warnings.rules';

export type WarningActionName = 'acknowledge' | 'dispose' | 'respond' | 'verify' | 'reject' | 'dispatch' | 'decide';

export interface WarningForPolicy {
  status: WarningStatus;
  /** Region path of the unit handling it now (null while undispatched). */
  handlingUnitPath: string | null;
  /** Who recorded the latest disposal: the verifier must be someone else (four eyes). */
  disposedBy: string | null;
  hasPendingProposals: boolean;
}

/**
 * An official acts on a warning when the unit handling it sits in their region (or below it: a
 * superior may take over); only the wage office dispatches one no unit could be found for. A
 * company answers the warnings on its projects. Scope itself is checked in the repository.
 */
function atHandlingUnit(actor: Actor, w: WarningForPolicy): boolean {
  if (actor.kind === 'system') return true;
  if (actor.scope.kind !== 'region' || !w.handlingUnitPath) return false;
  return w.handlingUnitPath.startsWith(actor.scope.regionPath);
}

export function allowedActions(actor: Actor, w: WarningForPolicy): WarningActionName[] {
  const out: WarningActionName[] = [];
  if (can(actor, 'warnings.handle') && atHandlingUnit(actor, w)) {
    if (transition('acknowledge', w.status)) out.push('acknowledge');
    if (transition('dispose', w.status)) out.push('dispose');
  }
  if (can(actor, 'warnings.verify') && transition('verify', w.status) && w.disposedBy !== actor.name && (atHandlingUnit(actor, w) || actor.kind === 'system')) {
    out.push('verify', 'reject');
  }
  if (can(actor, 'warnings.decide') && w.hasPendingProposals && (atHandlingUnit(actor, w) || !w.handlingUnitPath)) out.push('decide');
  if (can(actor, 'warnings.decide') && ['generated', 'dispatched', 'acknowledged'].includes(w.status)) out.push('dispatch');
  if (can(actor, 'warnings.respond') && actor.scope.kind === 'enterprise' && ['dispatched', 'acknowledged', 'disposed', 'generated'].includes(w.status)) out.push('respond');
  return out;
}
