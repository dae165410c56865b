import { randomInt } from 'node:crypto';
import type { Tx } from '../../db/client';
import { systemActor } from '../../platform/access/actor';
import { type Ctx, contextFor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { newIds } from '../../platform/ids';
import * as repo from './cases.repo';
import { acceptBy, CASE_STATUSES } from './cases.rules';
import { planClue, receiptOfCase, recordClue } from './cases.service';

/**
 * 扫码投诉: a worker without an account complains from the QR code on a site's 维权告示牌. The phone
 * number is proven by a six-digit code sent to it (valid ten minutes, five tries); a complaint
 * is then received like any other clue, routed to the unit responsible, and the complainant gets
 * the case number and the unit to follow it with. The code is stored only as a keyed MAC.
 */

const CODE_MINUTES = 10;
const MAX_ATTEMPTS = 5;
const RESEND_SECONDS = 60;
const PER_PHONE_PER_HOUR = 5;
const PER_IP_PER_HOUR = 20;

const mac = (ctx: Ctx, id: string, code: string) => ctx.cipher.blindIndex('sms_code', `${id}:${code}`);
const refuse = (zh: string, en: string) => new AppError('BUSINESS_RULE', { detail: { zh, en } });

/** Sends a code to the phone (through the SMS outbox); in the demo, where no gateway is configured, the code comes back in the answer. */
export async function requestComplaintCode(ctx: Ctx, input: { phone: string }) {
  const now = ctx.clock.now();
  const phoneBidx = ctx.cipher.blindIndex('phone', input.phone);
  const recent = await repo.recentVerifications(ctx.db, phoneBidx, ctx.ip, new Date(now.getTime() - 3600_000));
  if (recent.last_at && now.getTime() - recent.last_at.getTime() < RESEND_SECONDS * 1000)
    throw new AppError('RATE_LIMITED', { detail: { zh: `验证码已发送，请${RESEND_SECONDS}秒后再试`, en: `A code was just sent; try again in ${RESEND_SECONDS} seconds` } });
  if (recent.by_phone >= PER_PHONE_PER_HOUR || recent.by_ip >= PER_IP_PER_HOUR)
    throw new AppError('RATE_LIMITED', { detail: { zh: '获取验证码过于频繁，请一小时后再试', en: 'Too many codes; try again in an hour' } });
  const [id, smsId] = newIds(2);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
  await ctx.db.tx((tx) =>
    repo.insertVerification(
      tx,
      { id, phoneEnc: ctx.cipher.encrypt(input.phone, repo.verificationAad(id)), phoneBidx, codeMac: mac(ctx, id, code), expiresAt, ip: ctx.ip },
      { id: smsId, phoneEnc: ctx.cipher.encrypt(input.phone, repo.smsPhoneAad(smsId)), template: 'complaint_code', paramsEnc: ctx.cipher.encrypt(JSON.stringify({ code, minutes: CODE_MINUTES }), repo.smsParamsAad(smsId)) },
      now,
    ),
  );
  return { verificationId: id, expiresAt: expiresAt.toISOString(), ...(ctx.config.demo && { demoCode: code }) };
}

export interface PublicComplaintInput {
  verificationId: string;
  code: string;
  /** The project code on the site's QR board; without it, where the arrears happened. */
  projectCode?: string | null;
  regionCode?: string | null;
  employerName: string;
  name: string;
  claimedFen: number;
  coWorkers?: { name: string; claimedFen: number }[];
  periodFrom?: string | null;
  periodTo?: string | null;
  description: string;
}

/**
 * Checks a code in the caller's transaction, under the verification's row lock so that parallel
 * guesses are counted one after another: a wrong code counts a try (the caller commits it and
 * then refuses); a right one marks the verification used and yields the phone it proves. Refused
 * outright when unknown, expired, tried too often or (with `once`) already used. A complaint may
 * present its code again: that returns the same complaint.
 */
async function checkCode(tx: Tx, ctx: Ctx, verificationId: string, code: string, once = false): Promise<{ phone: string; phoneBidx: string } | 'wrong'> {
  const now = ctx.clock.now();
  const v = await repo.tryVerificationCode(tx, { id: verificationId, codeMac: mac(ctx, verificationId, code), now, maxAttempts: MAX_ATTEMPTS, once });
  if (!v) {
    const why = await repo.findVerification(tx, verificationId);
    if (!why) throw refuse('验证码无效，请重新获取', 'No such code; request a new one');
    if (why.expires_at < now) throw refuse('验证码已过期，请重新获取', 'The code has expired; request a new one');
    if (why.attempts >= MAX_ATTEMPTS) throw refuse('验证码错误次数过多，请重新获取', 'Too many wrong codes; request a new one');
    throw refuse('验证码已使用，请重新获取', 'The code was used; request a new one');
  }
  if (!v.matches) return 'wrong';
  return { phone: ctx.cipher.decrypt(v.phone_enc, repo.verificationAad(verificationId)), phoneBidx: v.phone_bidx };
}

const wrongCode = () => new AppError('BUSINESS_RULE', { fields: [{ field: 'code', message: { zh: '验证码错误', en: 'Wrong code' } }], detail: { zh: '验证码错误', en: 'Wrong code' } });

/**
 * Receives the complaint as a clue of the public channel, checked and routed before the code is
 * spent; the code check, the clue, its case and the audit record are one transaction. The
 * verification is the clue's external id, so a second submission with the same code (a double
 * tap, a retry) returns the first complaint instead of a second one.
 */
export async function submitPublicComplaint(ctx: Ctx, input: PublicComplaintInput) {
  // Received on the public's behalf: the platform routes it; nobody's jurisdiction limits a complaint.
  const intake = contextFor(ctx, systemActor('公众扫码投诉'), { requestId: ctx.requestId, ip: ctx.ip });
  const plan = await planClue(intake, {
    channel: 'public_qr',
    externalId: input.verificationId,
    projectCode: input.projectCode ?? null,
    regionCode: input.regionCode ?? null,
    employerName: input.employerName,
    complainant: { name: input.name },
    workers: [{ name: input.name, claimedFen: input.claimedFen }, ...(input.coWorkers ?? [])],
    periodFrom: input.periodFrom ?? null,
    periodTo: input.periodTo ?? null,
    description: input.description,
  });
  const recorded = await ctx.db.tx(async (tx) => {
    const proven = await checkCode(tx, ctx, input.verificationId, input.code);
    if (proven === 'wrong') return 'wrong' as const;
    // The complainant is the first worker concerned, reachable at the phone the code proved.
    const withPhone = { ...plan, complainantPhone: proven.phone, workers: plan.workers.map((w, i) => (i === 0 ? { ...w, phone: proven.phone } : w)) };
    return recordClue(tx, intake, withPhone);
  });
  if (recorded === 'wrong') throw wrongCode();
  const receivedOn = plan.clue.receivedOn;
  if (recorded) {
    return { caseNo: recorded.caseNo!, title: plan.case!.title, handlingUnitName: recorded.handlingUnitName, receivedOn, acceptBy: acceptBy(receivedOn, plan.stage.acceptWithinWD), duplicate: false };
  }
  const first = (await repo.findClueByExternalId(ctx.db, 'public_qr', input.verificationId))!;
  return { ...(await receiptOfCase(ctx, first.case_id!)), duplicate: true };
}

/**
 * 查询进度: the complaints made from a proven phone (by any channel that recorded it), each with its
 * stage, the unit handling it and its deadline; nothing about anyone else. The code is spent.
 */
export async function lookupMyComplaints(ctx: Ctx, input: { verificationId: string; code: string }) {
  const proven = await ctx.db.tx((tx) => checkCode(tx, ctx, input.verificationId, input.code, true));
  if (proven === 'wrong') throw wrongCode();
  return (await repo.casesOfComplainant(ctx.db, proven.phoneBidx)).map((c) => ({
    caseNo: c.case_no,
    title: c.title,
    receivedOn: c.received_on,
    status: c.status,
    statusLabel: CASE_STATUSES[c.status],
    handlingUnitName: c.handling_unit_name,
    stageDueOn: c.stage_due_on,
    closedOn: c.closed_on,
  }));
}
