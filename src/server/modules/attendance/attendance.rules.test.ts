import { describe, expect, it } from 'vitest';
import { getParamDef, validateParamValue } from '../../platform/params/params.registry';
import '../../platform/params/params.catalog';
import { ATTENDANCE_METHODS, NATIONAL_DIRECTION } from '../workforce/workforce.codes';
import './attendance.params';
import { MAX_CLOCK_SKEW_MS, attendanceRetainedUntil, checkEventTime, monthOf, parseEventTime, rate, workDateOf } from './attendance.rules';

const NOW = new Date('2026-03-01T04:00:00Z'); // 12:00 in Beijing
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('work date (Asia/Shanghai)', () => {
  it('workDateOf: the day changes at 16:00 UTC, midnight in Beijing', () => {
    expect(workDateOf(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(workDateOf(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(workDateOf(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(workDateOf(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
  });

  it('workDateOf: month and year ends follow Beijing, with no daylight saving in summer', () => {
    expect(workDateOf(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(workDateOf(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
    expect(workDateOf(new Date('2026-07-15T15:59:00Z'))).toBe('2026-07-15');
    expect(workDateOf(new Date('2026-07-15T16:00:00Z'))).toBe('2026-07-16');
  });

  it('monthOf: the first day of the month, the partition key', () => {
    expect(monthOf('2026-03-17')).toBe('2026-03-01');
    expect(monthOf('2026-12-31')).toBe('2026-12-01');
  });
});

describe('device clock times', () => {
  it('parseEventTime reads ISO 8601 with an offset', () => {
    expect(iso(parseEventTime('2026-03-01T16:30:00Z'))).toBe('2026-03-01T16:30:00.000Z');
    expect(iso(parseEventTime('2026-03-02T00:30:00+08:00'))).toBe('2026-03-01T16:30:00.000Z');
    expect(iso(parseEventTime('2026-03-02T00:30:00+0800'))).toBe('2026-03-01T16:30:00.000Z');
    expect(iso(parseEventTime('2026-03-01T10:30:00.250-05:00'))).toBe('2026-03-01T15:30:00.250Z');
  });

  it('RN-06 parseEventTime reads the national platform\'s "yyyy-MM-dd HH:mm:ss" as Beijing time', () => {
    const at = parseEventTime('2026-03-02 00:30:00');
    expect(iso(at)).toBe('2026-03-01T16:30:00.000Z');
    expect(workDateOf(at!)).toBe('2026-03-02');
    // The same local time with a T is Beijing time too.
    expect(iso(parseEventTime('2026-03-02T00:30:00'))).toBe('2026-03-01T16:30:00.000Z');
  });

  it('parseEventTime refuses garbage and times without a zone it cannot place', () => {
    for (const text of ['', 'garbage', 'yesterday 8am', '2026-03-01', '2026-03-01T08:00:00.000', '2026-03-01 08:00', '2026-13-01 08:00:00', '2026-03-01 25:00:00', '1 March 2026 +0800', '2026-02-30 10:00:00', '2026-02-31T08:00:00+08:00', 'Sun Mar 01 2026 08:00:00 GMT+0800']) {
      expect(parseEventTime(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('checkEventTime accepts up to MAX_CLOCK_SKEW_MS ahead of now, and refuses beyond', () => {
    expect(MAX_CLOCK_SKEW_MS).toBe(10 * 60 * 1000);
    expect(checkEventTime(NOW, NOW, 2)).toBeNull();
    expect(checkEventTime(new Date(NOW.getTime() + MAX_CLOCK_SKEW_MS), NOW, 2)).toBeNull();
    expect(checkEventTime(new Date(NOW.getTime() + MAX_CLOCK_SKEW_MS + 1), NOW, 2)).toEqual({
      zh: '考勤时间晚于当前时间，请校准设备时钟',
      en: 'The event is in the future; check the device clock',
    });
    expect(checkEventTime(new Date('2026-03-02T04:00:00Z'), NOW, 2)?.en).toContain('future');
  });

  it('RN-04 checkEventTime accepts buffered events back to the retention period, and refuses older ones', () => {
    const twoYearsAgo = new Date('2024-03-01T04:00:00Z');
    expect(checkEventTime(twoYearsAgo, NOW, 2)).toBeNull();
    expect(checkEventTime(new Date(twoYearsAgo.getTime() - 1), NOW, 2)).toEqual({ zh: '考勤时间早于保存期限', en: 'The event is older than the retention period' });
    // A region keeping three years accepts what a two-year region refuses.
    const thirtyMonthsAgo = new Date('2023-09-01T04:00:00Z');
    expect(checkEventTime(thirtyMonthsAgo, NOW, 2)).not.toBeNull();
    expect(checkEventTime(thirtyMonthsAgo, NOW, 3)).toBeNull();
  });
});

describe('rates', () => {
  it('rate is a fraction rounded to four decimals, null with nothing to divide by', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, 0)).toBeNull();
    expect(rate(0, 4)).toBe(0);
    expect(rate(4, 4)).toBe(1);
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(87, 120)).toBe(0.725);
  });
});

describe('RN-04 attendance retention with PAY-06', () => {
  const ATTENDANCE_YEARS = getParamDef('RN-04.attendanceRetentionYears')?.default as number;
  const LEDGER_YEARS = getParamDef('PAY-06.employmentLedgerRetentionYears')?.default as number;

  it('RN-04 keeps attendance 2 years by default, at least 2, and a region may keep it longer', () => {
    const def = getParamDef('RN-04.attendanceRetentionYears')!;
    expect(ATTENDANCE_YEARS).toBe(2);
    expect(def.regionOverridable).toBe(true);
    expect(validateParamValue(def, 1).ok).toBe(false);
    expect(validateParamValue(def, 5).ok).toBe(true);
  });

  it('RN-04 keeps every month while the project is not settled', () => {
    expect(attendanceRetainedUntil('2026-03-01', ATTENDANCE_YEARS, null, LEDGER_YEARS)).toBeNull();
    expect(attendanceRetainedUntil('2020-01-01', ATTENDANCE_YEARS, null, LEDGER_YEARS)).toBeNull();
  });

  it('PAY-06 with RN-04: never destroyed before the employment ledger, 3 years after settlement', () => {
    expect(LEDGER_YEARS).toBe(3);
    // Two years after March 2026 would be 2028-03-01; the ledger of a project settled 2026-06-30 runs to 2029-06-30.
    expect(attendanceRetainedUntil('2026-03-01', ATTENDANCE_YEARS, '2026-06-30', LEDGER_YEARS)).toBe('2029-06-30');
  });

  it('RN-04 a longer regional attendance period wins over the ledger when it ends later', () => {
    // Counted from the end of March, so 31 March is kept as long as 1 March.
    expect(attendanceRetainedUntil('2026-03-01', 5, '2026-06-30', LEDGER_YEARS)).toBe('2031-04-01');
    expect(attendanceRetainedUntil('2026-03-01', 3, '2026-03-01', 3)).toBe('2029-04-01');
    // A settlement on 29 February lands on 1 March of a common year, never on a day that does not exist.
    expect(attendanceRetainedUntil('2023-01-01', 2, '2024-02-29', 3)).toBe('2027-03-01');
  });
});

describe('RN-03 attendance methods', () => {
  // The per-event check (method_allowed) is computed in SQL by attendance.repo insertEvents; its test
  // is 'RN-03: a method the region does not accept is kept and flagged…' in test/integration/workforce.test.ts.
  const def = getParamDef('RN-03.attendanceMethods')!;

  it('RN-03 accepts biometrics and the GPS e-fence by default, not card or manual entry', () => {
    expect(def.default).toEqual(['FACE', 'FINGER', 'IRIS', 'GPS_FENCE']);
    expect(def.default).not.toContain('CARD');
    expect(def.default).not.toContain('MANUAL');
    expect(def.regionOverridable).toBe(true);
  });

  it('RN-03 a region may choose any non-empty set of the known method codes', () => {
    expect(def.options).toEqual(Object.keys(ATTENDANCE_METHODS));
    expect(validateParamValue(def, ['FACE', 'CARD']).ok).toBe(true);
    expect(validateParamValue(def, []).ok).toBe(false);
    expect(validateParamValue(def, ['FACE', 'FACE']).ok).toBe(false);
    expect(validateParamValue(def, ['PALM']).ok).toBe(false);
  });
});

// RN-06 (national platform mapping, ID and card numbers encrypted) is tested in
// src/server/modules/national/national.mapping.test.ts.
describe('RN-06 attendance direction codes', () => {
  it('RN-06 in and out are the national codes 01 and 02', () => {
    expect(NATIONAL_DIRECTION).toEqual({ in: '01', out: '02' });
  });
});
