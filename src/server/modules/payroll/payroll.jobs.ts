import { systemActor } from '../../platform/access/actor';
import { contextFor } from '../../platform/context';
import type { JobDefinition } from '../../platform/jobs';
import { recordOverdueArrears } from './payroll.service';

/**
 * Nightly, after the day's results are in: wages unpaid past their due day are arrears on the
 * employer's record (the deposit's DEP-07 increase and, later, credit read it); paid, they are settled.
 */
export const overdueArrearsJob: JobDefinition = {
  name: 'payroll.overdue-arrears',
  version: 1,
  cron: '40 2 * * *',
  handler: (platform) => recordOverdueArrears(contextFor(platform, systemActor('job:payroll.overdue-arrears'))),
};

export const payrollJobs: JobDefinition[] = [overdueArrearsJob];
