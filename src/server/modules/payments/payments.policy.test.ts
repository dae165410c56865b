import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor';
import { type Role, permissionsOf } from '../../platform/access/roles';
import { allowedActions } from './payments.policy';

const parties = { ownerId: 'owner', generalContractorId: 'gc' };
const actor = (role: Role, scope: Actor['scope']): Actor => ({ kind: 'user', id: 'u', name: 'u', role, permissions: permissionsOf(role), scope });
const company = (id: string) => actor('enterprise_user', { kind: 'enterprise', enterpriseId: id });
const official = (role: Role) => actor(role, { kind: 'region', regionCode: '450102', regionPath: '450000/450100/450102/', industry: null });

describe('who records what on a project’s payments', () => {
  it('the contractor reports completed value, the owner confirms and pays; both may record a settlement', () => {
    expect(allowedActions(company('gc'), parties)).toEqual(['completed_value', 'settlement']);
    expect(allowedActions(company('owner'), parties)).toEqual(['confirm', 'payment', 'retention', 'settlement']);
    expect(allowedActions(company('sub'), parties)).toEqual([]);
  });

  it('the wage office and industry departments act for either party; the township and leaders only read', () => {
    const all = ['completed_value', 'confirm', 'payment', 'retention', 'settlement'];
    expect(allowedActions(official('wage_office'), parties)).toEqual(all);
    expect(allowedActions(official('industry_official'), parties)).toEqual(all);
    expect(allowedActions(official('township_official'), parties)).toEqual([]);
    expect(allowedActions(official('leader'), parties)).toEqual([]);
    expect(permissionsOf('leader').has('payments.read')).toBe(true);
    expect(permissionsOf('village_official').has('payments.read')).toBe(false);
  });
});
