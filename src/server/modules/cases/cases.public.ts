import { randomInt } from 'node:crypto';
import type { DbOrTx, Tx } from '../../db/client';
import { shanghaiDate } from '../../platform/calendar';
import type { Ctx } from '../../platform/context';
import { AppError, type FieldProblem, invalidFields } from '../../platform/errors';
import { newIds } from '../../platform/ids';
import { caseTitle } from './cases.law';
import * as repo from './cases.repo';
import { CASE_STATUSES } from './cases.rules';
import { receiptOfCase } from './cases.service';

/**
 * 扫码投诉: a worker without an account complains from the QR code on a site's 维权告示牌. The phone
 * number is proven by a six-digit code sent to it (valid five minutes, five tries); a complaint
 * is then received like any other clue, routed to the unit responsible, and the complainant gets
 * the case number and the unit to follow it with. The code is stored only as a keyed MAC.
 */

// SECURITY.md 6: an SMS code is valid five minutes.
const CODE_MINUTES = 5;
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
  return { verificationId: id, expiresAt: expiresAt.toISOString(), ...(ctx.config.demo && !ctx.config.sms.gatewayUrl && { demoCode: code }) };
}

/** A complaint as the public page sends it: the proof of the phone, the place, and the complaint as stored. */
export type PublicComplaintInput = {
  verificationId: string;
  code: string;
  /** The project code on the site's QR board; without it, where the arrears happened. */
  projectCode?: string | null;
  regionCode?: string | null;
} & repo.SubmittedComplaint;

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
  if (!v) throw await whyRefused(ctx, verificationId, tx);
  if (!v.matches) return 'wrong';
  return { phone: ctx.cipher.decrypt(v.phone_enc, repo.verificationAad(verificationId)), phoneBidx: v.phone_bidx };
}

/** Why a code was not even tried: unknown, expired, out of tries, or (for a lookup) used. */
async function whyRefused(ctx: Ctx, verificationId: string, db: DbOrTx = ctx.db) {
  const why = await repo.findVerification(db, verificationId);
  if (!why) return refuse('验证码无效，请重新获取', 'No such code; request a new one');
  if (why.expires_at < ctx.clock.now()) return refuse('验证码已过期，请重新获取', 'The code has expired; request a new one');
  if (why.attempts >= MAX_ATTEMPTS) return refuse('验证码错误次数过多，请重新获取', 'Too many wrong codes; request a new one');
  return refuse('验证码已使用，请重新获取', 'The code was used; request a new one');
}

const wrongCode = () => new AppError('BUSINESS_RULE', { fields: [{ field: 'code', message: { zh: '验证码错误', en: 'Wrong code' } }], detail: { zh: '验证码错误', en: 'Wrong code' } });

/** What the complainant is told: the case number to follow it with, and, once routed, the unit and the day it must be accepted by. */
export interface ComplaintReceipt {
  caseNo: string;
  title: string;
  receivedOn: string;
  /** False while the complaint waits to be routed (分派中): no unit yet. */
  routed: boolean;
  handlingUnitName: string | null;
  acceptBy: string | null;
  duplicate: boolean;
}

const titleOf = (projectName: string | null, c: repo.SubmittedComplaint) =>
  caseTitle({ projectName, employerName: c.employerName.trim(), firstWorkerName: c.name, workerCount: 1 + (c.coWorkers?.length ?? 0) });

/**
 * 受理: the complaint is checked, and stored with its code check and its case number in one
 * statement; the intake drainer routes it within moments (cases.intake.ts) and the caller kicks
 * it. The verification is the submission's key, so a second submission with the same code (a
 * double tap, a retry, the page asking again for the unit) returns the first complaint.
 */
