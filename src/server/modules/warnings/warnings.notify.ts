import type { Ctx } from '../../platform/context';
import { type NotificationRequest, notifyResponsible } from '../notify';
import { ruleOf } from './rules';
import * as repo from './warnings.repo';

const requestsFor = (rows: repo.NotifyTarget[], kind: 'warning.red' | 'warning.overdue'): NotificationRequest[] =>
  rows.map((w) => {
    const rule = ruleOf(w.rule_code);
    const [zh, en] = kind === 'warning.red' ? ['【红色预警】', '[Red warning] '] : ['【预警逾期督办】', '[Overdue warning] '];
    return {
      refId: w.id,
      kind,
      titleZh: `${zh}${rule?.name.zh ?? w.rule_code}：${w.subject_name}`,
      titleEn: `${en}${rule?.name.en ?? w.rule_code}: ${w.subject_name}`,
      link: `/warnings/${w.id}`,
      unitId: w.handling_unit_id,
      industry: w.industry,
      // Red goes to the next level up as well (督办), and to the general contractor.
      alsoUpOne: kind === 'warning.red',
      enterpriseIds: w.general_contractor_id ? [w.general_contractor_id] : w.enterprise_id ? [w.enterprise_id] : [],
    };
  });

/** New and newly red warnings: the handling unit, the wage office above it and the general contractor are told. */
export async function notifyRaisedRed(ctx: Ctx, warningIds: string[]) {
  const rows = await repo.notifyTargets(ctx.db, warningIds);
  return notifyResponsible(ctx.db, requestsFor(rows, 'warning.red'), ctx.clock.now());
}

/** Escalated for being overdue: the unit that now has it is told. */
export async function notifyOverdue(ctx: Ctx, warningIds: string[]) {
  const rows = await repo.notifyTargets(ctx.db, warningIds);
  return notifyResponsible(ctx.db, requestsFor(rows, 'warning.overdue'), ctx.clock.now());
}
