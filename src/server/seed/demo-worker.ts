import { v7 as uuidv7 } from 'uuid';
import * as auth from '../modules/auth/auth.repo';
import { hashPassword } from '../modules/auth/auth.service';
import * as cases from '../modules/cases/cases.service';
import { complaintProjects, submitWorkerComplaint } from '../modules/cases/cases.worker';
import { type Actor, systemActor } from '../platform/access/actor';
import { permissionsOf } from '../platform/access/roles';
import { monthStartAfter, shanghaiDate, workingDaysBefore } from '../platform/calendar';
import { type Ctx, contextFor } from '../platform/context';

export const DEMO_WORKER_USERNAME = 'worker1';

/**
 * The demo worker's login (农民工端): a worker on a site's roster, with two complaints of their own:
 * one received and awaiting acceptance; one accepted, where the general contractor has paid part of
 * the wages and the worker's confirmation of that payment is awaited.
 */
export async function seedDemoWorker(ctx: Ctx, password: string): Promise<{ username: string; role: string } | null> {
  const { rows } = await ctx.db.query<{ id: string; name: string }>(
    `WITH site AS (SELECT id FROM projects WHERE status = 'in_progress' ORDER BY code OFFSET 9 LIMIT 1)
     SELECT w.id, w.name FROM site JOIN employments m ON m.project_id = site.id JOIN workers w ON w.id = m.worker_id
      WHERE m.exit_date IS NULL AND w.phone_enc IS NOT NULL ORDER BY m.entry_date, w.id LIMIT 1`,
  );
  const worker = rows[0];
  if (!worker) return null;
  const userId = uuidv7();
  await auth.insertUser(ctx.db, {
    id: userId,
    username: DEMO_WORKER_USERNAME,
    displayName: worker.name,
    role: 'worker',
    scopeRegionCode: null,
    scopeIndustry: null,
    scopeEnterpriseId: null,
    scopeWorkerId: worker.id,
    passwordHash: await hashPassword(password),
    mustChangePassword: false,
    now: ctx.clock.now(),
  });
  const actor: Actor = { kind: 'user', id: userId, name: DEMO_WORKER_USERNAME, role: 'worker', permissions: permissionsOf('worker'), scope: { kind: 'worker', workerId: worker.id } };
  const self = contextFor(ctx, actor);
  const official = contextFor(ctx, systemActor('区治欠办 王主任'));
  const today = shanghaiDate(ctx.clock.now());
  // The project the worker is on now (the registry's first offer to them).
  const [project] = await complaintProjects(self);
  const lastMonth = monthStartAfter(today, -1);

  const older = await submitWorkerComplaint(self, {
    idempotencyKey: 'demo-worker-complaint-1',
    projectId: project.projectId,
    claimedFen: 1_260_000,
    coWorkers: [{ name: '蒙大壮', claimedFen: 980_000 }],
    periodFrom: monthStartAfter(today, -3),
    periodTo: workingDaysBefore(lastMonth, 1),
    description: '钢筋班组两个月工资未结，班组长说总包没拨人工费',
  });
  await cases.acceptCase(official, older.caseId, { version: (await cases.getCase(official, older.caseId)).row.row_version, note: '已电话联系投诉人，总包承诺本周内先行清偿' });
  const own = (await cases.getCase(official, older.caseId)).workers.find((w) => w.worker_id === worker.id)!;
  await cases.recordCasePayment(official, older.caseId, { caseWorkerId: own.id, amountFen: 630_000, paidOn: today, source: 'general_contractor', reference: `DEMO-GC-${older.caseNo.slice(-6)}` });

  await submitWorkerComplaint(self, {
    idempotencyKey: 'demo-worker-complaint-2',
    projectId: project.projectId,
    claimedFen: 420_000,
    periodFrom: lastMonth,
    periodTo: workingDaysBefore(today, 1),
    description: '上月加班费未发',
  });
  return { username: DEMO_WORKER_USERNAME, role: 'worker' };
}