export async function submitPublicComplaint(ctx: Ctx, input: PublicComplaintInput): Promise<ComplaintReceipt> {
  const { verificationId, code, projectCode, regionCode, ...complaint } = input;
  const now = ctx.clock.now();
  const receivedOn = shanghaiDate(now);
  const problems: FieldProblem[] = [];
  if (complaint.periodFrom && complaint.periodTo && complaint.periodFrom > complaint.periodTo) problems.push({ field: 'periodTo', message: { zh: '欠薪期间的结束早于开始', en: 'The period ends before it starts' } });
  if (complaint.periodTo && complaint.periodTo > receivedOn) problems.push({ field: 'periodTo', message: { zh: '欠薪期间不能晚于今天', en: 'The period cannot end in the future' } });
  if (!projectCode && !regionCode) problems.push(NO_PLACE);
  if (problems.length) throw invalidFields(problems);
  const out = await repo.submitComplaint(ctx.db, {
    id: verificationId,
    codeMac: mac(ctx, verificationId, code),
    now,
    maxAttempts: MAX_ATTEMPTS,
    projectCode: projectCode ?? null,
    regionCode: projectCode ? null : (regionCode ?? null),
    year: receivedOn.slice(0, 4),
    complaint,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
  if (out.places === 0) throw invalidFields([projectCode ? { field: 'projectCode', message: { zh: '未找到该项目，请核对告示牌上的项目编号', en: 'No such project; check the code on the board' } } : NO_PLACE]);
  if (out.matches === null) throw await whyRefused(ctx, verificationId);
  if (!out.matches) throw wrongCode();
  if (out.case_no) return { caseNo: out.case_no, title: titleOf(out.project_name, complaint), receivedOn, routed: false, handlingUnitName: null, acceptBy: null, duplicate: false };
  return { ...(await receiptOfSubmission(ctx, verificationId)), duplicate: true };
}

const NO_PLACE: FieldProblem = { field: 'regionCode', message: { zh: '请选择欠薪发生地', en: 'Choose where the arrears happened' } };

/** The receipt of a stored complaint: its case's once routed, else what the submission says. */
async function receiptOfSubmission(ctx: Ctx, verificationId: string): Promise<Omit<ComplaintReceipt, 'duplicate'>> {
  const s = await repo.findSubmission(ctx.db, verificationId);
  // A complaint recorded by its code before complaints were queued is a clue of its own.
  const caseId = s ? s.case_id : (await repo.findClueByExternalId(ctx.db, 'public_qr', verificationId))?.case_id;
  if (caseId) return { ...(await receiptOfCase(ctx, caseId)), routed: true };
  return { caseNo: s!.case_no, title: titleOf(s!.project_name, s!.complaint), receivedOn: shanghaiDate(s!.received_at), routed: false, handlingUnitName: null, acceptBy: null };
}

/**
 * 查询进度: the complaints made from a proven phone (by any channel that recorded it), each with its
 * stage, the unit handling it and its deadline; nothing about anyone else. The code is spent.
 */
export async function lookupMyComplaints(ctx: Ctx, input: { verificationId: string; code: string }) {
  const proven = await ctx.db.tx((tx) => checkCode(tx, ctx, input.verificationId, input.code, true));
  if (proven === 'wrong') throw wrongCode();
  const [waiting, cases] = await Promise.all([repo.waitingSubmissionsOf(ctx.db, proven.phoneBidx), repo.casesOfComplainant(ctx.db, proven.phoneBidx)]);
  return [
    // Stored but not yet routed (a moment, as a rule): the number is theirs already, the unit is not.
    ...waiting.map((s) => ({
      caseNo: s.case_no,
      title: titleOf(s.project_name, s.complaint),
      receivedOn: shanghaiDate(s.received_at),
      status: 'submitted',
      statusLabel: SUBMITTED,
      handlingUnitName: null,
      stageDueOn: null,
      closedOn: null,
    })),
    ...cases.map((c) => ({
      caseNo: c.case_no,
      title: c.title,
      receivedOn: c.received_on,
      status: c.status,
      statusLabel: CASE_STATUSES[c.status],
      handlingUnitName: c.handling_unit_name,
      stageDueOn: c.stage_due_on,
      closedOn: c.closed_on,
    })),
  ];
}

const SUBMITTED = { zh: '已提交，正在分派承办单位', en: 'Submitted, being routed to the handling unit' };
