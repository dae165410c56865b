import { addYears, monthStartAfter } from '../../platform/calendar';
import type { Bilingual } from '../../platform/errors';

/**
 * Attendance law and arithmetic, pure. China keeps one offset all year (UTC+8, no daylight
 * saving), so the work date of an instant is a fixed shift, cheap enough for every event.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export const workDateOf = (instant: Date): string => new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The first day of the month of a date, the key of a partition. */
export const monthOf = (date: string): string => `${date.slice(0, 7)}-01`;

/**
 * A device's clock time: ISO 8601 with an offset, or the national platform's
 * "yyyy-MM-dd HH:mm:ss", which is Beijing time.
 */
const NATIONAL_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/;
const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseEventTime(text: string): Date | null {
  const national = NATIONAL_TIME.exec(text);
  const iso = national ? null : ISO_WITH_OFFSET.exec(text);
  const day = national?.[1] ?? iso?.[1];
  // The engine rolls 30 February over to March; a device that says so is wrong, not early.
  const midnight = day ? new Date(`${day}T00:00:00Z`) : null;
  if (!midnight || Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== day) return null;
  const d = new Date(national ? `${national[1]}T${national[2]}+08:00` : text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Devices buffer offline: events up to the retention period back are accepted, a few minutes of clock skew ahead. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

export function checkEventTime(at: Date, now: Date, retentionYears: number): Bilingual | null {
  if (at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) return { zh: '考勤时间晚于当前时间，请校准设备时钟', en: 'The event is in the future; check the device clock' };
  const oldest = new Date(now);
  oldest.setUTCFullYear(oldest.getUTCFullYear() - retentionYears);
  if (at < oldest) return { zh: '考勤时间早于保存期限', en: 'The event is older than the retention period' };
  return null;
}

/**
 * How an event relates to the roster (RN-01: nobody enters the site unregistered). Events of people
 * who are not registered are kept with their status, never dropped: they are the evidence.
 */
export const EVENT_STATUSES = {
  registered: { zh: '已实名登记', en: 'Registered' },
  not_on_roster: { zh: '已登记人员但不在本项目花名册', en: 'Registered worker, not on this roster' },
  unknown_worker: { zh: '未实名登记人员', en: 'Not registered' },
  key_staff: { zh: '项目关键岗位人员', en: 'Key staff' },
} as const satisfies Record<string, Bilingual>;
export type EventStatus = keyof typeof EVENT_STATUSES;

/** A share as a fraction with four decimals, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

/**
 * RN-04 with PAY-06: attendance is kept `attendanceRetentionYears` after the month (counted from its
 * end, so its last day is kept as long as its first), and in any case until `ledgerRetentionYears`
 * after the project's full settlement. The first day from which the month's records may be
 * destroyed; null while the project is unsettled.
 */
export function attendanceRetainedUntil(month: string, attendanceRetentionYears: number, settledOn: string | null, ledgerRetentionYears: number): string | null {
  if (!settledOn) return null;
  const byAttendance = addYears(monthStartAfter(month, 1), attendanceRetentionYears);
  const byLedger = addYears(settledOn, ledgerRetentionYears);
  return byAttendance > byLedger ? byAttendance : byLedger;
}
