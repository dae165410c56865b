import { systemActor } from '../../platform/access/actor';
import { contextFor } from '../../platform/context';
import type { JobDefinition } from '../../platform/jobs';
import { evaluateChanged, runScan } from './warnings.scan';
import { advanceEscalationLadder } from './warnings.service';

/** Nightly, after the payroll arrears job: every rule over every project, then the ladder. */
export const fullScanJob: JobDefinition = {
  name: 'warnings.full-scan',
  version: 1,
  cron: '10 3 * * *',
  handler: async (platform) => {
    const ctx = contextFor(platform, systemActor('job:warnings.full-scan'));
    await runScan(ctx);
    await advanceEscalationLadder(ctx);
  },
};

/** Every minute: the projects whose facts changed are evaluated by the rules watching those facts. */
export const incrementalJob: JobDefinition = {
  name: 'warnings.incremental',
  version: 1,
  cron: '* * * * *',
  handler: (platform) => evaluateChanged(contextFor(platform, systemActor('job:warnings.incremental'))),
};

export const warningJobs: JobDefinition[] = [fullScanJob, incrementalJob];
