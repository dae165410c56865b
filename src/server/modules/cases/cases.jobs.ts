import { systemActor } from '../../platform/access/actor';
import { contextFor } from '../../platform/context';
import type { JobDefinition } from '../../platform/jobs';
import { noticeMissedInstallments } from './cases.documents.service';
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

/** Each morning too: installments of a 和解协议 that passed their day unpaid are reported, once each. */
export const missedInstallmentsJob: JobDefinition = {
  name: 'cases.missed-installments',
  version: 1,
  cron: '35 7 * * *',
  handler: async (platform) => {
    await noticeMissedInstallments(contextFor(platform, systemActor('job:cases.missed-installments')));
  },
};

export const caseJobs: JobDefinition[] = [escalateOverdueJob, missedInstallmentsJob];
