import type { Permission, Role } from './roles';

/** Where an actor may look. `all` is only for the CLI and background jobs, never a login. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'region'; regionCode: string; regionPath: string; industry: string | null }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'worker'; workerId: string }
  /** A site device: one project of one enterprise. */
  | { kind: 'project'; projectId: string; enterpriseId: string }
  /** A bank's machine key: the wage accounts held at that bank. */
  | { kind: 'bank'; bankId: string };

export interface Actor {
  kind: 'user' | 'apikey' | 'system' | 'anonymous';
  id: string | null;
  name: string;
  role: Role | 'system' | 'anonymous';
  permissions: ReadonlySet<Permission>;
  scope: Scope;
}

export const systemActor = (name = 'system'): Actor => ({
  kind: 'system',
  id: null,
  name,
  role: 'system',
  permissions: new Set(),
  scope: { kind: 'all' },
});

export const can = (actor: Actor, permission: Permission) => actor.kind === 'system' || actor.permissions.has(permission);

/** Whoever has not logged in: sees nothing, may do nothing but the public routes. */
export const anonymousActor = (name = 'anonymous'): Actor => ({
  kind: 'anonymous',
  id: null,
  name,
  role: 'anonymous',
  permissions: new Set(),
  scope: { kind: 'none' },
});
