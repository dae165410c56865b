import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../platform/access/roles';
import type { Actor } from '../../platform/access/actor';
import { RULES } from './rules';
import { scopeConstants } from './warnings.catalogue';
import { allowedActions } from './warnings.policy';
import { isOpen, proposedConsequences, transition } from './warnings.rules';
import { getParamDef } from '../../platform/params/params.registry';

const official = (role: 'wage_office' | 'industry_official' | 'township_official' | 'leader', regionPath: string, name: string = role): Actor => ({
  kind: 'user',
  id: name,
  name,
  role,
  permissions: permissionsOf(role),
  scope: { kind: 'region', regionCode: regionPath.split('/').at(-2)!, regionPath, industry: null },
});
const company: Actor = { kind: 'user', id: 'c', name: 'company', role: 'enterprise_user', permissions: permissionsOf('enterprise_user'), scope: { kind: 'enterprise', enterpriseId: 'e' } };

const DISTRICT = '450000/450100/450102/';
const warning = (status: Parameters<typeof allowedActions>[1]['status'], o: Partial<Parameters<typeof allowedActions>[1]> = {}) => ({
  status,
  handlingUnitPath: DISTRICT,
  disposedBy: null,
  hasPendingProposals: false,
  ...o,
});

describe('the warning lifecycle (RULES.md §7.4 disposal and closing)', () => {
  it('moves generated → dispatched → acknowledged → disposed → closed, and a rejected disposal back to acknowledged', () => {
    expect(transition('dispatch', 'generated')).toBe('dispatched');
    expect(transition('acknowledge', 'dispatched')).toBe('acknowledged');
    expect(transition('dispose', 'acknowledged')).toBe('disposed');
    expect(transition('dispose', 'dispatched')).toBe('disposed');
    expect(transition('verify', 'disposed')).toBe('closed');
    expect(transition('reject', 'disposed')).toBe('acknowledged');
  });

  it('refuses moves out of order and out of the closed states', () => {
    expect(transition('verify', 'acknowledged')).toBeNull();
    expect(transition('acknowledge', 'closed')).toBeNull();
    expect(transition('dispose', 'resolved')).toBeNull();
    expect(isOpen('disposed')).toBe(true);
    expect(isOpen('resolved')).toBe(false);
  });

  it('proposes for a yellow warning only the order to correct; orange and red get what the rule allows', () => {
    expect(proposedConsequences('yellow', ['order_to_correct', 'credit_downgrade'])).toEqual(['order_to_correct']);
    expect(proposedConsequences('red', ['order_to_correct', 'payment_suspension'])).toEqual(['order_to_correct', 'payment_suspension']);
  });
});

describe('who may do what to a warning', () => {
  it('the officials of the handling unit’s region (or above) acknowledge and dispose; others only read', () => {
    expect(allowedActions(official('industry_official', DISTRICT), warning('dispatched'))).toEqual(['acknowledge', 'dispose']);
    expect(allowedActions(official('wage_office', '450000/450100/'), warning('dispatched'))).toEqual(expect.arrayContaining(['acknowledge', 'dispose', 'dispatch']));
    expect(allowedActions(official('township_official', `${DISTRICT}450102001/`), warning('dispatched'))).toEqual([]);
    expect(allowedActions(official('leader', DISTRICT), warning('dispatched'))).toEqual([]);
  });

  it('verification needs someone other than the official who disposed (four eyes)', () => {
    const w = warning('disposed', { disposedBy: 'alice' });
    expect(allowedActions(official('wage_office', DISTRICT, 'alice'), w)).not.toContain('verify');
    expect(allowedActions(official('wage_office', DISTRICT, 'bob'), w)).toEqual(expect.arrayContaining(['verify', 'reject']));
  });

  it('a company answers its warnings but never moves them; proposals are decided by the wage office', () => {
    expect(allowedActions(company, warning('acknowledged'))).toEqual(['respond']);
    expect(allowedActions(company, warning('closed'))).toEqual([]);
    expect(allowedActions(official('wage_office', DISTRICT), warning('acknowledged', { hasPendingProposals: true }))).toContain('decide');
    expect(allowedActions(official('industry_official', DISTRICT), warning('acknowledged', { hasPendingProposals: true }))).not.toContain('decide');
  });
});

describe('the rule catalogue', () => {
  it('holds W01–W17 and the extra rules, each with a name, a legal source, levels and declared parameters', () => {
    const codes = RULES.map((r) => r.code);
    for (let i = 1; i <= 17; i++) expect(codes).toContain(`W${String(i).padStart(2, '0')}`);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) {
      expect(r.name.zh.length, r.code).toBeGreaterThan(0);
      expect(r.source.zh.length, r.code).toBeGreaterThan(0);
      expect(r.levels.length, r.code).toBeGreaterThan(0);
      expect(r.facts.length, r.code).toBeGreaterThan(0);
      for (const id of r.params) expect(getParamDef(id), `${r.code} reads ${id}`).toBeDefined();
      // A parameter the SQL reads must be in the snapshot, so it must be declared on the rule.
      for (const [, id] of r.sql.matchAll(/scan_param\(\$1, '([^']+)'/g)) if (!id.startsWith('WRN.')) expect(r.params, `${r.code} reads ${id}`).toContain(id);
    }
  });

  it('names the projects placeholder only in the forms the runner writes out, so an incremental evaluation keeps one plan', () => {
    for (const r of RULES) {
      // Any other test of $3 for NULL would survive into the generic plan and scan every project.
      const rest = scopeConstants(r.sql, true).replaceAll('ANY ($3::uuid[])', '');
      expect(rest, r.code).not.toContain('$3');
      expect(scopeConstants(r.sql, true), r.code).not.toMatch(/\$3::uuid\[\] IS/);
    }
    expect(scopeConstants('WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND $3::uuid[] IS NOT NULL', true)).toBe('WHERE (false OR p.id = ANY ($3::uuid[])) AND true');
    expect(scopeConstants('WHERE ($3::uuid[] IS NULL OR p.id = ANY ($3::uuid[])) AND $3::uuid[] IS NOT NULL', false)).toBe('WHERE (true OR p.id = ANY ($3::uuid[])) AND false');
  });
});
