import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../../db/client';
import type { Page } from '../../db/paging';
import { type Actor, can } from '../../platform/access/actor';
import { regionInScope } from '../../platform/access/scope-sql';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { maskPhone } from '../../platform/crypto/masking';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { readStoredFile, storeFile } from '../../platform/files/files';
import { normalizeIdNumber, validateIdNumber, validateMobilePhone } from '../../platform/validators';
import { findEnterpriseRefs, findGovUnitRefs } from '../orgs';
import { getParamValue } from '../params';
import { findRegion, regionLevel, regionFilterPath } from '../regions';
import './projects.params';
import { moneyFactsOf } from './projects.compliance';
import * as repo from './projects.repo';
import { csIdAad, laborOfficerPhoneAad, pmIdAad } from './projects.repo';
import { mayWriteProject } from './projects.policy';
import {
  type BoardContent,
  type InvestmentType,
  type OwnershipTier,
  type ProjectIndustry,
  type ProjectStatus,
  checkStatusChange,
  complianceChecklist,
  deriveOwnershipTier,
  supervisingIndustry,
} from './projects.rules';
import { projectSnapshot } from './projects.presenter';


export interface ProjectInput {
  code?: string | null;
  name: string;
  commonName?: string | null;
  regionCode: string;
  address: string;
  industry: ProjectIndustry;
  investmentType: InvestmentType;
  /** Null or omitted: derived from the investment type and the competent department. */
  ownershipTier?: OwnershipTier | null;
  competentUnitId?: string | null;
  contractPriceFen: number;
  plannedStart: string;
  plannedEnd: string;
  ownerId: string;
  generalContractorId: string;
  projectManagerName?: string | null;
  /** Omitted: keep the stored value; null: clear it. */
  projectManagerIdNumber?: string | null;
  chiefSupervisorName?: string | null;
  chiefSupervisorIdNumber?: string | null;
  laborOfficerName?: string | null;
  laborOfficerPhone?: string | null;
  boardSetUp?: boolean;
  boardContents?: BoardContent[];
  payday?: number | null;
  laborCostShareBp?: number | null;
  allocationCycleMonths?: number | null;
  meteringCycle?: string | null;
  settlementMethod?: string | null;
  paymentGuarantee?: boolean;
  fundsInPlace?: boolean | null;
  /** On create only: a ledger entered for works already under way starts 在建. */
  status?: 'not_started' | 'in_progress';
  actualStart?: string | null;
}

export async function listProjects(ctx: Ctx, query: repo.ProjectFilter & { regionCode?: string; page: number; pageSize: number }): Promise<Page<repo.ProjectRow>> {
  const regionPath = await regionFilterPath(ctx.db, query.regionCode);
  return repo.listProjects(ctx.db, ctx.actor, { ...query, regionPath }, query);
}

export async function iterateProjectsForExport(ctx: Ctx, query: repo.ProjectFilter & { regionCode?: string }) {
  const regionPath = await regionFilterPath(ctx.db, query.regionCode);
  return repo.iterateProjects(ctx.db, ctx.actor, { ...query, regionPath });
}

export async function getProject(ctx: Ctx, id: string) {
  const row = await repo.findProjectInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/** For other modules: the project if the actor may see it. */
export async function findProjectForScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findProjectInScope(db, actor, id);
  return (
    row && {
      id: row.id,
      code: row.code,
      name: row.name,
      regionCode: row.region_code,
      regionPath: row.region_path,
      supervisingIndustry: row.supervising_industry,
      status: row.status as ProjectStatus,
      generalContractorId: row.general_contractor_id,
      ownerId: row.owner_id,
      partyIds: row.party_ids,
      projectManagerIdBidx: row.project_manager_id_bidx,
      chiefSupervisorIdBidx: row.chief_supervisor_id_bidx,
      generalContractorName: row.general_contractor_name,
      // The labour-cost terms of the construction contract (人工费分账, ACC-04).
      laborTerms: {
        contractPriceFen: Number(row.contract_price_fen),
        laborCostShareBp: row.labor_cost_share_bp,
        allocationCycleMonths: row.allocation_cycle_months,
        payday: row.payday,
        start: row.actual_start ?? row.planned_start,
        end: row.actual_end ?? row.planned_end,
      },
    }
  );
}

