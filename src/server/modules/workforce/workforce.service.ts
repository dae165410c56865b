import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../../db/client';
import type { Page } from '../../db/paging';
import { can } from '../../platform/access/actor';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { maskBankCard, maskIdNumber, maskPhone } from '../../platform/crypto/masking';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { readStoredFile, storeFile } from '../../platform/files/files';
import { normalizeIdNumber } from '../../platform/validators';
import { findBank } from '../orgs';
import { findProjectForScope } from '../projects';
import * as repo from './workforce.repo';
import { workerCardAad, workerIdAad, workerPhoneAad } from './workforce.repo';
import { checkEmployment, checkExit, checkWorker } from './workforce.rules';

export interface WorkerInput {
  name: string;
  idNumber: string;
  gender?: 'male' | 'female' | null;
  phone?: string | null;
  bankCard?: string | null;
  bankId?: string | null;
  ethnicity?: string | null;
  nativePlace?: string | null;
  education?: string | null;
}

export interface EmploymentInput {
  worker: WorkerInput;
  employerId: string;
  teamId?: string | null;
  /** Imports name the team; it is created under the employer when new. */
  teamName?: string | null;
  isTeamLeader?: boolean;
  trade: string;
  entryDate: string;
  exitDate?: string | null;
  wageType: string;
  wageAmountFen: number;
  contractKind: string;
  contractSignedOn: string;
  safetyTrainingOn: string;
}

const problem = (field: string, zh: string, en: string): FieldProblem => ({ field, message: { zh, en } });

/** The project, if the actor may keep its roster: officials with the permission, the contractor, or a subcontractor for its own people. */
async function rosterProject(ctx: Ctx, db: DbOrTx, projectId: string) {
  const project = await findProjectForScope(db, ctx.actor, projectId);
  if (!project) throw notFound();
  if (!can(ctx.actor, 'workforce.write')) throw new AppError('FORBIDDEN');
  if (ctx.actor.scope.kind === 'enterprise') {
    const me = ctx.actor.scope.enterpriseId;
    if (me !== project.generalContractorId && !project.partyIds.includes(me)) throw new AppError('FORBIDDEN');
  }
  return project;
}

function mayEmployFor(ctx: Ctx, project: { generalContractorId: string }, employerId: string): boolean {
  if (ctx.actor.scope.kind !== 'enterprise') return true;
  return ctx.actor.scope.enterpriseId === project.generalContractorId || ctx.actor.scope.enterpriseId === employerId;
}

export async function listWorkers(ctx: Ctx, query: { q?: string; idNumber?: string; phone?: string; page: number; pageSize: number }): Promise<Page<repo.WorkerRow>> {
  return repo.listWorkers(
    ctx.db,
    ctx.actor,
    {
      q: query.q,
      idBidx: query.idNumber ? ctx.cipher.blindIndex('id_number', normalizeIdNumber(query.idNumber)) : undefined,
      phoneBidx: query.phone ? ctx.cipher.blindIndex('phone', query.phone.trim()) : undefined,
    },
    query,
  );
}

export async function getWorker(ctx: Ctx, id: string) {
  const worker = await repo.findWorkerInScope(ctx.db, ctx.actor, id);
  if (!worker) throw notFound();
  const employments = await repo.rosterRows(ctx.db, ctx.actor, { workerId: id, status: 'all' });
  return { worker, employments };
}

export async function revealWorkerField(ctx: Ctx, id: string, field: 'idNumber' | 'phone' | 'bankCard', reason: string) {
  if (!can(ctx.actor, 'pii.view_full')) throw new AppError('FORBIDDEN');
  return ctx.db.tx(async (tx) => {
    const w = await repo.findWorkerInScope(tx, ctx.actor, id);
    if (!w) throw notFound();
    const [enc, aad] = field === 'idNumber' ? [w.id_enc, workerIdAad(id)] : field === 'phone' ? [w.phone_enc, workerPhoneAad(id)] : [w.bank_card_enc, workerCardAad(id)];
    const value = enc ? ctx.cipher.decrypt(enc, aad) : null;
    await audit(tx, ctx, { action: 'pii.reveal', objectType: 'worker', objectId: id, reason, after: { field } });
    return { field, value };
  });
}

/**
 * The worker of this ID number, registered now if new. One person is one record nationally:
 * a second project finds the same row by the blind index, and newer contact details win.
 */
