import fc from 'fast-check';
import officialDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { afterEach, describe, expect, it } from 'vitest';
import {
  CalendarRangeError,
  InvalidDateError,
  addDays,
  calendarCoverage,
  deadlineAfterWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  shanghaiDate,
  workingDaysBefore,
  workingDaysBetween,
  nextSpringFestival,
} from './calendar';

const range = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
};

describe('official holidays and make-up working days', () => {
  it('2025 National Day + Mid-Autumn: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked', () => {
    for (const d of range('2025-10-01', '2025-10-08')) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-09-30')).toBe(true);
    expect(isWorkingDay('2025-10-09')).toBe(true);
  });

  it('2025 Spring Festival: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked', () => {
    for (const d of range('2025-01-28', '2025-02-04')) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2025-01-26')).toBe(true);
    expect(isWorkingDay('2025-02-08')).toBe(true);
  });

  it('2026 Spring Festival as published: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    for (const d of range('2026-02-15', '2026-02-23')) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
  });

  it('an ordinary weekend is off and an ordinary weekday is worked', () => {
    expect(isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-16')).toBe(false); // Sunday
    expect(isWorkingDay('2025-03-14')).toBe(true); // Friday
  });

  it('agrees, day by day over the whole coverage, with the data the library publishes', () => {
    const { firstYear, lastYear } = calendarCoverage();
    const holidays: Record<string, string> = officialDays.holidays;
    const workdays: Record<string, string> = officialDays.workdays;
    for (const d of range(`${firstYear}-01-01`, `${lastYear}-12-31`)) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      const expected = d in workdays || (weekday >= 1 && weekday <= 5 && !(d in holidays));
      if (isWorkingDay(d) !== expected) expect.fail(`${d}: expected ${expected}`);
    }
  });
});

describe('independence from the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  // chinese-days misreads 'YYYY-MM-DD' strings west of UTC (Saturday 2025-09-27 comes out a working day in Los Angeles).
  it.each([
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['UTC', 0],
  ])('gives the same answers in %s', (zone, offsetMinutes) => {
    process.env.TZ = zone;
    expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(offsetMinutes);
    expect(isWorkingDay('2025-09-27')).toBe(false);
    expect(isWorkingDay('2025-10-01')).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-03-15')).toBe(false);
    expect(isWorkingDay('2025-03-14')).toBe(true);
    expect(shanghaiDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });
});

