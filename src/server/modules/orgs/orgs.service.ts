import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/actor';
import { regionInScope } from '../../platform/access/scope-sql';
import { type Ctx, audit } from '../../platform/context';
import { AppError, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import type { Page } from '../../db/paging';
import { normalizeIdNumber, validateIdNumber, validateMobilePhone } from '../../platform/validators';
import { findRegion, regionFilterPath } from '../regions';
import * as repo from './orgs.repo';
import { normalizeCreditCode, validateCreditCode } from './orgs.rules';
import { enterpriseSnapshot, govUnitSnapshot } from './orgs.presenter';

const idAad = (id: string) => `enterprises:${id}:legal_rep_id`;
const phoneAad = (id: string) => `enterprises:${id}:legal_rep_phone`;

// ---- enterprises ----

export interface EnterpriseInput {
  creditCode: string;
  name: string;
  type: string;
  industry: string;
  regionCode: string;
  legalRepName: string;
  /** Omitted: keep the stored value; null: clear it. */
  legalRepIdNumber?: string | null;
  legalRepPhone?: string | null;
  address?: string | null;
  bankId?: string | null;
  status?: 'active' | 'deregistered';
}

export async function listEnterprises(
  ctx: Ctx,
  query: { q?: string; type?: string; industry?: string; regionCode?: string; status?: string; legalRepIdNumber?: string; page: number; pageSize: number },
): Promise<Page<repo.EnterpriseRow>> {
  const regionPath = await regionFilterPath(ctx.db, query.regionCode);
  const legalRepIdBidx = query.legalRepIdNumber ? ctx.cipher.blindIndex('id_number', normalizeIdNumber(query.legalRepIdNumber)) : undefined;
  return repo.listEnterprises(ctx.db, ctx.actor, { ...query, regionPath, legalRepIdBidx }, query);
}

export async function getEnterprise(ctx: Ctx, id: string) {
  const row = await repo.findEnterpriseInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/** For other modules (user and API-key scopes): the enterprise if the actor may see it. */
export async function findEnterpriseForScope(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findEnterpriseInScope(db, actor, id);
  return row && { id: row.id, name: row.name, regionPath: row.region_path };
}

async function checkEnterprise(ctx: Ctx, tx: DbOrTx, input: EnterpriseInput, exceptId?: string) {
  const problems: FieldProblem[] = [];
  const creditCode = normalizeCreditCode(input.creditCode);
  const credit = validateCreditCode(creditCode);
  if (!credit.ok) problems.push({ field: 'creditCode', message: credit.reason });
  else if (await repo.creditCodeTaken(tx, creditCode, exceptId)) {
    problems.push({ field: 'creditCode', message: { zh: '该统一社会信用代码已登记', en: 'This credit code is already registered' } });
  }
  const region = await findRegion(tx, input.regionCode);
  if (!region || !regionInScope(ctx.actor, region.path)) {
    problems.push({ field: 'regionCode', message: { zh: '所在区划不存在或超出您的管辖范围', en: 'Region not found in your jurisdiction' } });
  }
  if (input.legalRepIdNumber) {
    const idCheck = validateIdNumber(input.legalRepIdNumber);
    if (!idCheck.ok) problems.push({ field: 'legalRepIdNumber', message: idCheck.reason });
  }
  if (input.legalRepPhone) {
    const phoneCheck = validateMobilePhone(input.legalRepPhone);
    if (!phoneCheck.ok) problems.push({ field: 'legalRepPhone', message: phoneCheck.reason });
  }
  if (input.bankId && !(await repo.findBank(tx, input.bankId))) {
    problems.push({ field: 'bankId', message: { zh: '开户银行不存在', en: 'Unknown bank' } });
  }
  if (problems.length > 0) throw invalidFields(problems);
  return { creditCode, region: region! };
}

function personalColumns(ctx: Ctx, id: string, input: EnterpriseInput, current?: repo.EnterpriseRow) {
  const idNumber = input.legalRepIdNumber;
  const phone = input.legalRepPhone;
  const keepId = idNumber === undefined && current;
  const keepPhone = phone === undefined && current;
  const normalizedId = idNumber ? normalizeIdNumber(idNumber) : null;
  return {
    legalRepIdEnc: keepId ? current.legal_rep_id_enc : normalizedId ? ctx.cipher.encrypt(normalizedId, idAad(id)) : null,
    legalRepIdBidx: keepId ? current.legal_rep_id_bidx : normalizedId ? ctx.cipher.blindIndex('id_number', normalizedId) : null,
    legalRepPhoneEnc: keepPhone ? current.legal_rep_phone_enc : phone ? ctx.cipher.encrypt(phone, phoneAad(id)) : null,
    legalRepPhoneBidx: keepPhone ? current.legal_rep_phone_bidx : phone ? ctx.cipher.blindIndex('phone', phone) : null,
  };
}

export async function createEnterprise(ctx: Ctx, input: EnterpriseInput) {
  const id = uuidv7();
  return ctx.db.tx(async (tx) => {
    const { creditCode, region } = await checkEnterprise(ctx, tx, input);
    const personal = personalColumns(ctx, id, input);
    await repo.insertEnterprise(
      tx,
      id,
      {
        creditCode,
        name: input.name,
        type: input.type,
        industry: input.industry,
        regionCode: region.code,
        regionPath: region.path,
        legalRepName: input.legalRepName,
        ...personal,
        address: input.address ?? null,
        bankId: input.bankId ?? null,
        status: input.status ?? 'active',
      },
      ctx.clock.now(),
    );
    const created = (await repo.findEnterpriseInScope(tx, ctx.actor, id))!;
    await audit(tx, ctx, { action: 'enterprise.create', objectType: 'enterprise', objectId: id, after: enterpriseSnapshot(created), regionPath: region.path });
    return created;
  });
}

export async function updateEnterprise(ctx: Ctx, id: string, input: EnterpriseInput & { version: number }) {
  return ctx.db.tx(async (tx) => {
    const before = await repo.findEnterpriseInScope(tx, ctx.actor, id, true);
    if (!before) throw notFound();
    const { creditCode, region } = await checkEnterprise(ctx, tx, input, id);
    const personal = personalColumns(ctx, id, input, before);
    const ok = await repo.updateEnterprise(
      tx,
      id,
      input.version,
      {
        creditCode,
        name: input.name,
        type: input.type,
        industry: input.industry,
        regionCode: region.code,
        regionPath: region.path,
        legalRepName: input.legalRepName,
        ...personal,
        address: input.address === undefined ? before.address : input.address,
        bankId: input.bankId === undefined ? before.bank_id : input.bankId,
        status: input.status ?? before.status,
      },
      ctx.clock.now(),
    );
    if (!ok) throw new AppError('VERSION_CONFLICT');
    // The scope check runs again: an edit may not move a record out of the editor's own reach.
    const after = await repo.findEnterpriseInScope(tx, ctx.actor, id);
    if (!after) throw invalidFields([{ field: 'regionCode', message: { zh: '不能将企业移出您的管辖范围', en: 'You cannot move the enterprise out of your jurisdiction' } }]);
    await audit(tx, ctx, {
      action: 'enterprise.update',
      objectType: 'enterprise',
      objectId: id,
      before: enterpriseSnapshot(before),
      after: enterpriseSnapshot(after),
      regionPath: after.region_path,
    });
    return after;
  });
}

/**
 * The audited reveal of one personal-data field (SECURITY.md item 14): needs `pii.view_full`,
 * a reason, and writes the audit record in the same transaction as the read.
 */
export async function revealEnterpriseField(ctx: Ctx, id: string, input: { field: 'legalRepIdNumber' | 'legalRepPhone'; reason: string }) {
  if (!can(ctx.actor, 'pii.view_full')) throw new AppError('FORBIDDEN');
  return ctx.db.tx(async (tx) => {
    const row = await repo.findEnterpriseInScope(tx, ctx.actor, id);
    if (!row) throw notFound();
    const ciphertext = input.field === 'legalRepIdNumber' ? row.legal_rep_id_enc : row.legal_rep_phone_enc;
    const value = ciphertext ? ctx.cipher.decrypt(ciphertext, input.field === 'legalRepIdNumber' ? idAad(id) : phoneAad(id)) : null;
    await audit(tx, ctx, {
      action: 'pii.reveal',
      objectType: 'enterprise',
      objectId: id,
      reason: input.reason,
      after: { field: input.field },
      regionPath: row.region_path,
    });
    return { field: input.field, value };
  });
}

// ---- government units ----

export interface GovUnitInput {
  regionCode: string;
  kind: string;
  name: string;
  officePhone?: string | null;
  address?: string | null;
}

export async function listGovUnits(ctx: Ctx, query: { q?: string; kind?: string; regionCode?: string; page: number; pageSize: number }) {
  const regionPath = await regionFilterPath(ctx.db, query.regionCode);
  return repo.listGovUnits(ctx.db, ctx.actor, { ...query, regionPath }, query);
}

export async function getGovUnit(ctx: Ctx, id: string) {
  const row = await repo.findGovUnitInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

async function checkGovUnit(ctx: Ctx, tx: DbOrTx, input: GovUnitInput, exceptId?: string) {
  const region = await findRegion(tx, input.regionCode);
  if (!region || !regionInScope(ctx.actor, region.path)) {
    throw invalidFields([{ field: 'regionCode', message: { zh: '所在区划不存在或超出您的管辖范围', en: 'Region not found in your jurisdiction' } }]);
  }
  if (await repo.govUnitNameTaken(tx, region.code, input.name, exceptId)) {
    throw invalidFields([{ field: 'name', message: { zh: '该区划下已有同名单位', en: 'A unit with this name exists in this region' } }]);
  }
  return region;
}

export async function createGovUnit(ctx: Ctx, input: GovUnitInput) {
  const id = uuidv7();
  return ctx.db.tx(async (tx) => {
    const region = await checkGovUnit(ctx, tx, input);
    await repo.insertGovUnit(tx, id, { ...unitWrite(input), regionCode: region.code, regionPath: region.path }, ctx.clock.now());
    const created = (await repo.findGovUnitInScope(tx, ctx.actor, id))!;
    await audit(tx, ctx, { action: 'gov_unit.create', objectType: 'gov_unit', objectId: id, after: govUnitSnapshot(created), regionPath: region.path });
    return created;
  });
}

export async function updateGovUnit(ctx: Ctx, id: string, input: GovUnitInput & { version: number }) {
  return ctx.db.tx(async (tx) => {
    const before = await repo.findGovUnitInScope(tx, ctx.actor, id);
    if (!before) throw notFound();
    const region = await checkGovUnit(ctx, tx, input, id);
    if (!(await repo.updateGovUnit(tx, id, input.version, { ...unitWrite(input), regionCode: region.code, regionPath: region.path }, ctx.clock.now()))) {
      throw new AppError('VERSION_CONFLICT');
    }
    const after = (await repo.findGovUnitInScope(tx, ctx.actor, id))!;
    await audit(tx, ctx, { action: 'gov_unit.update', objectType: 'gov_unit', objectId: id, before: govUnitSnapshot(before), after: govUnitSnapshot(after), regionPath: region.path });
    return after;
  });
}

export async function deleteGovUnit(ctx: Ctx, id: string) {
  await ctx.db.tx(async (tx) => {
    const before = await repo.findGovUnitInScope(tx, ctx.actor, id);
    if (!before) throw notFound();
    await repo.deleteGovUnit(tx, id);
    await audit(tx, ctx, { action: 'gov_unit.delete', objectType: 'gov_unit', objectId: id, before: govUnitSnapshot(before), regionPath: before.region_path });
  });
}

const unitWrite = (input: GovUnitInput) => ({
  kind: input.kind,
  name: input.name,
  officePhone: input.officePhone ?? null,
  address: input.address ?? null,
});

// ---- banks ----

export const listBanks = (ctx: Ctx, q?: string) => repo.listBanks(ctx.db, q);

/** Banks are a national catalogue, so only a system administrator edits them. */
function assertBankEditor(ctx: Ctx) {
  if (ctx.actor.kind !== 'system' && ctx.actor.role !== 'system_admin') throw new AppError('FORBIDDEN');
}

async function checkBank(tx: DbOrTx, input: { name: string; bankCode: string }, exceptId?: string) {
  const taken = await repo.bankTaken(tx, input.name, input.bankCode, exceptId);
  const problems: FieldProblem[] = [];
  if (taken.name) problems.push({ field: 'name', message: { zh: '银行名称已存在', en: 'Bank name already exists' } });
  if (taken.code) problems.push({ field: 'bankCode', message: { zh: '联行号已存在', en: 'Bank code already exists' } });
  if (problems.length > 0) throw invalidFields(problems);
}

export async function createBank(ctx: Ctx, input: { name: string; bankCode: string }) {
  assertBankEditor(ctx);
  const id = uuidv7();
  return ctx.db.tx(async (tx) => {
    await checkBank(tx, input);
    await repo.insertBank(tx, { id, ...input, now: ctx.clock.now() });
    await audit(tx, ctx, { action: 'bank.create', objectType: 'bank', objectId: id, after: input });
    return (await repo.findBank(tx, id))!;
  });
}

export async function updateBank(ctx: Ctx, id: string, input: { name: string; bankCode: string; version: number }) {
  assertBankEditor(ctx);
  return ctx.db.tx(async (tx) => {
    const before = await repo.findBank(tx, id);
    if (!before) throw notFound();
    await checkBank(tx, input, id);
    if (!(await repo.updateBank(tx, id, input.version, input, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, { action: 'bank.update', objectType: 'bank', objectId: id, before: { name: before.name, bankCode: before.bank_code }, after: { name: input.name, bankCode: input.bankCode } });
    return (await repo.findBank(tx, id))!;
  });
}

/** The personal-data columns of this module, for key rotation. */
export const ENCRYPTED_COLUMNS = [
  { table: 'enterprises', column: 'legal_rep_id_enc', aad: idAad },
  { table: 'enterprises', column: 'legal_rep_phone_enc', aad: phoneAad },
];