export async function getProjectDetail(ctx: Ctx, id: string) {
  const row = await getProject(ctx, id);
  const money = await moneyFactsOf(ctx.db, id, shanghaiDate(ctx.clock.now()));
  const [history, subcontracts, maxAllocationCycleMonths, paymentGuaranteeRequired] = await Promise.all([
    repo.listStatusHistory(ctx.db, id),
    repo.listSubcontracts(ctx.db, id),
    getParamValue<number>(ctx.db, 'ACC-04.maxDisbursementCycleMonths', row.region_code, shanghaiDate(ctx.clock.now())),
    getParamValue<boolean>(ctx.db, 'PRJ-03.paymentGuaranteeRequired', row.region_code, shanghaiDate(ctx.clock.now())),
  ]);
  const compliance = complianceChecklist({
    registeredOn: shanghaiDate(row.registered_at),
    plannedStart: row.planned_start,
    actualStart: row.actual_start,
    laborOfficerName: row.labor_officer_name,
    meteringCycle: row.metering_cycle,
    settlementMethod: row.settlement_method,
    laborCostShareBp: row.labor_cost_share_bp,
    allocationCycleMonths: row.allocation_cycle_months,
    investmentType: row.investment_type as InvestmentType,
    fundsInPlace: row.funds_in_place,
    paymentGuarantee: row.payment_guarantee,
    boardSetUp: row.board_set_up,
    boardContents: row.board_contents,
    openEmployments: row.open_employments,
    params: { maxAllocationCycleMonths, paymentGuaranteeRequired },
    money,
  });
  return { row, history, subcontracts, compliance };
}


const problem = (field: string, zh: string, en: string): FieldProblem => ({ field, message: { zh, en } });

async function checkProject(ctx: Ctx, tx: DbOrTx, input: ProjectInput, exceptId?: string) {
  const problems: FieldProblem[] = [];
  const region = await findRegion(tx, input.regionCode);
  const level = region ? regionLevel(region.code) : null;
  const actor = ctx.actor;
  const regionOk = region && (actor.scope.kind === 'enterprise' || regionInScope(actor, region.path));
  if (!region || !regionOk) problems.push(problem('regionCode', '项目所在区划不存在或超出您的管辖范围', 'Region not found in your jurisdiction'));
  else if (level !== null && level < 3) problems.push(problem('regionCode', '项目须登记到县（区）或乡镇（街道）', 'Register a project at district or township level'));
  if (actor.scope.kind === 'region' && actor.scope.industry && actor.scope.industry !== supervisingIndustry(input.industry)) {
    problems.push(problem('industry', '只能登记本行业主管的项目', 'You may register projects of your own industry only'));
  }
  if (input.plannedEnd < input.plannedStart) problems.push(problem('plannedEnd', '计划竣工日期不能早于计划开工日期', 'Planned completion precedes planned start'));
  if (region && (await repo.projectNameTaken(tx, region.code, input.name, exceptId))) {
    problems.push(problem('name', '该区划内已有同名项目', 'A project of this name is already registered in this region'));
  }
  if (input.code && !exceptId && (await repo.findProjectByCode(tx, input.code))) problems.push(problem('code', '项目编码已存在', 'This project code is taken'));

  const refs = await findEnterpriseRefs(tx, { ids: [input.ownerId, input.generalContractorId] });
  const owner = refs.find((e) => e.id === input.ownerId);
  const gc = refs.find((e) => e.id === input.generalContractorId);
  if (!owner) problems.push(problem('ownerId', '建设单位未在单位库登记', 'The owner is not in the enterprise registry'));
  if (!gc) problems.push(problem('generalContractorId', '施工总承包单位未在单位库登记', 'The general contractor is not in the enterprise registry'));
  if (gc && gc.status !== 'active') problems.push(problem('generalContractorId', '施工总承包单位已注销', 'The general contractor is deregistered'));
  if (actor.scope.kind === 'enterprise' && ![input.ownerId, input.generalContractorId].includes(actor.scope.enterpriseId)) {
    problems.push(problem('generalContractorId', '企业只能登记本单位作为建设单位或总承包的项目', 'A company registers only projects it owns or contracts'));
  }

  let unitLevel = null;
  if (input.competentUnitId) {
    const [unit] = await findGovUnitRefs(tx, { ids: [input.competentUnitId] });
    if (!unit || !region || !region.path.startsWith(unit.region_path)) {
      problems.push(problem('competentUnitId', '行业主管部门须为项目所在地或上级的部门', "The competent department must belong to the project's region or above"));
    } else unitLevel = regionLevel(unit.region_code);
  }
  for (const [field, value] of [['projectManagerIdNumber', input.projectManagerIdNumber], ['chiefSupervisorIdNumber', input.chiefSupervisorIdNumber]] as const) {
    if (value) {
      const check = validateIdNumber(value, ctx.clock.now());
      if (!check.ok) problems.push({ field, message: check.reason });
    }
  }
  if (input.laborOfficerPhone) {
    const check = validateMobilePhone(input.laborOfficerPhone);
    if (!check.ok) problems.push({ field: 'laborOfficerPhone', message: check.reason });
  }
  if (input.laborOfficerPhone && !input.laborOfficerName) problems.push(problem('laborOfficerName', '请填写劳资专管员姓名', "Enter the labour officer's name"));
  if (input.status === 'in_progress') {
    const change = checkStatusChange({ from: 'not_started', to: 'in_progress', laborOfficerName: input.laborOfficerName ?? null });
    if (!change.ok) problems.push({ field: 'laborOfficerName', message: change.reason });
  }
  if (problems.length > 0) throw invalidFields(problems);
  return { region: region!, unitLevel };
}