async function upsertWorker(ctx: Ctx, tx: DbOrTx, input: WorkerInput, trade: string) {
  const checked = checkWorker(input, ctx.clock.now());
  if (!checked.ok) throw invalidFields(checked.problems);
  const w = checked.value;
  if (input.bankId && !(await findBank(tx, input.bankId))) throw invalidFields([problem('bankId', '开户银行不存在', 'Unknown bank')]);
  const idBidx = ctx.cipher.blindIndex('id_number', w.idNumber);
  const existing = await repo.findWorkerByIdBidx(tx, idBidx, true);
  const contact = (id: string) => ({
    ...(w.phone && { phoneEnc: ctx.cipher.encrypt(w.phone, workerPhoneAad(id)), phoneBidx: ctx.cipher.blindIndex('phone', w.phone), phoneMask: maskPhone(w.phone) }),
    ...(w.bankCard && {
      bankCardEnc: ctx.cipher.encrypt(w.bankCard, workerCardAad(id)),
      bankCardBidx: ctx.cipher.blindIndex('bank_card', w.bankCard),
      bankCardMask: maskBankCard(w.bankCard),
    }),
  });
  if (existing) {
    if (existing.name !== w.name) {
      throw invalidFields([problem('name', `该身份证号已登记，姓名为“${existing.name}”，与填写的姓名不一致`, 'This ID number is registered under another name')]);
    }
    await repo.updateWorkerContact(
      tx,
      existing.id,
      { ...contact(existing.id), bankId: input.bankId ?? undefined, trade, nativePlace: input.nativePlace ?? undefined, education: input.education ?? undefined, ethnicity: input.ethnicity ?? undefined },
      ctx.clock.now(),
    );
    return { id: existing.id, birthDate: existing.birth_date, created: false };
  }
  const id = uuidv7();
  await repo.insertWorker(
    tx,
    {
      id,
      name: w.name,
      idEnc: ctx.cipher.encrypt(w.idNumber, workerIdAad(id)),
      idBidx,
      idMask: maskIdNumber(w.idNumber),
      birthDate: w.birthDate,
      gender: w.gender,
      ethnicity: input.ethnicity ?? null,
      phoneEnc: null,
      phoneBidx: null,
      phoneMask: null,
      bankCardEnc: null,
      bankCardBidx: null,
      bankCardMask: null,
      bankId: input.bankId ?? null,
      trade,
      nativePlace: input.nativePlace ?? null,
      education: input.education ?? null,
      ...contact(id),
    },
    ctx.clock.now(),
  );
  return { id, birthDate: w.birthDate, created: true };
}

/** Registers a worker on a project's roster (实名登记 + 进场), inside the caller's transaction. */
export async function registerEmploymentIn(ctx: Ctx, tx: DbOrTx, projectId: string, input: EmploymentInput) {
  const project = await rosterProject(ctx, tx, projectId);
  const today = shanghaiDate(ctx.clock.now());
  const problems: FieldProblem[] = [];
  if (!project.partyIds.includes(input.employerId) || input.employerId === project.ownerId) {
    problems.push(problem('employerId', '用工单位须为本项目的总承包或分包单位', 'The employer must be the general contractor or a subcontractor of this project'));
  }
  if (!mayEmployFor(ctx, project, input.employerId)) problems.push(problem('employerId', '分包单位只能登记本单位的人员', 'A subcontractor registers its own people only'));
  if (['completed', 'accepted'].includes(project.status)) problems.push(problem('entryDate', '项目已完工，不能再登记进场', 'The project is complete'));
  if (problems.length) throw invalidFields(problems);

  const worker = await upsertWorker(ctx, tx, input.worker, input.trade);
  const ruleProblems = checkEmployment({ ...input, birthDate: worker.birthDate, today });
  if (input.exitDate) ruleProblems.push(...checkExit(input.entryDate, input.exitDate, today));
  if (ruleProblems.length) throw invalidFields(ruleProblems);
  if (!input.exitDate && (await repo.openEmploymentOf(tx, projectId, worker.id))) {
    throw invalidFields([problem('idNumber', '该人员已在本项目花名册中（未退场）', 'This person is already on the roster of this project')]);
  }

  let teamId = input.teamId ?? null;
  if (teamId) {
    const team = await repo.findTeam(tx, projectId, teamId);
    if (!team || team.employer_id !== input.employerId) throw invalidFields([problem('teamId', '班组不属于该用工单位', 'The team belongs to another employer')]);
  } else if (input.teamName) {
    teamId = (await repo.findTeamByName(tx, projectId, input.employerId, input.teamName))?.id ?? null;
    if (!teamId) {
      teamId = uuidv7();
      await repo.insertTeam(tx, { projectId, id: teamId, employerId: input.employerId, name: input.teamName, leaderWorkerId: null, now: ctx.clock.now() });
    }
  }
  const id = uuidv7();
  await repo.insertEmployment(
    tx,
    {
      projectId,
      id,
      workerId: worker.id,
      employerId: input.employerId,
      teamId,
      isTeamLeader: !!input.isTeamLeader && !!teamId,
      trade: input.trade,
      entryDate: input.entryDate,
      exitDate: input.exitDate ?? null,
      wageType: input.wageType,
      wageAmountFen: input.wageAmountFen,
      contractKind: input.contractKind,
      contractSignedOn: input.contractSignedOn,
      safetyTrainingOn: input.safetyTrainingOn,
    },
    ctx.clock.now(),
  );
  if (input.isTeamLeader && teamId) await repo.setTeamLeader(tx, projectId, teamId, worker.id);
  await audit(tx, ctx, {
    action: 'employment.register',
    objectType: 'employment',
    objectId: id,
    after: { projectId, workerId: worker.id, workerCreated: worker.created, employerId: input.employerId, teamId, entryDate: input.entryDate, wageType: input.wageType, wageAmountFen: input.wageAmountFen },
    regionPath: project.regionPath,
  });
  return (await repo.findEmploymentInScope(tx, ctx.actor, projectId, id))!;
}

