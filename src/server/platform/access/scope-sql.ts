import type { Actor } from './actor';

/** The columns of a table that scope filters look at; a table without a column is invisible to that scope kind. */
export interface ScopeColumns {
  regionPath?: string;
  industry?: string;
  enterpriseId?: string;
  workerId?: string;
  /** An array column of every enterprise party to the row (a project's owner, contractor, subcontractors). */
  enterpriseIds?: string;
  projectId?: string;
  /** The bank holding the row's account (wage accounts and their transactions). */
  bankId?: string;
}

/**
 * A SQL condition restricting rows to the actor's scope, with its parameters appended to `params`.
 * Every repository list, count, read and write goes through this, so scope lives in the data layer.
 */
export function scopeCondition(actor: Actor, columns: ScopeColumns, params: unknown[]): string {
  const scope = actor.scope;
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'none':
      return 'false';
    case 'region': {
      if (!columns.regionPath) return 'false';
      const parts = [`${columns.regionPath} LIKE ${bind(`${scope.regionPath}%`)}`];
      if (scope.industry && columns.industry) parts.push(`${columns.industry} = ${bind(scope.industry)}`);
      return parts.join(' AND ');
    }
    case 'enterprise':
      if (columns.enterpriseIds) return `${bind(scope.enterpriseId)}::uuid = ANY(${columns.enterpriseIds})`;
      return columns.enterpriseId ? `${columns.enterpriseId} = ${bind(scope.enterpriseId)}` : 'false';
    case 'project':
      return columns.projectId ? `${columns.projectId} = ${bind(scope.projectId)}` : 'false';
    case 'worker':
      return columns.workerId ? `${columns.workerId} = ${bind(scope.workerId)}` : 'false';
    case 'bank':
      return columns.bankId ? `${columns.bankId} = ${bind(scope.bankId)}` : 'false';
  }
}

/** Whether a region path lies in the actor's region subtree (for checks before a write). */
export function regionInScope(actor: Actor, regionPath: string): boolean {
  if (actor.scope.kind === 'all') return true;
  return actor.scope.kind === 'region' && regionPath.startsWith(actor.scope.regionPath);
}
