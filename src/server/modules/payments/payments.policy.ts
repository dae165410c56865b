import { type Actor, can } from '../../platform/access/actor';
import { actsForGeneralContractor } from '../projects';

/**
 * Who records what on a project's payments, the project being already found in the actor's scope.
 * Officials with `payments.write` (wage office, industry departments) may act for either party.
 * Of the companies: the general contractor reports the completed value, the owner confirms it and
 * records its payments and the retention it holds; a settlement is signed by both, so either may
 * record it. A subcontractor on the project records nothing here.
 */
export interface PaymentParties {
  ownerId: string;
  generalContractorId: string;
}

const official = (actor: Actor) => actor.scope.kind !== 'enterprise';
const isOwner = (actor: Actor, p: PaymentParties) => actor.scope.kind === 'enterprise' && actor.scope.enterpriseId === p.ownerId;

export const mayRecordCompletedValue = (actor: Actor, p: PaymentParties) => can(actor, 'payments.write') && actsForGeneralContractor(actor, p.generalContractorId);

export const mayActForOwner = (actor: Actor, p: PaymentParties) => can(actor, 'payments.write') && (official(actor) || isOwner(actor, p));

export const maySettle = (actor: Actor, p: PaymentParties) => mayRecordCompletedValue(actor, p) || mayActForOwner(actor, p);

export type PaymentAction = 'completed_value' | 'confirm' | 'payment' | 'retention' | 'settlement';

/** For the UI, so buttons never re-derive the rules. */
export function allowedActions(actor: Actor, p: PaymentParties): PaymentAction[] {
  const actions: PaymentAction[] = [];
  if (mayRecordCompletedValue(actor, p)) actions.push('completed_value');
  if (mayActForOwner(actor, p)) actions.push('confirm', 'payment', 'retention');
  if (maySettle(actor, p)) actions.push('settlement');
  return actions;
}
