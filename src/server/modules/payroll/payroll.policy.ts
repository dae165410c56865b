import { type Actor, can } from '../../platform/access/actor';

/**
 * Who does what with a payroll. The employer (a subcontractor, or the general contractor for its
 * own people) prepares it; the general contractor may prepare it for a subcontractor too, since it
 * answers for the wages (LIA-01). Only the general contractor reviews, approves and pays it from
 * the wage account (PAY-07, PAY-08). Officials read; they do not run a company's payroll.
 */
const enterpriseOf = (actor: Actor) => (actor.scope.kind === 'enterprise' ? actor.scope.enterpriseId : null);

export function mayPrepare(actor: Actor, p: { employerId: string; generalContractorId: string }): boolean {
  if (!can(actor, 'payroll.write')) return false;
  if (actor.scope.kind === 'all') return true;
  const own = enterpriseOf(actor);
  return own !== null && (own === p.employerId || own === p.generalContractorId);
}

export function mayApprove(actor: Actor, p: { generalContractorId: string }): boolean {
  if (!can(actor, 'payroll.approve')) return false;
  return actor.scope.kind === 'all' || enterpriseOf(actor) === p.generalContractorId;
}

export type PayrollAction = 'edit' | 'confirm' | 'override' | 'approve' | 'submit' | 'resend' | 'correct';

/** The actions the caller may take on a payroll in its state, returned to the UI so buttons never re-derive the rules. */
export function allowedActions(actor: Actor, p: { status: string; employerId: string; generalContractorId: string; pendingPayouts: number }): PayrollAction[] {
  const prepare = mayPrepare(actor, p);
  const approve = mayApprove(actor, p);
  const actions: PayrollAction[] = [];
  if (p.status === 'draft') {
    if (prepare) actions.push('edit', 'confirm');
    if (approve) actions.push('override', 'approve');
  }
  if (p.status === 'approved' && approve) actions.push('submit');
  if (p.status === 'partially_paid' && approve) actions.push('resend');
  if (['approved', 'paid', 'partially_paid'].includes(p.status) && p.pendingPayouts === 0 && prepare) actions.push('correct');
  return actions;
}
