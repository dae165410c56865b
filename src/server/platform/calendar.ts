import chineseDays from 'chinese-days';
import officialDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The working-day calendar behind every legal deadline. Dates are Chinese civil dates as
 * 'YYYY-MM-DD' strings; public holidays and make-up working days (调休) come from the State
 * Council's annual notices as published by the `chinese-days` library.
 *
 * Counting follows 《民法典》 Art. 201: the starting day is not counted, the period starts the next
 * day. So a limit of N working days ends on the Nth working day after the starting day.
 *
 * Outside the years the library has official data for, `chinese-days` silently treats every
 * Monday–Friday as a working day. A legal deadline must not be computed on guessed holidays, so
 * any date this module has to classify outside that coverage throws `CalendarRangeError`.
 * The library adds each year once the State Council publishes its notice (usually in
 * November); keep the dependency current. The next year's New Year arrangement can occasionally
 * reach back into the last days of December of the last covered year.
 */

export class InvalidDateError extends Error {
  override name = 'InvalidDateError';
  constructor(readonly input: unknown) {
    super(`not a calendar date in YYYY-MM-DD form: ${String(input)}`);
  }
}

export class CalendarRangeError extends RangeError {
  override name = 'CalendarRangeError';
  constructor(
    readonly date: string,
    readonly coverage: CalendarCoverage,
  ) {
    super(`no official holiday data for ${date}: the calendar covers ${coverage.firstYear}–${coverage.lastYear}`);
  }
}

export interface CalendarCoverage {
  firstYear: number;
  lastYear: number;
}

// The library's published data lists every announced holiday; the years it spans are the coverage.
const announcedYears = Object.keys(officialDays.holidays).map((d) => Number(d.slice(0, 4)));
const COVERAGE: CalendarCoverage = { firstYear: Math.min(...announcedYears), lastYear: Math.max(...announcedYears) };

/** The first and last year with official holiday data. */
export const calendarCoverage = (): CalendarCoverage => ({ ...COVERAGE });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(date: string): { y: number; m: number; d: number } {
  const match = typeof date === 'string' ? DATE.exec(date) : null;
  if (!match) throw new InvalidDateError(date);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip.
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) throw new InvalidDateError(date);
  return { y, m, d };
}

const format = (utc: Date) => utc.toISOString().slice(0, 10);

/** The first day of the month `n` months after the month of `date` (before it when `n` is negative). */
export function monthStartAfter(date: string, n: number): string {
  const [y, m] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

/** A civil date `n` whole years later; 29 February lands on 1 March in a common year (the later, safer day for retention). */
export function addYears(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y + n, m - 1, d)).toISOString().slice(0, 10);
}

/** The civil date `n` calendar days after `date` (before it when `n` is negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`a whole number of days is required, got ${n}`);
  const { y, m, d } = parse(date);
  return format(new Date(Date.UTC(y, m - 1, d + n)));
}

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The civil date in Asia/Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new InvalidDateError(instant);
  const t = instant.getTime();
  // Shanghai has kept UTC+8 without daylight saving since 1991: in that span adding the offset is
  // exact, and far cheaper than Intl, which the request paths would otherwise call many times over.
  if (t >= FIXED_OFFSET_FROM && t < FIXED_OFFSET_UNTIL) return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
  const parts = Object.fromEntries(SHANGHAI_DAY.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
}

const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const FIXED_OFFSET_UNTIL = Date.UTC(9999, 11, 31);

/** True on a working day: Monday–Friday that is not a public holiday, or a make-up working day. */
export function isWorkingDay(date: string): boolean {
  const { y, m, d } = parse(date);
  if (y < COVERAGE.firstYear || y > COVERAGE.lastYear) throw new CalendarRangeError(date, calendarCoverage());
  // The library reads a Date in the process's local time zone (and misreads 'YYYY-MM-DD' strings
  // west of UTC), so hand it local midnight of the civil date: correct in every zone.
  return chineseDays.isWorkday(new Date(y, m - 1, d));
}

/**
 * The deadline of a limit of `n` working days starting on `startDate`: the Nth working day after it
 * (the starting day itself never counts). With `n` = 0 the deadline is the starting day.
 */
export function deadlineAfterWorkingDays(startDate: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a whole number of working days ≥ 0 is required, got ${n}`);
  parse(startDate);
  let date = startDate;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted++;
  }
  return date;
}

/**
 * Working days after `from` up to and including `to`: the days a limit started on `from` has used
 * by `to`. Negative when `to` is before `from` (−workingDaysBetween(to, from)), e.g. days overdue.
 */
export function workingDaysBetween(from: string, to: string): number {
  parse(from);
  parse(to);
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) count++;
  return count;
}

/** PAY-03 (Reg. Art. 14): `date` if it is a working day, else the last working day before it. */
export function previousWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** The last day of the month `date` falls in. */
export const monthEndOf = (date: string): string => addDays(monthStartAfter(date, 1), -1);

/**
 * PAY-02/03: the agreed payday in the month of `payMonth` (null: the month's last day; a 31st in a
 * 30-day month is its last day), moved earlier when it is a rest day or holiday. Null when that day
 * lies in a year the official calendar does not cover yet: a legal deadline is never guessed.
 */
export function payDateIn(payMonth: string, payday: number | null): string | null {
  const lastDay = monthEndOf(payMonth);
  const agreed = payday === null ? lastDay : `${payMonth.slice(0, 8)}${String(payday).padStart(2, '0')}`;
  const payDate = agreed > lastDay ? lastDay : agreed;
  if (Number(payDate.slice(0, 4)) > COVERAGE.lastYear) return null;
  return previousWorkingDay(payDate);
}

/**
 * `date` if it is a working day, else the first working day after it: 《民法典》 Art. 203 moves the
 * last day of a period that falls on a rest day or holiday to the day after the holiday ends.
 */
export function nextWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The working day `n` working days before `date` (the start a limit of `n` must have had to end on `date`). */
export function workingDaysBefore(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a whole number of working days ≥ 0 is required, got ${n}`);
  let d = date;
  for (let counted = 0; counted < n; ) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) counted++;
  }
  return d;
}

/**
 * 春节 (lunar new year's day) on or after `date`. The lunar calendar is astronomical, not announced,
 * so it is known for years the holiday notices do not cover yet.
 */
export function nextSpringFestival(date: string): string {
  const { y } = parse(date);
  for (const year of [y, y + 1]) {
    const day = chineseDays.getSolarDateFromLunar(`${year}-01-01`).date;
    if (day >= date) return day;
  }
  throw new RangeError(`no lunar new year found after ${date}`);
}