export const registerEmployment = (ctx: Ctx, projectId: string, input: EmploymentInput) => ctx.db.tx((tx) => registerEmploymentIn(ctx, tx, projectId, input));

export async function recordExit(ctx: Ctx, projectId: string, employmentId: string, input: { exitDate: string; version: number }) {
  return ctx.db.tx(async (tx) => {
    const project = await rosterProject(ctx, tx, projectId);
    const e = await repo.findEmploymentInScope(tx, ctx.actor, projectId, employmentId, true);
    if (!e) throw notFound();
    if (!mayEmployFor(ctx, project, e.employer_id)) throw new AppError('FORBIDDEN');
    if (e.exit_date) throw invalidFields([problem('exitDate', '该人员已退场', 'Already exited')]);
    const problems = checkExit(e.entry_date, input.exitDate, shanghaiDate(ctx.clock.now()));
    if (problems.length) throw invalidFields(problems);
    if (!(await repo.setExit(tx, projectId, employmentId, input.version, input.exitDate, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, { action: 'employment.exit', objectType: 'employment', objectId: employmentId, after: { projectId, exitDate: input.exitDate }, regionPath: project.regionPath });
    return (await repo.findEmploymentInScope(tx, ctx.actor, projectId, employmentId))!;
  });
}

export async function listRoster(ctx: Ctx, projectId: string, query: repo.RosterFilter & { page: number; pageSize: number }) {
  if (!(await findProjectForScope(ctx.db, ctx.actor, projectId))) throw notFound();
  return repo.listRoster(ctx.db, ctx.actor, { ...query, projectId }, query);
}

export async function rosterForExport(ctx: Ctx, projectId: string) {
  const project = await findProjectForScope(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  return { project, rows: await repo.rosterRows(ctx.db, ctx.actor, { projectId, status: 'all' }) };
}

export async function listTeams(ctx: Ctx, projectId: string) {
  if (!(await findProjectForScope(ctx.db, ctx.actor, projectId))) throw notFound();
  return repo.listTeams(ctx.db, projectId);
}

export async function createTeam(ctx: Ctx, projectId: string, input: { employerId: string; name: string }) {
  return ctx.db.tx(async (tx) => {
    const project = await rosterProject(ctx, tx, projectId);
    if (!project.partyIds.includes(input.employerId) || input.employerId === project.ownerId) throw invalidFields([problem('employerId', '用工单位须为本项目的总承包或分包单位', 'Not a contractor of this project')]);
    if (!mayEmployFor(ctx, project, input.employerId)) throw new AppError('FORBIDDEN');
    if (await repo.findTeamByName(tx, projectId, input.employerId, input.name)) throw invalidFields([problem('name', '该班组已存在', 'This team exists')]);
    const id = uuidv7();
    await repo.insertTeam(tx, { projectId, id, employerId: input.employerId, name: input.name, leaderWorkerId: null, now: ctx.clock.now() });
    await audit(tx, ctx, { action: 'team.create', objectType: 'team', objectId: id, after: { projectId, ...input }, regionPath: project.regionPath });
    return repo.listTeams(tx, projectId);
  });
}

export async function uploadContract(ctx: Ctx, projectId: string, employmentId: string, file: { name: string; content: Buffer }) {
  return ctx.db.tx(async (tx) => {
    const project = await rosterProject(ctx, tx, projectId);
    const e = await repo.findEmploymentInScope(tx, ctx.actor, projectId, employmentId, true);
    if (!e) throw notFound();
    if (!mayEmployFor(ctx, project, e.employer_id)) throw new AppError('FORBIDDEN');
    const stored = await storeFile(ctx, tx, file, ['application/pdf', 'image/jpeg', 'image/png']);
    await repo.setContractFile(tx, projectId, employmentId, stored.id, ctx.clock.now());
    await audit(tx, ctx, { action: 'employment.contract', objectType: 'employment', objectId: employmentId, after: { fileId: stored.id, sha256: stored.sha256 }, regionPath: project.regionPath });
  });
}

/** A labour contract holds personal data: reading it is recorded like a reveal. */
export async function readContract(ctx: Ctx, projectId: string, employmentId: string) {
  return ctx.db.tx(async (tx) => {
    const e = await repo.findEmploymentInScope(tx, ctx.actor, projectId, employmentId);
    const file = e?.contract_file_id ? await readStoredFile(ctx, tx, e.contract_file_id) : undefined;
    if (!e || !file) throw notFound();
    await audit(tx, ctx, { action: 'pii.read_contract', objectType: 'employment', objectId: employmentId, after: { fileId: file.id }, regionPath: e.region_path });
    return file;
  });
}

/** The secret columns of this module, for key rotation. */
export const ENCRYPTED_COLUMNS = [
  { table: 'workers', column: 'id_enc', aad: workerIdAad },
  { table: 'workers', column: 'phone_enc', aad: workerPhoneAad },
  { table: 'workers', column: 'bank_card_enc', aad: workerCardAad },
];
