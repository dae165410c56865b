import type { Bilingual } from '../../platform/errors';

/** How the evidence figures of the rules read to an official (keys the rules' SQL returns). */
export const EVIDENCE_LABELS: Record<string, Bilingual> = {
  month: { zh: '所属月份', en: 'Month' },
  dueBy: { zh: '最迟支付日', en: 'Due by' },
  attendedWorkers: { zh: '出勤人数', en: 'Workers attended' },
  workerDays: { zh: '出勤人天', en: 'Worker-days' },
  payrolls: { zh: '工资表数', en: 'Payrolls' },
  paidFen: { zh: '已发放金额', en: 'Paid' },
};