function personalColumns(ctx: Ctx, id: string, input: ProjectInput, current?: repo.ProjectRow) {
  const id17 = (value: string | null | undefined, enc: string | null | undefined, bidx: string | null | undefined, aad: string) => {
    if (value === undefined && current) return { enc: enc ?? null, bidx: bidx ?? null };
    if (!value) return { enc: null, bidx: null };
    const n = normalizeIdNumber(value);
    return { enc: ctx.cipher.encrypt(n, aad), bidx: ctx.cipher.blindIndex('id_number', n) };
  };
  const pm = id17(input.projectManagerIdNumber, current?.project_manager_id_enc, current?.project_manager_id_bidx, pmIdAad(id));
  const cs = id17(input.chiefSupervisorIdNumber, current?.chief_supervisor_id_enc, current?.chief_supervisor_id_bidx, csIdAad(id));
  const phone = input.laborOfficerPhone;
  const keepPhone = phone === undefined && current;
  return {
    projectManagerIdEnc: pm.enc,
    projectManagerIdBidx: pm.bidx,
    chiefSupervisorIdEnc: cs.enc,
    chiefSupervisorIdBidx: cs.bidx,
    laborOfficerPhoneEnc: keepPhone ? current.labor_officer_phone_enc : phone ? ctx.cipher.encrypt(phone, laborOfficerPhoneAad(id)) : null,
    laborOfficerPhoneMask: keepPhone ? current.labor_officer_phone_mask : phone ? maskPhone(phone) : null,
  };
}

