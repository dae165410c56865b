import type { JobDefinition } from '../../platform/jobs';
import { verifyAndAnchor } from './audit.service';

/** Nightly: recompute the audit chain and, when intact, anchor its head outside the database. */
export const verifyAuditChainJob: JobDefinition = {
  name: 'audit.verify-chain',
  version: 1,
  cron: '30 2 * * *',
  async handler(platform) {
    const { report } = await verifyAndAnchor(platform);
    if (!report.ok) throw new Error(`audit chain broken at record ${report.firstBrokenSeq}: ${report.problem}`);
    return report;
  },
};

export const auditJobs: JobDefinition[] = [verifyAuditChainJob];
