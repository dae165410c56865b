import chineseDays from 'chinese-days';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The working-day calendar for every legal deadline: civil dates in Asia/Shanghai with the State
 * Council's public holidays and make-up working days (调休), from the maintained `chinese-days`
 * library. Dates are 'YYYY-MM-DD' strings.
 *
 * The library carries official data up to the last year the State Council has announced. A date
 * after that is counted by weekends alone and reported `provisional`, so a deadline computed
 * before the next announcement can be marked as such rather than silently trusted.
 */
export class InvalidDateError extends Error {
  override name = 'InvalidDateError';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const announcedYears = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
const COVERAGE = { firstYear: Math.min(...announcedYears), lastYear: Math.max(...announcedYears) };

export const calendarCoverage = () => ({ ...COVERAGE });

function check(date: string): string {
  if (!DATE.test(date)) throw new InvalidDateError(`not a YYYY-MM-DD date: ${date}`);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw new InvalidDateError(`no such date: ${date}`);
  return date;
}

const shift = (date: string, days: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** The civil date in Asia/Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** True when the date lies after the last announced holiday year (weekends only are known). */
export const isProvisional = (date: string) => Number(check(date).slice(0, 4)) > COVERAGE.lastYear;

export function isWorkingDay(date: string): boolean {
  return chineseDays.isWorkday(check(date));
}

/** The Nth working day after `startDate` (the start day itself does not count), N ≥ 0. */
export function deadlineAfterWorkingDays(startDate: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  let date = check(startDate);
  if (n === 0) return date;
  for (let counted = 0; counted < n; ) {
    date = shift(date, 1);
    if (chineseDays.isWorkday(date)) counted++;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string): number {
  check(from);
  check(to);
  let count = 0;
  for (let date = shift(from, 1); date <= to; date = shift(date, 1)) if (chineseDays.isWorkday(date)) count++;
  return count;
}

/** PAY-03: a pay date that falls on a rest day or holiday moves to the working day before it. */
export function previousWorkingDay(date: string): string {
  let d = check(date);
  while (!chineseDays.isWorkday(d)) d = shift(d, -1);
  return d;
}

/** Official holidays (not ordinary weekends) and make-up working days of a year, for display. */
export function yearCalendar(year: number) {
  const prefix = `${year}-`;
  return {
    year,
    provisional: year > COVERAGE.lastYear,
    holidays: Object.keys(data.holidays).filter((d) => d.startsWith(prefix)).sort(),
    makeUpWorkdays: Object.keys(data.workdays).filter((d) => d.startsWith(prefix)).sort(),
  };
}
