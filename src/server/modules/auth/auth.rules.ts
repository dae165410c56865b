import { dictionary } from '@zxcvbn-ts/language-common';
import type { Bilingual } from '../../platform/errors';

/**
 * The 等保 password profile (SECURITY.md item 2): ≥ 8 characters (12 for admins), 3 of 4
 * character classes, not containing the username, phone or ID number, not a common password.
 * It departs from ASVS on purpose: assessors check composition and rotation.
 */
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
  commonListSize: number;
}

export const PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3, commonListSize: 3000 };
export const ADMIN_MIN_LENGTH = 12;

const COMMON = new Set(dictionary.passwords.slice(0, PASSWORD_POLICY.commonListSize).map((p: string) => p.toLowerCase()));

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function checkPassword(
  password: string,
  personal: { username: string; phone?: string | null; idNumber?: string | null },
  options: { admin?: boolean } = {},
): Bilingual[] {
  const problems: Bilingual[] = [];
  const minLength = options.admin ? ADMIN_MIN_LENGTH : PASSWORD_POLICY.minLength;
  if (password.length < minLength) {
    problems.push({ zh: `密码长度至少 ${minLength} 位`, en: `At least ${minLength} characters` });
  }
  if (characterClasses(password) < PASSWORD_POLICY.minClasses) {
    problems.push({
      zh: '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类',
      en: 'Use at least three of: lower case, upper case, digits, symbols',
    });
  }
  const lower = password.toLowerCase();
  const personalValues = [personal.username, personal.phone, personal.idNumber].filter(
    (v): v is string => typeof v === 'string' && v.length >= 3,
  );
  if (personalValues.some((v) => lower.includes(v.toLowerCase()))) {
    problems.push({ zh: '密码不得包含用户名、手机号或身份证号', en: 'Must not contain the username, phone or ID number' });
  }
  // A common password with a capital and a digit or symbol tacked on is still common.
  const core = lower.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (COMMON.has(lower) || COMMON.has(core) || COMMON.has(core.replace(/\d+$/, ''))) {
    problems.push({ zh: '密码过于常见，请换一个', en: 'This password is too common' });
  }
  return problems;
}

export function passwordExpired(changedAt: Date, now: Date, expiryDays: number): boolean {
  return expiryDays > 0 && now.getTime() - changedAt.getTime() > expiryDays * 86_400_000;
}

/** Lockout after `maxFailures` consecutive failures (SECURITY.md item 3). */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

export function lockAfterFailure(failures: number, now: Date, policy: { maxFailures: number; lockoutMinutes: number }): Date | null {
  return failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
}

/** Session validity: idle and absolute limits (SECURITY.md item 4). */
export function sessionExpired(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  now: Date,
  idleMinutes: number,
): 'idle' | 'absolute' | null {
  if (now.getTime() >= session.expiresAt.getTime()) return 'absolute';
  if (now.getTime() - session.lastSeenAt.getTime() >= idleMinutes * 60_000) return 'idle';
  return null;
}
