import { shanghaiDate } from '../../platform/calendar';
import type { DbOrTx } from '../../db/client';
import * as repo from './warnings.risk.repo';

/**
 * 风险分 (risk + credit), 0–100, per project and per enterprise, from the open warnings by level, the
 * past year's warnings, complaints, the dishonesty list and open arrears; along the contracting
 * chain a subcontractor's or team's warnings weigh on the contractor above it and on the general
 * contractor. Every point is in `factors`, so the score explains itself. Runs in the caller's
 * transaction, which holds the scan lock (and JIT off: see lockScans).
 */
export async function recomputeRiskScores(tx: DbOrTx, now: Date, projectIds: string[] | null): Promise<void> {
  await repo.upsertProjectScores(tx, projectIds, now, shanghaiDate(now));
  await repo.upsertEnterpriseScores(tx, projectIds, now, shanghaiDate(now));
}
