import { Type } from '@sinclair/typebox';
import { Nullable, Strict } from '../../platform/http/schemas';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/actor';
import type { FieldCipher } from '../../platform/context';
import { maskIdNumber } from '../../platform/crypto/masking';
import type { ComplianceItem } from './projects.rules';
import { type ProjectRow, type StatusHistoryRow, type SubcontractRow, csIdAad, pmIdAad } from './projects.repo';
import { actsForGeneralContractor, mayWriteProject } from './projects.policy';

const Bi = Type.Object({ zh: Type.String(), en: Type.String() }, Strict);
const DateText = Type.String({ format: 'date' });

export const ProjectSummary = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    commonName: Nullable(Type.String()),
    regionCode: Type.String(),
    regionName: Type.String(),
    industry: Type.String(),
    investmentType: Type.String(),
    ownershipTier: Type.String(),
    status: Type.String(),
    contractPriceFen: Type.Integer(),
    ownerId: Type.String(),
    ownerName: Type.String(),
    generalContractorId: Type.String(),
    generalContractorName: Type.String(),
    laborOfficerName: Nullable(Type.String()),
    laborOfficerPhone: Nullable(Type.String({ description: '默认脱敏 / masked unless revealed' })),
    plannedStart: DateText,
    plannedEnd: DateText,
    openEmployments: Type.Integer({ description: '在场人数（花名册未退场）' }),
    version: Type.Integer(),
  },
  Strict,
);

export const ProjectDetail = Type.Object(
  {
    ...ProjectSummary.properties,
    address: Type.String(),
    ownershipTierOverridden: Type.Boolean(),
    competentUnitId: Nullable(Type.String()),
    competentUnitName: Nullable(Type.String()),
    actualStart: Nullable(DateText),
    actualEnd: Nullable(DateText),
    ownerCreditCode: Type.String(),
    generalContractorCreditCode: Type.String(),
    projectManagerName: Nullable(Type.String()),
    projectManagerIdNumber: Nullable(Type.String({ description: 'masked' })),
    chiefSupervisorName: Nullable(Type.String()),
    chiefSupervisorIdNumber: Nullable(Type.String({ description: 'masked' })),
    boardSetUp: Type.Boolean(),
    boardContents: Type.Array(Type.String()),
    hasBoardPhoto: Type.Boolean(),
    payday: Nullable(Type.Integer()),
    laborCostShareBp: Nullable(Type.Integer({ description: '人工费占合同价比例，万分之一' })),
    allocationCycleMonths: Nullable(Type.Integer()),
    meteringCycle: Nullable(Type.String()),
    settlementMethod: Nullable(Type.String()),
    paymentGuarantee: Type.Boolean(),
    fundsInPlace: Nullable(Type.Boolean()),
    registeredAt: Type.String({ format: 'date-time' }),
    subcontracts: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          enterpriseId: Type.String(),
          enterpriseName: Type.String(),
          enterpriseCreditCode: Type.String(),
          parentId: Type.String(),
          parentName: Type.String(),
          scopeOfWork: Type.String(),
          amountFen: Type.Integer(),
          signedOn: Nullable(DateText),
        },
        Strict,
      ),
    ),
    statusHistory: Type.Array(
      Type.Object({ at: Type.String(), fromStatus: Nullable(Type.String()), toStatus: Type.String(), reason: Nullable(Type.String()), actorName: Type.String() }, Strict),
    ),
    compliance: Type.Array(
      Type.Object({ rule: Type.String(), state: Type.String(), label: Bi, detail: Type.Optional(Bi) }, Strict),
    ),
    actions: Type.Array(Type.String()),
  },
  Strict,
);

export function presentProjectSummary(r: ProjectRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    commonName: r.common_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    industry: r.industry,
    investmentType: r.investment_type,
    ownershipTier: r.ownership_tier,
    status: r.status,
    contractPriceFen: Number(r.contract_price_fen),
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    generalContractorId: r.general_contractor_id,
    generalContractorName: r.general_contractor_name,
    laborOfficerName: r.labor_officer_name,
    laborOfficerPhone: r.labor_officer_phone_mask,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    openEmployments: r.open_employments,
    version: r.version,
  };
}

export function presentProjectDetail(
  d: { row: ProjectRow; history: StatusHistoryRow[]; subcontracts: SubcontractRow[]; compliance: ComplianceItem[] },
  actor: Actor,
  cipher: FieldCipher,
) {
  const r = d.row;
  const maskedId = (enc: string | null, aad: string) => (enc ? maskIdNumber(cipher.decrypt(enc, aad)) : null);
  const actions: string[] = [];
  if (mayWriteProject(actor, r)) actions.push('update', 'status', 'subcontract', 'board_photo');
  if (can(actor, 'pii.view_full')) actions.push('reveal');
  if (can(actor, 'workforce.write')) actions.push('roster');
  const keeper = actsForGeneralContractor(actor, r.general_contractor_id);
  if (keeper && can(actor, 'attendance.write')) actions.push('attendance');
  if (keeper && can(actor, 'national.export')) actions.push('national');
  return {
    ...presentProjectSummary(r),
    address: r.address,
    ownershipTierOverridden: r.ownership_tier_overridden,
    competentUnitId: r.competent_unit_id,
    competentUnitName: r.competent_unit_name,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    ownerCreditCode: r.owner_credit_code,
    generalContractorCreditCode: r.general_contractor_credit_code,
    projectManagerName: r.project_manager_name,
    projectManagerIdNumber: maskedId(r.project_manager_id_enc, pmIdAad(r.id)),
    chiefSupervisorName: r.chief_supervisor_name,
    chiefSupervisorIdNumber: maskedId(r.chief_supervisor_id_enc, csIdAad(r.id)),
    boardSetUp: r.board_set_up,
    boardContents: r.board_contents,
    hasBoardPhoto: !!r.board_photo_id,
    payday: r.payday,
    laborCostShareBp: r.labor_cost_share_bp,
    allocationCycleMonths: r.allocation_cycle_months,
    meteringCycle: r.metering_cycle,
    settlementMethod: r.settlement_method,
    paymentGuarantee: r.payment_guarantee,
    fundsInPlace: r.funds_in_place,
    registeredAt: r.registered_at.toISOString(),
    subcontracts: d.subcontracts.map((s) => ({
      id: s.id,
      enterpriseId: s.enterprise_id,
      enterpriseName: s.enterprise_name,
      enterpriseCreditCode: s.enterprise_credit_code,
      parentId: s.parent_id,
      parentName: s.parent_name,
      scopeOfWork: s.scope_of_work,
      amountFen: Number(s.amount_fen),
      signedOn: s.signed_on,
    })),
    statusHistory: d.history.map((h) => ({ at: h.at.toISOString(), fromStatus: h.from_status, toStatus: h.to_status, reason: h.reason, actorName: h.actor_name })),
    compliance: d.compliance,
    actions,
  };
}

/** What the audit log keeps of a project: facts, never the personal data. */
export function projectSnapshot(r: ProjectRow) {
  return {
    code: r.code,
    name: r.name,
    regionCode: r.region_code,
    industry: r.industry,
    investmentType: r.investment_type,
    ownershipTier: r.ownership_tier,
    status: r.status,
    contractPriceFen: Number(r.contract_price_fen),
    ownerId: r.owner_id,
    generalContractorId: r.general_contractor_id,
    laborOfficerName: r.labor_officer_name,
    boardSetUp: r.board_set_up,
  };
}
