import { systemActor } from '../../platform/access/actor';
import { contextFor } from '../../platform/context';
import type { JobDefinition } from '../../platform/jobs';
import { escalateOverdueCases } from './cases.service';

/** Each working morning before office hours: cases past their stage's deadline go up one level, once per stage. */
export const escalateOverdueJob: JobDefinition = {
  name: 'cases.escalate-overdue',
  version: 1,
  cron: '30 7 * * *',
  handler: async (platform) => {
    await escalateOverdueCases(contextFor(platform, systemActor('job:cases.escalate-overdue')));
  },
};

export const caseJobs: JobDefinition[] = [escalateOverdueJob];
