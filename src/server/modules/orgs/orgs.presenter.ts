import { Type, type Static } from '@sinclair/typebox';
import type { Actor } from '../../platform/access/actor';
import type { FieldCipher } from '../../platform/context';
import { maskIdNumber, maskPhone } from '../../platform/crypto/masking';
import { Nullable, Strict, Timestamp } from '../../platform/http/schemas';
import type { BankRow, EnterpriseRow, GovUnitRow } from './orgs.repo';
import { bankActions, enterpriseActions, govUnitActions } from './orgs.policy';

const Actions = Type.Array(Type.Union([Type.Literal('update'), Type.Literal('reveal'), Type.Literal('delete')]));

export const Enterprise = Type.Object(
  {
    id: Type.String(),
    creditCode: Type.String(),
    name: Type.String(),
    type: Type.String(),
    industry: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    legalRepName: Type.String(),
    /** Always masked here (前6后4); the full value only through the audited reveal. */
    legalRepIdNumber: Nullable(Type.String()),
    legalRepPhone: Nullable(Type.String()),
    address: Nullable(Type.String()),
    bankId: Nullable(Type.String()),
    bankName: Nullable(Type.String()),
    status: Type.Union([Type.Literal('active'), Type.Literal('deregistered')]),
    updatedAt: Timestamp,
    version: Type.Integer(),
    allowedActions: Actions,
  },
  Strict,
);
export type EnterpriseDto = Static<typeof Enterprise>;

export function presentEnterprise(row: EnterpriseRow, actor: Actor, cipher: FieldCipher): EnterpriseDto {
  const idNumber = row.legal_rep_id_enc ? cipher.decrypt(row.legal_rep_id_enc, `enterprises:${row.id}:legal_rep_id`) : null;
  const phone = row.legal_rep_phone_enc ? cipher.decrypt(row.legal_rep_phone_enc, `enterprises:${row.id}:legal_rep_phone`) : null;
  return {
    id: row.id,
    creditCode: row.credit_code,
    name: row.name,
    type: row.type,
    industry: row.industry,
    regionCode: row.region_code,
    regionName: row.region_name,
    legalRepName: row.legal_rep_name,
    legalRepIdNumber: idNumber && maskIdNumber(idNumber),
    legalRepPhone: phone && maskPhone(phone),
    address: row.address,
    bankId: row.bank_id,
    bankName: row.bank_name,
    status: row.status,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    allowedActions: enterpriseActions(actor),
  };
}

/** What the audit log keeps of an enterprise: no personal data, only whether it is on file. */
export const enterpriseSnapshot = (row: EnterpriseRow) => ({
  creditCode: row.credit_code,
  name: row.name,
  type: row.type,
  industry: row.industry,
  regionCode: row.region_code,
  legalRepName: row.legal_rep_name,
  legalRepIdOnFile: row.legal_rep_id_enc !== null,
  legalRepPhoneOnFile: row.legal_rep_phone_enc !== null,
  address: row.address,
  bankId: row.bank_id,
  status: row.status,
});

export const GovUnit = Type.Object(
  {
    id: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    kind: Type.String(),
    name: Type.String(),
    officePhone: Nullable(Type.String()),
    address: Nullable(Type.String()),
    updatedAt: Timestamp,
    version: Type.Integer(),
    allowedActions: Actions,
  },
  Strict,
);
export type GovUnitDto = Static<typeof GovUnit>;

export const presentGovUnit = (row: GovUnitRow, actor: Actor): GovUnitDto => ({
  id: row.id,
  regionCode: row.region_code,
  regionName: row.region_name,
  kind: row.kind,
  name: row.name,
  officePhone: row.office_phone,
  address: row.address,
  updatedAt: row.updated_at.toISOString(),
  version: row.version,
  allowedActions: govUnitActions(actor),
});

export const govUnitSnapshot = (row: GovUnitRow) => ({
  regionCode: row.region_code,
  kind: row.kind,
  name: row.name,
  officePhone: row.office_phone,
  address: row.address,
});

export const Bank = Type.Object(
  { id: Type.String(), name: Type.String(), bankCode: Type.String(), version: Type.Integer(), allowedActions: Actions },
  Strict,
);
export type BankDto = Static<typeof Bank>;

export const presentBank = (row: BankRow, actor: Actor): BankDto => ({
  id: row.id,
  name: row.name,
  bankCode: row.bank_code,
  version: row.version,
  allowedActions: bankActions(actor),
});
