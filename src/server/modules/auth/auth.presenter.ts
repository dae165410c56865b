import { Type, type Static } from '@sinclair/typebox';
import { PERMISSIONS, ROLES, type Role } from '../../platform/access/roles';
import { Nullable, Strict, Timestamp } from '../../platform/http/schemas';
import type { ApiKeyRow, UserRow } from './auth.repo';
import type { ResolvedSession } from './auth.service';


export const UserScope = Type.Object(
  {
    kind: Type.Union([Type.Literal('region'), Type.Literal('enterprise'), Type.Literal('worker')]),
    regionCode: Nullable(Type.String()),
    regionName: Nullable(Type.String()),
    industry: Nullable(Type.String()),
    enterpriseId: Nullable(Type.String()),
    enterpriseName: Nullable(Type.String()),
  },
  Strict,
);

export const User = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.String(),
    roleName: Type.Object({ zh: Type.String(), en: Type.String() }, Strict),
    scope: UserScope,
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    locked: Type.Boolean(),
    mfaEnrolled: Type.Boolean(),
    lastLoginAt: Nullable(Timestamp),
    updatedAt: Timestamp,
    version: Type.Integer(),
  },
  Strict,
);
export type UserDto = Static<typeof User>;

export function presentUser(u: UserRow, now = new Date()): UserDto {
  const role = ROLES[u.role as Role];
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    roleName: { zh: role?.zh ?? u.role, en: role?.en ?? u.role },
    scope: {
      kind: u.scope_enterprise_id ? 'enterprise' : u.scope_worker_id ? 'worker' : 'region',
      regionCode: u.scope_region_code,
      regionName: u.scope_region_name,
      industry: u.scope_industry,
      enterpriseId: u.scope_enterprise_id,
      enterpriseName: u.scope_enterprise_name,
    },
    status: u.status,
    locked: u.locked_until !== null && u.locked_until.getTime() > now.getTime(),
    mfaEnrolled: u.totp_secret_enc !== null && u.totp_last_step !== null,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    updatedAt: u.updated_at.toISOString(),
    version: u.version,
  };
}

export const Me = Type.Object(
  {
    user: User,
    permissions: Type.Array(Type.Unsafe<string>({ type: 'string', enum: [...PERMISSIONS] })),
    stage: Type.Union([Type.Literal('mfa_pending'), Type.Literal('active')]),
    passwordChangeRequired: Type.Boolean(),
    csrfToken: Type.String(),
  },
  Strict,
);
export type MeDto = Static<typeof Me>;

export const presentMe = (s: ResolvedSession): MeDto => ({
  user: presentUser(s.user),
  permissions: [...s.actor.permissions],
  stage: s.session.stage,
  passwordChangeRequired: s.passwordChangeRequired,
  csrfToken: s.session.csrf_token,
});

export const ApiKey = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    role: Type.String(),
    scopeRegionCode: Nullable(Type.String()),
    scopeEnterpriseId: Nullable(Type.String()),
    scopeBankId: Nullable(Type.String()),
    createdAt: Timestamp,
    lastUsedAt: Nullable(Timestamp),
    revokedAt: Nullable(Timestamp),
  },
  Strict,
);

export const presentApiKey = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  scopeRegionCode: k.scope_region_code,
  scopeEnterpriseId: k.scope_enterprise_id,
  scopeBankId: k.scope_bank_id,
  createdAt: k.created_at.toISOString(),
  lastUsedAt: k.last_used_at?.toISOString() ?? null,
  revokedAt: k.revoked_at?.toISOString() ?? null,
});
