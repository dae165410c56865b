import { Type } from '@sinclair/typebox';
import { can, type Actor } from '../../platform/access/actor';
import { Nullable, Strict } from '../../platform/http/schemas';
import type { EmploymentRow, TeamRow, WorkerRow } from './workforce.repo';
import { ageOn } from './workforce.rules';

const DateText = Type.String({ format: 'date' });

export const WorkerSummary = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    idNumber: Type.String({ description: '脱敏 / masked' }),
    gender: Type.String(),
    birthDate: DateText,
    phone: Nullable(Type.String({ description: 'masked' })),
    trade: Nullable(Type.String()),
    nativePlace: Nullable(Type.String()),
    openEmployments: Type.Integer({ description: '当前在场项目数' }),
  },
  Strict,
);

export const RosterEntry = Type.Object(
  {
    employmentId: Type.String(),
    projectId: Type.String(),
    projectName: Type.String(),
    projectCode: Type.String(),
    workerId: Type.String(),
    name: Type.String(),
    idNumber: Type.String({ description: 'masked' }),
    gender: Type.String(),
    age: Type.Integer(),
    phone: Nullable(Type.String()),
    employerId: Type.String(),
    employerName: Type.String(),
    teamId: Nullable(Type.String()),
    teamName: Nullable(Type.String()),
    isTeamLeader: Type.Boolean(),
    trade: Type.String(),
    entryDate: DateText,
    exitDate: Nullable(DateText),
    wageType: Type.String(),
    wageAmountFen: Type.Integer(),
    contractKind: Type.String(),
    contractSignedOn: DateText,
    hasContractFile: Type.Boolean(),
    safetyTrainingOn: DateText,
    version: Type.Integer(),
  },
  Strict,
);

export const WorkerProfile = Type.Object(
  {
    ...WorkerSummary.properties,
    bankCard: Nullable(Type.String({ description: 'masked' })),
    bankName: Nullable(Type.String()),
    ethnicity: Nullable(Type.String()),
    education: Nullable(Type.String()),
    skillCertificates: Type.Array(Type.Object({ name: Type.String(), number: Type.Optional(Type.String()), validUntil: Type.Optional(Type.String()) })),
    employments: Type.Array(RosterEntry),
    actions: Type.Array(Type.String()),
  },
  Strict,
);

export const Team = Type.Object(
  { id: Type.String(), employerId: Type.String(), employerName: Type.String(), name: Type.String(), leaderWorkerId: Nullable(Type.String()), leaderName: Nullable(Type.String()), members: Type.Integer() },
  Strict,
);

export const presentWorkerSummary = (w: WorkerRow) => ({
  id: w.id,
  name: w.name,
  idNumber: w.id_mask,
  gender: w.gender,
  birthDate: w.birth_date,
  phone: w.phone_mask,
  trade: w.trade,
  nativePlace: w.native_place,
  openEmployments: w.open_employments,
});

export const presentRosterEntry = (e: EmploymentRow, today: string) => ({
  employmentId: e.id,
  projectId: e.project_id,
  projectName: e.project_name,
  projectCode: e.project_code,
  workerId: e.worker_id,
  name: e.worker_name,
  idNumber: e.id_mask,
  gender: e.gender,
  age: ageOn(e.birth_date, today),
  phone: e.phone_mask,
  employerId: e.employer_id,
  employerName: e.employer_name,
  teamId: e.team_id,
  teamName: e.team_name,
  isTeamLeader: e.is_team_leader,
  trade: e.trade,
  entryDate: e.entry_date,
  exitDate: e.exit_date,
  wageType: e.wage_type,
  wageAmountFen: Number(e.wage_amount_fen),
  contractKind: e.contract_kind,
  contractSignedOn: e.contract_signed_on,
  hasContractFile: !!e.contract_file_id,
  safetyTrainingOn: e.safety_training_on,
  version: e.version,
});

export function presentWorkerProfile(d: { worker: WorkerRow; employments: EmploymentRow[] }, actor: Actor, today: string) {
  const w = d.worker;
  return {
    ...presentWorkerSummary(w),
    bankCard: w.bank_card_mask,
    bankName: w.bank_name,
    ethnicity: w.ethnicity,
    education: w.education,
    skillCertificates: w.skill_certificates,
    employments: d.employments.map((e) => presentRosterEntry(e, today)),
    actions: can(actor, 'pii.view_full') ? ['reveal'] : [],
  };
}

export const presentTeam = (t: TeamRow) => ({
  id: t.id,
  employerId: t.employer_id,
  employerName: t.employer_name,
  name: t.name,
  leaderWorkerId: t.leader_worker_id,
  leaderName: t.leader_name,
  members: t.members,
});