describe('deadlines', () => {
  it('counts from the day after the start, across the 2025 National Day week', () => {
    // After Fri 09-26: Sun 09-28 (make-up) 1, Mon 09-29 2, Tue 09-30 3, [10-01..10-08 off], Thu 10-09 4, Fri 10-10 5, Sat 10-11 (make-up) 6.
    expect(deadlineAfterWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(deadlineAfterWorkingDays('2025-09-26', 4)).toBe('2025-10-09');
    expect(deadlineAfterWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
    expect(deadlineAfterWorkingDays('2025-09-26', 6)).toBe('2025-10-11');
    expect(deadlineAfterWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(deadlineAfterWorkingDays('2025-10-03', 1)).toBe('2025-10-09');
  });

  it('a zero-day limit ends on the start day', () => {
    expect(deadlineAfterWorkingDays('2025-10-03', 0)).toBe('2025-10-03');
  });

  it('CASE-01: five working days to accept a complaint received on the eve of Spring Festival 2025', () => {
    // Received Mon 01-27; off 01-28..02-04; Wed 02-05 .. Sat 02-08 (make-up) are 1..4; Mon 02-10 is 5.
    expect(deadlineAfterWorkingDays('2025-01-27', 5)).toBe('2025-02-10');
  });

  it('rejects a negative or fractional number of working days', () => {
    expect(() => deadlineAfterWorkingDays('2025-03-03', -1)).toThrow(RangeError);
    expect(() => deadlineAfterWorkingDays('2025-03-03', 1.5)).toThrow(RangeError);
  });

  it('workingDaysBetween counts after `from` up to and including `to`, negative when reversed', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-10')).toBe(2);
    expect(workingDaysBetween('2025-09-26', '2025-10-11')).toBe(6);
    expect(workingDaysBetween('2025-10-02', '2025-10-05')).toBe(0);
    expect(workingDaysBetween('2025-10-10', '2025-10-10')).toBe(0);
    expect(workingDaysBetween('2025-10-10', '2025-09-30')).toBe(-2);
  });

  it('PAY-03: a pay date on a holiday or rest day moves to the working day before it', () => {
    expect(previousWorkingDay('2025-10-05')).toBe('2025-09-30');
    expect(previousWorkingDay('2025-02-01')).toBe('2025-01-27');
    expect(previousWorkingDay('2025-03-16')).toBe('2025-03-14');
    expect(previousWorkingDay('2025-10-11')).toBe('2025-10-11'); // make-up working day
    expect(previousWorkingDay('2025-03-14')).toBe('2025-03-14');
  });

  it('nextWorkingDay moves a day off to the first working day after it', () => {
    expect(nextWorkingDay('2025-10-01')).toBe('2025-10-09');
    expect(nextWorkingDay('2025-09-27')).toBe('2025-09-28');
    expect(nextWorkingDay('2025-03-14')).toBe('2025-03-14');
  });
});

describe('Shanghai civil date of an instant', () => {
  it('is eight hours ahead of UTC', () => {
    expect(shanghaiDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(shanghaiDate(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(shanghaiDate(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
  });

  it('agrees with the time-zone database, summer time of 1986–1991 included', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    // 23:30 UTC in July 1990 was already the next day in Shanghai (UTC+9 in summer then).
    expect(shanghaiDate(new Date('1990-07-01T15:30:00Z'))).toBe('1990-07-02');
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2040, 0, 1); t += 7 * 3600_000 + 13 * 60_000) {
      const instant = new Date(t);
      if (shanghaiDate(instant) !== zone.format(instant)) expect.fail(`${instant.toISOString()}: ${shanghaiDate(instant)} ≠ ${zone.format(instant)}`);
    }
  });

  it('rejects an invalid instant', () => {
    expect(() => shanghaiDate(new Date('nonsense'))).toThrow(InvalidDateError);
  });
});

describe('coverage and validation', () => {
  it('covers the years of official data, 2004–2026 in chinese-days 1.5.7, with every year present', () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect(firstYear).toBe(2004);
    expect(lastYear).toBeGreaterThanOrEqual(2026);
    const years = new Set(Object.keys(officialDays.holidays).map((d) => Number(d.slice(0, 4))));
    for (let y = firstYear; y <= lastYear; y++) expect(years.has(y), String(y)).toBe(true);
  });

  it('refuses to classify a date without official data instead of guessing', () => {
    const { firstYear, lastYear } = calendarCoverage();
    const after = `${lastYear + 1}-03-01`;
    expect(() => isWorkingDay(after)).toThrow(CalendarRangeError);
    expect(() => isWorkingDay(`${firstYear - 1}-12-31`)).toThrow(CalendarRangeError);
    expect(() => deadlineAfterWorkingDays(`${lastYear}-12-28`, 10)).toThrow(CalendarRangeError);
    expect(() => workingDaysBetween(`${lastYear}-12-01`, after)).toThrow(CalendarRangeError);
    expect(() => previousWorkingDay(`${firstYear}-01-01`)).toThrow(CalendarRangeError); // 2004-01-01 is a holiday
    try {
      isWorkingDay(after);
    } catch (e) {
      expect(e).toMatchObject({ date: after, coverage: { firstYear, lastYear } });
    }
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '20250101', '', 'abc', ' 2025-01-01'])(
    'rejects %j as a date',
    (bad) => {
      expect(() => isWorkingDay(bad)).toThrow(InvalidDateError);
      expect(() => deadlineAfterWorkingDays(bad, 1)).toThrow(InvalidDateError);
      expect(() => workingDaysBetween(bad, '2025-01-01')).toThrow(InvalidDateError);
      expect(() => workingDaysBetween('2025-01-01', bad)).toThrow(InvalidDateError);
      expect(() => previousWorkingDay(bad)).toThrow(InvalidDateError);
    },
  );

  it('accepts a leap day and does civil-date arithmetic across month and year ends', () => {
    expect(isWorkingDay('2024-02-29')).toBe(true);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('properties', () => {
  const { firstYear, lastYear } = calendarCoverage();
  const first = Date.UTC(firstYear, 0, 1);
  // Leave room before the end of coverage for the longest limit generated (60 working days).
  const last = Date.UTC(lastYear, 8, 30);
  const civilDate = fc.integer({ min: 0, max: (last - first) / 86_400_000 }).map((i) => addDays(`${firstYear}-01-01`, i));

  it('the deadline after n working days is a working day exactly n working days later', () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const deadline = deadlineAfterWorkingDays(start, n);
        expect(deadline > start).toBe(true);
        expect(isWorkingDay(deadline)).toBe(true);
        expect(workingDaysBetween(start, deadline)).toBe(n);
        expect(workingDaysBetween(start, addDays(deadline, -1))).toBe(n - 1);
      }),
    );
  });

  it('workingDaysBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (a, i, j) => {
        const b = addDays(a, i);
        const c = addDays(b, j);
        expect(workingDaysBetween(a, c)).toBe(workingDaysBetween(a, b) + workingDaysBetween(b, c));
        expect(workingDaysBetween(c, a) + workingDaysBetween(a, c)).toBe(0);
      }),
    );
  });

  it('previousWorkingDay is the latest working day on or before the date', () => {
    fc.assert(
      fc.property(civilDate.filter((d) => d >= `${firstYear}-02-01`), (d) => {
        const p = previousWorkingDay(d);
        expect(p <= d).toBe(true);
        expect(isWorkingDay(p)).toBe(true);
        expect(workingDaysBetween(p, d)).toBe(0);
      }),
    );
  });
});

describe('workingDaysBefore and nextSpringFestival', () => {
  it('counts working days back over the 2026 春节 holiday and its make-up Saturday', () => {
    // 2026-02-28 (Sat) is a make-up working day; 2026-02-15…23 are the holiday.
    expect(workingDaysBefore('2026-02-24', 1)).toBe('2026-02-14');
    expect(workingDaysBefore('2026-03-02', 1)).toBe('2026-02-28');
    expect(workingDaysBefore('2026-03-02', 0)).toBe('2026-03-02');
    expect(deadlineAfterWorkingDays(workingDaysBefore('2026-03-10', 7), 7)).toBe('2026-03-10');
  });

  it('finds the next lunar new year, also beyond the holiday notices', () => {
    expect(nextSpringFestival('2026-01-10')).toBe('2026-02-17');
    expect(nextSpringFestival('2026-02-18')).toBe('2027-02-06');
  });
});
