import { describe, expect, it } from 'vitest';
import { type Actor } from '../../platform/access/actor';
import { permissionsOf } from '../../platform/access/roles';
import { allowedActions } from './cases.policy';
import { acceptBy, actionsFrom, closureOf, stageDeadline, stageDeadlineIfKnown, type StageDates, transition } from './cases.rules';
import { calendarCoverage } from '../../platform/calendar';

// The defaults of CASE-01, CASE-03, CASE-06 and the call-back.
const P = { respondWD: 1, acceptWithinWD: 5, verifyWD: 2, closeWD: 7, investigateWD: 60, extensionWD: 30, callbackWD: 5 };
const dates = (o: Partial<StageDates>): StageDates => ({ receivedOn: '2026-02-13', acceptedOn: null, filedOn: null, extended: false, orderDueOn: null, resolvedOn: null, ...o });

describe('the case state machine (RULES.md §8.3)', () => {
  it('runs received → accepted → investigating → ordered → enforcing → resolved → closed', () => {
    expect(transition('accept', 'received')).toBe('accepted');
    expect(transition('file', 'accepted')).toBe('investigating');
    expect(transition('order', 'investigating')).toBe('ordered');
    expect(transition('enforce', 'ordered')).toBe('enforcing');
    expect(transition('settle', 'enforcing')).toBe('resolved');
    expect(transition('close', 'resolved')).toBe('closed');
  });

  it('settles by mediation without filing, and files when mediation fails', () => {
    expect(transition('mediate', 'accepted')).toBe('mediating');
    expect(transition('settle', 'mediating')).toBe('resolved');
    expect(transition('file', 'mediating')).toBe('investigating');
  });

  it('refuses, merges and transfers only before acceptance; a transfer keeps the stage', () => {
    expect(transition('refuse', 'received')).toBe('closed');
    expect(transition('refuse', 'accepted')).toBeNull();
    expect(transition('transfer', 'received')).toBe('received');
    expect(transition('transfer', 'accepted')).toBeNull();
    expect(transition('merge', 'investigating')).toBeNull();
  });

  it('CRM-02: a transfer to the police happens only once filed, and waits for the call-back', () => {
    expect(transition('transfer_police', 'received')).toBeNull();
    expect(transition('transfer_police', 'accepted')).toBeNull();
    expect(transition('transfer_police', 'enforcing')).toBe('resolved');
  });

  it('a closed case moves no more', () => {
    expect(actionsFrom('closed')).toEqual([]);
  });

  it('records why a case closed', () => {
    expect(closureOf('refuse', false)).toBe('not_accepted');
    expect(closureOf('refer', false)).toBe('moved');
    expect(closureOf('close', true)).toBe('paid');
    expect(closureOf('close', false)).toBe('moved');
    expect(closureOf('accept', true)).toBeNull();
  });
});

describe('stage deadlines in working days on the official calendar (CASE-01, CASE-03, CASE-06)', () => {
  it('CASE-06 counts the Saturday make-up workday before 春节 as a working day', () => {
    // 2026: 春节 holiday 15–23 February; Saturday 14 February is a make-up workday.
    expect(stageDeadline('received', dates({ receivedOn: '2026-02-13' }), P)).toBe('2026-02-14');
  });

  it('CASE-01 skips the 春节 holiday: five working days from Friday 13 February is 27 February', () => {
    expect(acceptBy('2026-02-13', 5)).toBe('2026-02-27');
  });

  it('CASE-06 verification counts from acceptance across the holiday', () => {
    expect(stageDeadline('accepted', dates({ acceptedOn: '2026-02-14' }), P)).toBe('2026-02-25');
  });

  it('CASE-06: a clue settled without filing closes within seven working days, landing on the make-up Saturday 28 February', () => {
    expect(stageDeadline('mediating', dates({ receivedOn: '2026-02-12' }), P)).toBe('2026-02-28');
  });

  it('a settlement paid by installments keeps the mediation running until the last one, when that is later', () => {
    expect(stageDeadline('mediating', dates({ receivedOn: '2026-02-12', settlementDueOn: '2026-05-10' }), P)).toBe('2026-05-10');
    expect(stageDeadline('mediating', dates({ receivedOn: '2026-02-12', settlementDueOn: '2026-02-20' }), P)).toBe('2026-02-28');
    // Only mediation waits on the plan: once filed, the investigation's own limit applies.
    expect(stageDeadline('investigating', dates({ filedOn: '2026-01-05', settlementDueOn: '2026-12-31' }), P)).toBe('2026-04-03');
  });

  it('CASE-03 gives 60 working days from filing, 90 with the extension', () => {
    expect(stageDeadline('investigating', dates({ filedOn: '2026-01-05' }), P)).toBe('2026-04-03');
    expect(stageDeadline('investigating', dates({ filedOn: '2026-01-05', extended: true }), P)).toBe('2026-05-20');
  });

  it('a deadline running past the official calendar is left open, never counted on guessed holidays', () => {
    const last = calendarCoverage().lastYear;
    expect(stageDeadlineIfKnown('investigating', dates({ filedOn: `${last}-12-01` }), P)).toBeNull();
    expect(() => stageDeadline('investigating', dates({ filedOn: `${last}-12-01` }), P)).toThrow(/holiday/);
    expect(stageDeadlineIfKnown('received', dates({ receivedOn: `${last}-12-01` }), P)).toBe(`${last}-12-02`);
    expect(acceptBy(`${last}-12-30`, 5)).toBeNull();
  });

  it('an ordered case waits on its order’s deadline; an unmet order on none of ours', () => {
    expect(stageDeadline('ordered', dates({ orderDueOn: '2026-03-10' }), P)).toBe('2026-03-10');
    expect(stageDeadline('enforcing', dates({}), P)).toBeNull();
  });
});

describe('who moves a case', () => {
  const official = (role: 'wage_office' | 'township_official' | 'leader', regionPath: string): Actor => ({
    kind: 'user',
    id: role,
    name: role,
    role,
    permissions: permissionsOf(role),
    scope: { kind: 'region', regionCode: regionPath.split('/').at(-2)!, regionPath, industry: null },
  });
  const TOWN = '450000/450100/450102/450102001/';
  const DISTRICT = '450000/450100/450102/';
  const c = { status: 'received' as const, handlingUnitPath: TOWN, accountableUnitPath: DISTRICT, extended: false };

  it('the handling unit’s officials accept; only labour inspection refuses in writing', () => {
    expect(allowedActions(official('township_official', TOWN), c)).toEqual(['accept', 'transfer', 'refer', 'merge']);
    expect(allowedActions(official('wage_office', DISTRICT), c)).toContain('refuse');
  });

  it('首问负责: the receiving unit may still hand on a case it does not handle', () => {
    const elsewhere = { ...c, handlingUnitPath: '450000/450100/450103/' };
    expect(allowedActions(official('wage_office', DISTRICT), elsewhere)).toEqual(['transfer']);
  });

  it('a leader reads and moves nothing; the extension is granted once', () => {
    expect(allowedActions(official('leader', DISTRICT), c)).toEqual([]);
    const filed = { ...c, status: 'investigating' as const, extended: true };
    expect(allowedActions(official('wage_office', DISTRICT), filed)).not.toContain('extend');
  });
});