function projectWrite(
  ctx: Ctx,
  id: string,
  input: ProjectInput,
  checked: Awaited<ReturnType<typeof checkProject>>,
  base: { code: string; status: string; actualStart: string | null; actualEnd: string | null; partyIds: string[]; boardPhotoId: string | null },
  current?: repo.ProjectRow,
): repo.ProjectWrite {
  const derived = deriveOwnershipTier(input.investmentType, checked.unitLevel);
  const parties = new Set([input.ownerId, input.generalContractorId, ...base.partyIds.filter((p) => p !== current?.owner_id && p !== current?.general_contractor_id)]);
  return {
    code: base.code,
    name: input.name,
    commonName: input.commonName ?? null,
    regionCode: checked.region.code,
    regionPath: checked.region.path,
    address: input.address,
    industry: input.industry,
    supervisingIndustry: supervisingIndustry(input.industry),
    investmentType: input.investmentType,
    ownershipTier: input.ownershipTier ?? derived,
    ownershipTierOverridden: !!input.ownershipTier && input.ownershipTier !== derived,
    competentUnitId: input.competentUnitId ?? null,
    contractPriceFen: input.contractPriceFen,
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd,
    actualStart: base.actualStart,
    actualEnd: base.actualEnd,
    status: base.status,
    ownerId: input.ownerId,
    generalContractorId: input.generalContractorId,
    partyIds: [...parties],
    projectManagerName: input.projectManagerName ?? null,
    chiefSupervisorName: input.chiefSupervisorName ?? null,
    laborOfficerName: input.laborOfficerName ?? null,
    ...personalColumns(ctx, id, input, current),
    boardSetUp: input.boardSetUp ?? false,
    boardContents: input.boardContents ?? [],
    boardPhotoId: base.boardPhotoId,
    payday: input.payday ?? null,
    laborCostShareBp: input.laborCostShareBp ?? null,
    allocationCycleMonths: input.allocationCycleMonths ?? null,
    meteringCycle: input.meteringCycle ?? null,
    settlementMethod: input.settlementMethod ?? null,
    paymentGuarantee: input.paymentGuarantee ?? false,
    fundsInPlace: input.fundsInPlace ?? null,
  };
}

/** National-style code: the region's 6-digit code, the year, a 6-digit serial. */
async function newProjectCode(tx: DbOrTx, regionCode: string, today: string) {
  return `${regionCode.slice(0, 6)}${today.slice(0, 4)}${String(await repo.nextProjectSerial(tx)).padStart(6, '0')}`;
}

/** Inside the caller's transaction (the import creates many in one). */
export async function createProjectIn(ctx: Ctx, tx: DbOrTx, input: ProjectInput): Promise<repo.ProjectRow> {
  const id = uuidv7();
  const checked = await checkProject(ctx, tx, input);
  const today = shanghaiDate(ctx.clock.now());
  const status = input.status ?? 'not_started';
  const code = input.code || (await newProjectCode(tx, checked.region.code, today));
  const actualStart = status === 'in_progress' ? (input.actualStart ?? today) : null;
  const write = projectWrite(ctx, id, input, checked, { code, status, actualStart, actualEnd: null, partyIds: [], boardPhotoId: null });
  await repo.insertProjects(tx, [{ ...write, id }], ctx.clock.now());
  await repo.insertStatusHistory(tx, { projectId: id, at: ctx.clock.now(), from: null, to: status, reason: '登记入台账', actorName: ctx.actor.name });
  const created = (await repo.findProjectInScope(tx, ctx.actor, id))!;
  await audit(tx, ctx, { action: 'project.create', objectType: 'project', objectId: id, after: projectSnapshot(created), regionPath: checked.region.path });
  return created;
}

export const createProject = (ctx: Ctx, input: ProjectInput) => ctx.db.tx((tx) => createProjectIn(ctx, tx, input));

