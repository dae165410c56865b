import { v7 as uuidv7 } from 'uuid';
import { audit, type Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as repo from './warnings.repo';
import { markChanged } from './warnings.scan';

export interface SignalInput {
  creditCode: string;
  kind: 'water' | 'power' | 'gas' | 'tax' | 'social_insurance';
  source: string;
  sourceRef: string;
  period: string;
  overdueFen: number;
  overdueMonths: number;
  clearedOn?: string | null;
}

/**
 * 企业经营风险信号 shared by the departments that hold them (Reg. Art. 38): all rows or none; an
 * unknown enterprise fails the batch with its row numbers. The enterprises' projects are marked for
 * re-evaluation in the same transaction.
 */
export async function recordRiskSignals(ctx: Ctx, input: { signals: SignalInput[] }) {
  const refs = new Set<string>();
  input.signals.forEach((s, i) => {
    const key = `${s.source}\u0000${s.sourceRef}`;
    if (refs.has(key)) throw new AppError('VALIDATION_FAILED', { fields: [{ field: `signals/${i}/sourceRef`, message: { zh: '同一来源编号在本批重复', en: 'The same source reference twice in one batch' } }] });
    refs.add(key);
  });
  const unknown = new Set(await repo.unknownCreditCodes(ctx.db, ctx.actor, [...new Set(input.signals.map((s) => s.creditCode))]));
  const problems = input.signals.flatMap((s, i) => (unknown.has(s.creditCode) ? [{ field: `signals/${i}/creditCode`, message: { zh: '本辖区企业库中无此统一社会信用代码', en: 'No enterprise of your region has this credit code' } }] : []));
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
  return ctx.db.tx(async (tx) => {
    const writes = input.signals.map((s) => ({ ...s, id: uuidv7(), clearedOn: s.clearedOn ?? null }));
    const result = await repo.upsertSignals(tx, writes, ctx.actor.name, ctx.clock.now());
    if (result.project_ids.length > 0) await markChanged(tx, result.project_ids, 'signal');
    await audit(tx, ctx, { action: 'warning.signals.record', objectType: 'enterprise_risk_signal', after: { received: input.signals.length, inserted: result.inserted, updated: result.updated } });
    return { received: input.signals.length, inserted: result.inserted, updated: result.updated, unchanged: input.signals.length - result.inserted - result.updated };
  });
}

export const listRiskSignals = (ctx: Ctx, query: { enterpriseId?: string }) => repo.listSignals(ctx.db, ctx.actor, query.enterpriseId);
