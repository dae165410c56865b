import { addDays } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { type BatchResult, ingestEvents } from '../attendance';
import { actsForGeneralContractor, findProjectForScope, laborOfficerPhoneAad } from '../projects';
import type { InvestmentType, ProjectIndustry, ProjectStatus } from '../projects/projects.rules';
import { workerCardAad, workerIdAad, workerPhoneAad } from '../workforce';
import type { ContractKind } from '../workforce/workforce.codes';
import {
  type NationalAttendanceInput,
  type NationalItemProblem,
  type NationalProjectWorkerInput,
  decryptFromNational,
  encryptForNational,
  fromNationalAttendance,
  toNationalAttendance,
  toNationalEntryExit,
  toNationalProject,
  toNationalProjectWorkerAdd,
  toNationalTeam,
} from './national.mapping';
import * as repo from './national.repo';
import { nationalSecretAad } from './national.repo';

/**
 * Exchange with the 全国建筑工人管理服务信息平台 (RN-06) in its own structures: a project's full
 * export for upload, and attendance received from a site system that speaks the standard. ID and
 * card numbers travel encrypted with the secret the platform issued to the project.
 */

/** Teams without a team on our side still need one on the platform's: the employer's own. */
const NO_TEAM = '未分班组';
/** One export covers at most a month of attendance: the platform is fed daily, a month is a catch-up. */
export const MAX_EXPORT_DAYS = 31;