export async function updateProject(ctx: Ctx, id: string, input: ProjectInput & { version: number }) {
  return ctx.db.tx(async (tx) => {
    const before = await repo.findProjectInScope(tx, ctx.actor, id, true);
    if (!before) throw notFound();
    if (!mayWriteProject(ctx.actor, before)) throw new AppError('FORBIDDEN');
    const checked = await checkProject(ctx, tx, { ...input, code: undefined, status: undefined }, id);
    if (before.status !== 'not_started' && !input.laborOfficerName) {
      throw invalidFields([problem('laborOfficerName', '在建项目必须有劳资专管员（条例第28条）', 'A project under way must have a labour officer (Reg. Art. 28)')]);
    }
    const write = projectWrite(
      ctx,
      id,
      input,
      checked,
      { code: before.code, status: before.status, actualStart: before.actual_start, actualEnd: before.actual_end, partyIds: before.party_ids, boardPhotoId: before.board_photo_id },
      before,
    );
    if (!(await repo.updateProject(tx, id, input.version, write, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    const after = (await repo.findProjectInScope(tx, ctx.actor, id))!;
    await audit(tx, ctx, { action: 'project.update', objectType: 'project', objectId: id, before: projectSnapshot(before), after: projectSnapshot(after), regionPath: after.region_path });
    return after;
  });
}

export async function changeProjectStatus(ctx: Ctx, id: string, input: { status: ProjectStatus; date: string; reason: string; version: number }) {
  return ctx.db.tx(async (tx) => {
    const before = await repo.findProjectInScope(tx, ctx.actor, id, true);
    if (!before) throw notFound();
    if (!mayWriteProject(ctx.actor, before)) throw new AppError('FORBIDDEN');
    const check = checkStatusChange({ from: before.status as ProjectStatus, to: input.status, laborOfficerName: before.labor_officer_name });
    if (!check.ok) throw invalidFields([{ field: 'status', message: check.reason }]);
    if (input.date > shanghaiDate(ctx.clock.now())) throw invalidFields([problem('date', '日期不能晚于今天', 'The date cannot be in the future')]);
    const write: repo.ProjectWrite = {
      ...rowToWrite(before),
      status: input.status,
      actualStart: input.status === 'in_progress' && !before.actual_start ? input.date : before.actual_start,
      actualEnd: input.status === 'completed' ? input.date : input.status === 'in_progress' ? null : before.actual_end,
    };
    if (!(await repo.updateProject(tx, id, input.version, write, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await repo.insertStatusHistory(tx, { projectId: id, at: ctx.clock.now(), from: before.status, to: input.status, reason: input.reason, actorName: ctx.actor.name });
    await audit(tx, ctx, {
      action: 'project.status',
      objectType: 'project',
      objectId: id,
      before: { status: before.status },
      after: { status: input.status, date: input.date, reason: input.reason },
      regionPath: before.region_path,
    });
    return (await repo.findProjectInScope(tx, ctx.actor, id))!;
  });
}

function rowToWrite(r: repo.ProjectRow): repo.ProjectWrite {
  return {
    code: r.code,
    name: r.name,
    commonName: r.common_name,
    regionCode: r.region_code,
    regionPath: r.region_path,
    address: r.address,
    industry: r.industry,
    supervisingIndustry: r.supervising_industry,
    investmentType: r.investment_type,
    ownershipTier: r.ownership_tier,
    ownershipTierOverridden: r.ownership_tier_overridden,
    competentUnitId: r.competent_unit_id,
    contractPriceFen: Number(r.contract_price_fen),
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    status: r.status,
    ownerId: r.owner_id,
    generalContractorId: r.general_contractor_id,
    partyIds: r.party_ids,
    projectManagerName: r.project_manager_name,
    projectManagerIdEnc: r.project_manager_id_enc,
    projectManagerIdBidx: r.project_manager_id_bidx,
    chiefSupervisorName: r.chief_supervisor_name,
    chiefSupervisorIdEnc: r.chief_supervisor_id_enc,
    chiefSupervisorIdBidx: r.chief_supervisor_id_bidx,
    laborOfficerName: r.labor_officer_name,
    laborOfficerPhoneEnc: r.labor_officer_phone_enc,
    laborOfficerPhoneMask: r.labor_officer_phone_mask,
    boardSetUp: r.board_set_up,
    boardContents: r.board_contents,
    boardPhotoId: r.board_photo_id,
    payday: r.payday,
    laborCostShareBp: r.labor_cost_share_bp,
    allocationCycleMonths: r.allocation_cycle_months,
    meteringCycle: r.metering_cycle,
    settlementMethod: r.settlement_method,
    paymentGuarantee: r.payment_guarantee,
    fundsInPlace: r.funds_in_place,
  };
}

export async function addSubcontract(
  ctx: Ctx,
  projectId: string,
  input: { enterpriseId: string; parentEnterpriseId: string; scopeOfWork: string; amountFen: number; signedOn?: string | null },
) {
  return ctx.db.tx(async (tx) => {
    const project = await repo.findProjectInScope(tx, ctx.actor, projectId, true);
    if (!project) throw notFound();
    if (!mayWriteProject(ctx.actor, project)) throw new AppError('FORBIDDEN');
    const problems: FieldProblem[] = [];
    const [sub] = await findEnterpriseRefs(tx, { ids: [input.enterpriseId] });
    if (!sub) problems.push(problem('enterpriseId', '分包单位未在单位库登记', 'The subcontractor is not in the enterprise registry'));
    if ([project.owner_id, project.general_contractor_id].includes(input.enterpriseId)) {
      problems.push(problem('enterpriseId', '分包单位不能是建设单位或总承包单位', 'A subcontractor cannot be the owner or the general contractor'));
    }
    const chain = (await repo.listSubcontracts(tx, projectId)).map((s) => s.enterprise_id);
    if (chain.includes(input.enterpriseId)) problems.push(problem('enterpriseId', '该单位已是本项目分包单位', 'Already a subcontractor on this project'));
    if (input.parentEnterpriseId !== project.general_contractor_id && !chain.includes(input.parentEnterpriseId)) {
      problems.push(problem('parentEnterpriseId', '发包方须为总承包单位或本项目已登记的分包单位', 'The letting party must be the general contractor or a registered subcontractor'));
    }
    if (problems.length) throw invalidFields(problems);
    const id = uuidv7();
    await repo.insertSubcontract(tx, { projectId, id, enterpriseId: input.enterpriseId, parentId: input.parentEnterpriseId, scopeOfWork: input.scopeOfWork, amountFen: input.amountFen, signedOn: input.signedOn ?? null, now: ctx.clock.now() });
    await audit(tx, ctx, { action: 'project.subcontract.add', objectType: 'project', objectId: projectId, after: { subcontractId: id, enterpriseId: input.enterpriseId, parentEnterpriseId: input.parentEnterpriseId, amountFen: input.amountFen }, regionPath: project.region_path });
    return repo.listSubcontracts(tx, projectId);
  });
}

export async function uploadBoardPhoto(ctx: Ctx, projectId: string, file: { name: string; content: Buffer }) {
  return ctx.db.tx(async (tx) => {
    const project = await repo.findProjectInScope(tx, ctx.actor, projectId, true);
    if (!project) throw notFound();
    if (!mayWriteProject(ctx.actor, project)) throw new AppError('FORBIDDEN');
    const stored = await storeFile(ctx, tx, file, ['image/jpeg', 'image/png']);
    await repo.setBoardPhoto(tx, projectId, stored.id, ctx.clock.now());
    await audit(tx, ctx, { action: 'project.board_photo', objectType: 'project', objectId: projectId, after: { fileId: stored.id, sha256: stored.sha256 }, regionPath: project.region_path });
    return stored;
  });
}

export async function readBoardPhoto(ctx: Ctx, projectId: string) {
  const project = await getProject(ctx, projectId);
  const file = project.board_photo_id ? await readStoredFile(ctx, ctx.db, project.board_photo_id) : undefined;
  if (!file) throw notFound();
  return file;
}

export type RevealField = 'laborOfficerPhone' | 'projectManagerIdNumber' | 'chiefSupervisorIdNumber';

export async function revealProjectField(ctx: Ctx, id: string, field: RevealField, reason: string): Promise<{ field: RevealField; value: string | null }> {
  if (!can(ctx.actor, 'pii.view_full')) throw new AppError('FORBIDDEN');
  return ctx.db.tx(async (tx) => {
    const row = await repo.findProjectInScope(tx, ctx.actor, id);
    if (!row) throw notFound();
    const [enc, aad] =
      field === 'laborOfficerPhone'
        ? [row.labor_officer_phone_enc, laborOfficerPhoneAad(id)]
        : field === 'projectManagerIdNumber'
          ? [row.project_manager_id_enc, pmIdAad(id)]
          : [row.chief_supervisor_id_enc, csIdAad(id)];
    const value = enc ? ctx.cipher.decrypt(enc, aad) : null;
    await audit(tx, ctx, { action: 'pii.reveal', objectType: 'project', objectId: id, reason, after: { field }, regionPath: row.region_path });
    return { field, value };
  });
}

/** The secret columns of this module, for key rotation. */
export const ENCRYPTED_COLUMNS = [
  { table: 'projects', column: 'project_manager_id_enc', aad: pmIdAad },
  { table: 'projects', column: 'chief_supervisor_id_enc', aad: csIdAad },
  { table: 'projects', column: 'labor_officer_phone_enc', aad: laborOfficerPhoneAad },
];
