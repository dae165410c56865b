import type { JobDefinition } from '../../platform/jobs';
import { purgeSentSms } from './sms';

/** Nightly: SMS messages sent or given up a week ago are deleted, with the phone and code they carry. */
export const purgeSentSmsJob: JobDefinition = {
  name: 'notify.purge-sms',
  version: 1,
  cron: '40 2 * * *',
  handler: async (platform) => ({ deleted: await purgeSentSms(platform) }),
};

export const notifyJobs: JobDefinition[] = [purgeSentSmsJob];
