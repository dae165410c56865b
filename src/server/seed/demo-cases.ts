import { systemActor } from '../platform/access/actor';
import { shanghaiDate, workingDaysBefore, deadlineAfterWorkingDays } from '../platform/calendar';
import { type Ctx, contextFor } from '../platform/context';
import * as cases from '../modules/cases/cases.service';

/**
 * Demo cases in every stage, as a district would have them on an ordinary day: a hotline call just
 * received, one accepted and half verified, one in mediation, one filed for investigation, one
 * ordered to pay, one paid and waiting for its call-back, one closed; one received eight working
 * days ago and never accepted (overdue, escalated); a major case of 36 workers after a group
 * incident, under 挂牌督办 with a leader and a task force; an anonymous tip-off kept as intelligence.
 */
export async function seedDemoCases(ctx: Ctx): Promise<number> {
  const today = shanghaiDate(ctx.clock.now());
  const { rows: projects } = await ctx.db.query<{ id: string; name: string; employer: string; region_path: string }>(
    `SELECT p.id, p.name, e.name AS employer, p.region_path FROM projects p JOIN enterprises e ON e.id = p.general_contractor_id
      WHERE p.status = 'in_progress' ORDER BY p.code LIMIT 9`,
  );
  if (projects.length < 9) return 0;
  const crew = async (projectId: string, n: number) =>
    (
      await ctx.db.query<{ id: string; name: string }>(
        `SELECT w.id, w.name FROM employments m JOIN workers w ON w.id = m.worker_id WHERE m.project_id = $1 ORDER BY m.entry_date, w.id LIMIT $2`,
        [projectId, n],
      )
    ).rows;
  const official = contextFor(ctx, systemActor('区治欠办 王主任'));
  let serial = 0;
  const open = async (projectIndex: number, workers: number, channel: 'hotline_12345' | 'hotline_12333' | 'petition' | 'walk_in' | 'inspection', o: { receivedAt?: Date; dual?: boolean } = {}) => {
    const p = projects[projectIndex];
    const people = await crew(p.id, workers);
    const amount = (i: number) => 650_000 + ((i * 7919) % 9) * 50_000;
    serial += 1;
    const r = await cases.receiveClue(official, {
      channel,
      externalId: `DEMO-${channel}-${String(serial).padStart(4, '0')}`,
      receivedAt: (o.receivedAt ?? ctx.clock.now()).toISOString(),
      projectId: p.id,
      employerName: p.employer,
      complainant: { name: people[0].name, phone: `1390000${String(1000 + serial).slice(-4)}`, workerId: people[0].id },
      workers: people.map((w, i) => ({ name: w.name, workerId: w.id, claimedFen: amount(i) })),
      periodFrom: workingDaysBefore(today, 70).slice(0, 8) + '01',
      periodTo: workingDaysBefore(today, 5),
      description: `${p.name}${people.length}名农民工反映${channel === 'petition' ? '来信' : '来电'}：近两个月工资未发放，班组长称总包未拨付`,
      dualAssignment: o.dual ?? false,
    });
    return r.caseId!;
  };
  const at = async (id: string) => (await cases.getCase(official, id)).row.row_version;

  await open(0, 3, 'hotline_12345');

  const accepted = await open(1, 4, 'hotline_12333');
  await cases.acceptCase(official, accepted, { version: await at(accepted), note: '已电话联系投诉人，约定明日到项目核查' });
  await cases.answerChecklist(official, accepted, {
    version: await at(accepted),
    items: [
      { item: 'monthly_full_payment', violation: true, note: '两个月工资未发放' },
      { item: 'labor_contract', violation: false },
      { item: 'account_payout', violation: true, note: '分包自行发放现金' },
    ],
  });

  const mediating = await open(2, 5, 'walk_in');
  await cases.acceptCase(official, mediating, { version: await at(mediating) });
  await cases.mediateCase(official, mediating, { version: await at(mediating), note: '召集总包、分包与班组三方调解' });

  const filed = await open(3, 6, 'petition', { dual: true });
  await cases.acceptCase(official, filed, { version: await at(filed) });
  await cases.fileCase(official, filed, { version: await at(filed), inspectors: ['王建军', '陈丽'], note: '总包拒不提供考勤与工资台账' });

  const ordered = await open(4, 4, 'inspection');
  await cases.acceptCase(official, ordered, { version: await at(ordered) });
  await cases.fileCase(official, ordered, { version: await at(ordered), inspectors: ['王建军', '陈丽'] });
  await cases.orderCase(official, ordered, { version: await at(ordered), docNo: `人社监令〔${today.slice(0, 4)}〕1号`, dueOn: deadlineAfterWorkingDays(today, 5), amountFen: 3_000_000 });

  const paid = async (id: string, callback: boolean) => {
    await cases.acceptCase(official, id, { version: await at(id) });
    const d = await cases.getCase(official, id);
    for (const [i, w] of d.workers.entries()) {
      await cases.recordCasePayment(official, id, { caseWorkerId: w.id, amountFen: Number(w.claimed_fen), paidOn: today, source: i === 0 ? 'general_contractor' : 'employer', reference: `DEMO-PAY-${id.slice(-6)}-${i}` });
    }
    await cases.settleCase(official, id, { version: await at(id), conclusion: 'paid_in_full' });
    if (callback) await cases.closeCase(official, id, { version: await at(id), satisfaction: 'satisfied', note: '回访投诉人，工资已全部到账' });
  };
  await paid(await open(5, 3, 'hotline_12345'), false);
  await paid(await open(6, 2, 'hotline_12333'), true);

  // Received eight working days ago and never accepted: overdue, escalated by the morning job.
  await open(7, 2, 'hotline_12345', { receivedAt: new Date(`${workingDaysBefore(today, 8)}T01:30:00Z`) });
  await cases.escalateOverdueCases(official);

  // The major case: 36 workers, a group incident of 60 at the site gate, supervised.
  const major = await open(8, 36, 'petition', { dual: true });
  await cases.recordIncident(official, {
    projectId: projects[8].id,
    occurredAt: new Date(ctx.clock.now().getTime() - 2 * 3600_000).toISOString(),
    place: `${projects[8].name}项目部门口`,
    people: 60,
    responseLevel: 'iii',
    extreme: false,
    measures: '镇、区两级到场劝离，约谈总包单位负责人，启动应急处置',
    caseIds: [major],
  });
  // The task force: the wage office, the housing bureau, the police and the township of the site.
  const units = await ctx.db.query<{ id: string }>(
    `SELECT DISTINCT ON (kind) id FROM gov_units WHERE region_path = ANY (path_ancestors($1)) AND kind IN ('wage_office', 'housing', 'police', 'township_gov')
      ORDER BY kind, length(region_path) DESC`,
    [projects[8].region_path],
  );
  await cases.acceptCase(official, major, { version: await at(major) });
  await cases.superviseCase(official, major, {
    version: await at(major),
    supervision: ['listed', 'leader', 'task_force'],
    leaderName: '分管副区长',
    taskForceUnitIds: units.rows.map((u) => u.id),
  });

  await cases.receiveClue(official, {
    channel: 'anonymous_tip',
    externalId: 'DEMO-TIP-0001',
    projectId: projects[0].id,
    employerName: projects[0].employer,
    workers: [],
    description: '匿名举报：该项目劳务分包用现金发工资，未走专用账户',
  });
  return serial + 1;
}