/** The general contractor uploads (RN-06); officials over the project may do it for them. */
async function exchangeableProject(ctx: Ctx, projectId: string) {
  const project = await findProjectForScope(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  if (!actsForGeneralContractor(ctx.actor, project.generalContractorId)) throw new AppError('FORBIDDEN');
  return project;
}

export async function getLink(ctx: Ctx, projectId: string) {
  const project = await findProjectForScope(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  const [link, teams] = await Promise.all([repo.findLink(ctx.db, projectId), repo.listTeams(ctx.db, projectId)]);
  return {
    projectCode: link?.national_project_code ?? null,
    secretSet: Boolean(link?.national_secret_enc),
    teams: teams.map((t) => ({ teamId: t.id, name: t.name, employerName: t.employer_name, teamSysNo: t.national_team_sys_no === null ? null : Number(t.national_team_sys_no) })),
  };
}

export interface LinkInput {
  projectCode: string | null;
  /** Absent: keep the one held; null: forget it. */
  secret?: string | null;
  teams?: { teamId: string; teamSysNo: number | null }[];
}

export async function setLink(ctx: Ctx, projectId: string, input: LinkInput) {
  const project = await exchangeableProject(ctx, projectId);
  const problems: FieldProblem[] = [];
  if (input.secret != null && ![16, 24, 32].includes(Buffer.byteLength(input.secret, 'utf8'))) {
    problems.push({ field: 'secret', message: { zh: '平台密钥应为16、24或32个字符', en: 'The platform secret is 16, 24 or 32 characters' } });
  }
  const sysNos = (input.teams ?? []).map((t) => t.teamSysNo).filter((n): n is number => n !== null);
  if (new Set(sysNos).size !== sysNos.length) problems.push({ field: 'teams', message: { zh: '班组编号不能重复', en: 'Team numbers must differ' } });
  if (problems.length) throw invalidFields(problems);
  await ctx.db.tx(async (tx) => {
    if (input.projectCode !== null && (await repo.projectWithNationalCode(tx, input.projectCode, projectId))) {
      throw invalidFields([{ field: 'projectCode', message: { zh: '该全国平台项目编码已关联其他项目', en: 'Another project holds this national project code' } }]);
    }
    const secretEnc = input.secret === undefined ? undefined : input.secret === null ? null : ctx.cipher.encrypt(input.secret, nationalSecretAad(projectId));
    await repo.setLink(tx, projectId, { code: input.projectCode, secretEnc }, ctx.clock.now());
    if (input.teams?.length) {
      const found = await repo.setTeamSysNos(tx, projectId, input.teams);
      if (found !== input.teams.length) throw invalidFields([{ field: 'teams', message: { zh: '有班组不属于本项目', en: 'A team is not on this project' } }]);
    }
    // The secret itself is never written to the log: only whether it changed.
    await audit(tx, ctx, {
      action: 'national.link',
      objectType: 'project',
      objectId: projectId,
      after: { projectCode: input.projectCode, secretChange: input.secret === undefined ? 'kept' : input.secret === null ? 'cleared' : 'set', teams: input.teams ?? [] },
      regionPath: project.regionPath,
    });
  });
  return getLink(ctx, projectId);
}

async function projectSecret(ctx: Ctx, projectId: string): Promise<{ code: string | null; secret: string }> {
  const link = await repo.findLink(ctx.db, projectId);
  if (!link?.national_secret_enc) {
    throw new AppError('BUSINESS_RULE', {
      detail: { zh: '尚未设置全国平台为本项目分配的密钥，无法加密或解密身份证号', en: 'Set the secret the national platform issued to this project first' },
    });
  }
  return { code: link.national_project_code, secret: ctx.cipher.decrypt(link.national_secret_enc, nationalSecretAad(projectId)) };
}

/**
 * Everything the platform holds about a project, in its structures, ready to post in order:
 * Project.Add, ProjectSubContractor.Add, Team.Add, ProjectWorker.Add, WorkerEntryExit.Add and
 * WorkerAttendance.Add for the period. A full-value export of personal data: audited with its reason.
 */
export async function exportProject(ctx: Ctx, projectId: string, input: { from: string; to: string; reason: string }) {
  if (input.to < input.from || addDays(input.from, MAX_EXPORT_DAYS) <= input.to) {
    throw invalidFields([{ field: 'to', message: { zh: `考勤期间应为 1 至 ${MAX_EXPORT_DAYS} 天`, en: `The attendance period is 1 to ${MAX_EXPORT_DAYS} days` } }]);
  }
  const project = await exchangeableProject(ctx, projectId);
  const { code: nationalCode, secret } = await projectSecret(ctx, projectId);
  const encrypt = (plain: string) => encryptForNational(plain, secret);
  const [p, subcontracts, teams, employments, events] = await Promise.all([
    repo.projectForExport(ctx.db, projectId),
    repo.subcontractsForExport(ctx.db, projectId),
    repo.listTeams(ctx.db, projectId),
    repo.employmentsForExport(ctx.db, projectId),
    repo.attendanceForExport(ctx.db, projectId, input.from, input.to),
  ]);
  if (!p) throw notFound();
  const projectCode = nationalCode ?? p.code;
  const decryptOrNull = (enc: string | null, aad: string) => (enc ? ctx.cipher.decrypt(enc, aad) : null);

  const { project: nationalProject, participants } = toNationalProject({
    code: projectCode,
    name: p.name,
    commonName: p.common_name,
    regionCode: p.region_code,
    address: p.address,
    industry: p.industry as ProjectIndustry,
    investmentType: p.investment_type as InvestmentType,
    contractPriceFen: Number(p.contract_price_fen),
    plannedStart: p.planned_start,
    plannedEnd: p.planned_end,
    actualStart: p.actual_start,
    actualEnd: p.actual_end,
    status: p.status as ProjectStatus,
    owner: { creditCode: p.owner_credit_code, name: p.owner_name },
    generalContractor: { creditCode: p.gc_credit_code, name: p.gc_name },
    subcontractors: subcontracts.map((s) => ({ creditCode: s.credit_code, name: s.name, parentCreditCode: s.parent_credit_code, amountFen: Number(s.amount_fen) })),
    laborOfficerName: p.labor_officer_name,
    laborOfficerPhone: decryptOrNull(p.labor_officer_phone_enc, laborOfficerPhoneAad(projectId)),
  });

  const nationalTeams = teams.map((t) =>
    toNationalTeam(
      {
        projectCode,
        employerCreditCode: t.employer_credit_code,
        employerName: t.employer_name,
        teamName: t.name,
        teamSysNo: t.national_team_sys_no === null ? null : Number(t.national_team_sys_no),
        leaderIdNumber: t.leader_worker_id ? decryptOrNull(t.leader_id_enc, workerIdAad(t.leader_worker_id)) : null,
      },
      { encrypt },
    ),
  );

  // Each person's ID is decrypted once, however many employments and events they have.
  const idOf = new Map<string, string>();
  const workers: (NationalProjectWorkerInput & { workerId: string })[] = employments.map((e) => {
    let idNumber = idOf.get(e.worker_id);
    if (idNumber === undefined) idOf.set(e.worker_id, (idNumber = ctx.cipher.decrypt(e.id_enc, workerIdAad(e.worker_id))));
    return {
      workerId: e.worker_id,
      projectCode,
      employerCreditCode: e.employer_credit_code,
      employerName: e.employer_name,
      teamName: e.team_name ?? NO_TEAM,
      teamSysNo: e.team_sys_no === null ? null : Number(e.team_sys_no),
      name: e.name,
      idNumber,
      isTeamLeader: e.is_team_leader,
      trade: e.trade,
      phone: decryptOrNull(e.phone_enc, workerPhoneAad(e.worker_id)),
      bankCardNumber: decryptOrNull(e.bank_card_enc, workerCardAad(e.worker_id)),
      bankName: e.bank_name,
      bankCode: e.bank_code,
      nativePlace: e.native_place,
      ethnicity: e.ethnicity,
      education: e.education,
      entryDate: e.entry_date,
      exitDate: e.exit_date,
      contractKind: e.contract_kind as ContractKind,
      contractSignedOn: e.contract_signed_on,
    };
  });

  // An event goes with the team of the employment that covered its day.
  const employmentsOf = new Map<string, typeof workers>();
  for (const w of workers) {
    const list = employmentsOf.get(w.workerId);
    if (list) list.push(w);
    else employmentsOf.set(w.workerId, [w]);
  }
  const attendance: NationalAttendanceInput[] = [];
  for (const e of events) {
    const covering = employmentsOf.get(e.worker_id)?.find((w) => w.entryDate <= e.work_date && (w.exitDate === null || w.exitDate >= e.work_date));
    if (!covering) continue;
    attendance.push({ projectCode, teamSysNo: covering.teamSysNo, idNumber: covering.idNumber, occurredAt: e.occurred_at.toISOString(), direction: e.direction, method: e.method as NationalAttendanceInput['method'] });
  }

  const result = {
    projectCode,
    from: input.from,
    to: input.to,
    project: nationalProject,
    participants,
    teams: nationalTeams,
    projectWorkers: toNationalProjectWorkerAdd(workers, { encrypt }),
    entryExits: toNationalEntryExit(workers, { encrypt }),
    attendance: toNationalAttendance(attendance, { encrypt }),
    // What the platform will refuse until the teams are registered there and their numbers entered.
    teamsWithoutSysNo: teams.filter((t) => t.national_team_sys_no === null).length,
  };
  await audit(ctx.db, ctx, {
    action: 'national.export',
    objectType: 'project',
    objectId: projectId,
    reason: input.reason,
    after: { from: input.from, to: input.to, workers: idOf.size, employments: workers.length, events: attendance.length },
    regionPath: project.regionPath,
  });
  return result;
}

export type NationalAttendanceResult = Omit<BatchResult, 'rejected'> & { rejected: NationalItemProblem[] };

/**
 * A WorkerAttendance.Add body from a site system, on the project's device key. Items that do not
 * read are reported by their index and the rest kept; each event's id is a hash of what it says, so
 * a re-sent body adds nothing.
 */
export async function receiveAttendance(ctx: Ctx, body: { dataList: unknown[] }): Promise<NationalAttendanceResult> {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'project' || ctx.actor.id === null) throw new AppError('FORBIDDEN');
  const project = await findProjectForScope(ctx.db, ctx.actor, scope.projectId);
  if (!project) throw new AppError('FORBIDDEN');
  const { code: nationalCode, secret } = await projectSecret(ctx, project.id);
  const parsed = fromNationalAttendance(body, { decrypt: (c) => decryptFromNational(c, secret), now: ctx.clock.now() });
  if (parsed.projectCode !== null && parsed.projectCode !== project.code && parsed.projectCode !== nationalCode) {
    throw new AppError('FORBIDDEN', { detail: { zh: '该设备密钥未绑定此项目', en: 'This device key is not bound to that project' } });
  }
  const bodyProblems = parsed.errors.filter((e) => e.index === null);
  if (bodyProblems.length) throw invalidFields(bodyProblems.map(({ field, message }) => ({ field, message })));

  const result = await ingestEvents(
    ctx,
    project,
    { source: 'device', sourceId: ctx.actor.id, deviceCode: null },
    parsed.events.map((e) => ({ eventId: e.sourceEventId, idNumber: e.idNumber, time: e.occurredAt, direction: e.direction, method: e.method })),
  );
  // The service numbers its rejections by position among the events it got; give back the body's.
  const itemIndex = parsed.events.map((e) => e.index);
  const { rejected, ...counts } = result;
  return {
    ...counts,
    received: body.dataList.length,
    rejected: [
      ...parsed.errors,
      ...rejected.map((r) => ({ index: itemIndex[r.index], field: `dataList[${itemIndex[r.index]}]`, message: r.reason })),
    ].sort((a, b) => (a.index ?? -1) - (b.index ?? -1)),
  };
}
