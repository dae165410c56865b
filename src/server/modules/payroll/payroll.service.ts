import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import { can } from '../../platform/access/actor';
import { addDays, monthEndOf, monthStartAfter, shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { AppError, type Bilingual, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { newIds } from '../../platform/ids';
import { fenToYuanText } from '../../platform/money';
import { bookedPayoutRefs, payoutAccountOf } from '../accounts';
import { openArrearsOfSource, recordArrears, resolveArrears } from '../deposits';
import { getParamValue } from '../params';
import { findProjectForScope } from '../projects';
import { regionFilterPath } from '../regions';
import { workerCardAad } from '../workforce';
import './payroll.params';
import { allowedActions, mayApprove, mayPrepare } from './payroll.policy';
import * as repo from './payroll.repo';
import { payoutCardAad } from './payroll.repo';
import {
  type CheckParams,
  LINE_CHECKS,
  type LineCheck,
  type PayItem,
  lineChecks,
  lineCleared,
  prefillItems,
  reconciliationGaps,
  sumItems,
  wageDueOn,
} from './payroll.rules';

/**
 * 工资表 and 总包代发 (PAY-01…09): the employer prepares the month's payroll from attendance and
 * wage terms, each worker confirms their line, the general contractor reviews the line checks,
 * approves and sends a payout batch drawn on the wage account; the bank executes it and reports
 * each payout's result; failed lines are re-sent; nothing is paid twice (one pending or paid
 * payout per line, by a unique index). A correction is a new version; the old one is kept.
 */


async function visibleProject(ctx: Ctx, projectId: string) {
  const project = await findProjectForScope(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  return project;
}

async function payrollInScope(ctx: Ctx, db: DbOrTx, id: string, forUpdate = false) {
  const p = await repo.findPayrollInScope(db, ctx.actor, id, forUpdate);
  if (!p) throw notFound();
  return p;
}

const parties = (p: repo.PayrollRow) => ({ employerId: p.employer_id, generalContractorId: p.general_contractor_id });

async function checkParams(db: DbOrTx, regionCode: string, onDate: string): Promise<CheckParams & { historyMonths: number; workerSignOff: boolean }> {
  // One after another: `db` may be a transaction, whose client takes one statement at a time.
  const minimumMonthlyFen = await getParamValue<number>(db, 'PAY-07.minimumWageMonthly', regionCode, onDate);
  const monthlyPaidDays = await getParamValue<number>(db, 'PAY-07.monthlyPaidDays', regionCode, onDate);
  const suddenDropRatio = await getParamValue<number>(db, 'PAY-07.suddenDropRatio', regionCode, onDate);
  const historyMonths = await getParamValue<number>(db, 'PAY-07.historyMonths', regionCode, onDate);
  const workerSignOff = await getParamValue<boolean>(db, 'PAY-07.workerSignOff', regionCode, onDate);
  return { minimumMonthlyFen, monthlyPaidDays, suddenDropRatio, historyMonths, workerSignOff };
}

/** Runs the line checks of a payroll and stores what fails; returns the failures by line. */
async function runChecks(tx: DbOrTx, p: { project_id: string; id: string; month: string; region_code: string }): Promise<Map<string, LineCheck[]>> {
  const end = monthEndOf(p.month);
  const params = await checkParams(tx, p.region_code, end);
  const sources = await repo.checkSources(tx, p.project_id, p.id, p.month, end, monthStartAfter(p.month, -params.historyMonths));
  const result = new Map<string, LineCheck[]>();
  const stored = sources.map((s) => {
    const codes = lineChecks(
      {
        wageType: s.wage_type,
        wageAmountFen: Number(s.wage_amount_fen),
        days: s.days_worked,
        attendanceDays: s.attendance_days,
        grossFen: Number(s.gross_fen),
        history: s.history_days > 0 ? [{ grossFen: Number(s.history_gross_fen), days: s.history_days }] : [],
        hasCard: s.has_card,
        cardShared: s.card_shared,
      },
      params,
    );
    result.set(s.id, codes);
    return { id: s.id, attendanceDays: s.attendance_days, codes };
  });
  await repo.setLineChecks(tx, p.project_id, stored);
  return result;
}

const monthProblem = (message: Bilingual): FieldProblem[] => [{ field: 'month', message }];

export async function preparePayroll(ctx: Ctx, projectId: string, input: { employerId: string; month: string }) {
  const project = await visibleProject(ctx, projectId);
  if (!mayPrepare(ctx.actor, { employerId: input.employerId, generalContractorId: project.generalContractorId })) throw new AppError('FORBIDDEN');
  if (!project.partyIds.includes(input.employerId) || input.employerId === project.ownerId) {
    throw invalidFields([{ field: 'employerId', message: { zh: '该单位不是本项目的总承包或分包单位', en: 'Not the general contractor or a subcontractor of this project' } }]);
  }
  const month = `${input.month}-01`;
  const today = shanghaiDate(ctx.clock.now());
  if (month > today) throw invalidFields(monthProblem({ zh: '不能编制未来月份的工资表', en: 'The month has not begun' }));
  if (monthEndOf(month) < project.laborTerms.start) throw invalidFields(monthProblem({ zh: '该月份早于项目开工', en: 'The month is before the works started' }));
  const [graceMonths, params] = await Promise.all([getParamValue<number>(ctx.db, 'PAY-02.graceUntil', project.regionCode, today), checkParams(ctx.db, project.regionCode, monthEndOf(month))]);
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    if (await repo.currentPayrollOf(tx, projectId, input.employerId, month)) {
      throw invalidFields(monthProblem({ zh: '该单位本月工资表已存在；如需更改请在原表上修改或更正', en: 'This employer already has a payroll for the month; edit or correct it' }));
    }
    const roster = await repo.rosterForMonth(tx, projectId, input.employerId, month, monthEndOf(month));
    if (roster.length === 0) throw invalidFields(monthProblem({ zh: '该单位本月在本项目没有在册人员', en: 'The employer had nobody on the roster that month' }));
    await repo.insertPayroll(
      tx,
      {
        projectId,
        id,
        employerId: input.employerId,
        month,
        version: 1,
        supersedesId: null,
        correctionReason: null,
        dueOn: wageDueOn(month, project.laborTerms.payday, graceMonths),
        preparedBy: ctx.actor.name,
      },
      ctx.clock.now(),
    );
    const ids = newIds(roster.length);
    await repo.insertLines(
      tx,
      projectId,
      id,
      roster.map((r, i) => {
        const terms = { wageType: r.wage_type, wageAmountFen: Number(r.wage_amount_fen) };
        const grossItems = prefillItems(terms, r.attendance_days, params.monthlyPaidDays);
        const grossFen = sumItems(grossItems);
        return {
          id: ids[i],
          workerId: r.worker_id,
          employmentId: r.employment_id,
          wageType: r.wage_type,
          wageAmountFen: terms.wageAmountFen,
          attendanceDays: r.attendance_days,
          days: r.attendance_days,
          grossItems,
          deductionItems: [],
          grossFen,
          deductionFen: 0,
          netFen: grossFen,
          paidPriorFen: 0,
        };
      }),
    );
    await runChecks(tx, { project_id: projectId, id, month, region_code: project.regionCode });
    await audit(tx, ctx, { action: 'payroll.prepare', objectType: 'payroll', objectId: id, after: { projectId, employerId: input.employerId, month, lines: roster.length }, regionPath: project.regionPath });
  });
  return getPayroll(ctx, id);
}

export async function getPayroll(ctx: Ctx, id: string) {
  const p = await payrollInScope(ctx, ctx.db, id);
  const [lines, batches, pendingPayouts] = await Promise.all([repo.linesOf(ctx.db, p.project_id, id), repo.batchesOf(ctx.db, p.project_id, id), repo.pendingPayoutCount(ctx.db, p.project_id, id)]);
  return {
    row: p,
    lines: lines.map((l) => ({ ...l, cleared: lineCleared(l.check_codes, l.override_reason) })),
    batches,
    actions: allowedActions(ctx.actor, { status: p.status, ...parties(p), pendingPayouts }),
  };
}

export async function listPayrolls(ctx: Ctx, projectId: string, query: { month?: string; employerId?: string; includeSuperseded?: boolean }) {
  await visibleProject(ctx, projectId);
  return repo.listPayrolls(ctx.db, ctx.actor, projectId, { ...query, month: query.month ? `${query.month}-01` : undefined });
}

/** A draft's own payroll, locked, that the caller may prepare. */
async function draftForEdit(ctx: Ctx, tx: DbOrTx, id: string) {
  const p = await payrollInScope(ctx, tx, id, true);
  if (!mayPrepare(ctx.actor, parties(p))) throw new AppError('FORBIDDEN');
  if (p.status !== 'draft') throw invalidFields([{ field: 'status', message: { zh: '工资表已审核，只能通过更正生成新版本', en: 'The payroll is approved; correct it with a new version' } }]);
  return p;
}

async function lineOf(tx: DbOrTx, p: repo.PayrollRow, lineId: string) {
  const line = await repo.findLine(tx, p.project_id, p.id, lineId, true);
  if (!line) throw notFound();
  return line;
}

export interface LineInput {
  days: number;
  grossItems: PayItem[];
  deductionItems: PayItem[];
  version: number;
}

/** Edits a draft line: days and itemized pay; a confirmation or override given for the old figures lapses. */
export async function editLine(ctx: Ctx, id: string, lineId: string, input: LineInput) {
  const grossFen = sumItems(input.grossItems);
  const deductionFen = sumItems(input.deductionItems);
  if (deductionFen > grossFen) throw invalidFields([{ field: 'deductionItems', message: { zh: '扣除合计不能超过应发工资', en: 'Deductions cannot exceed the gross pay' } }]);
  await ctx.db.tx(async (tx) => {
    const p = await draftForEdit(ctx, tx, id);
    const line = await lineOf(tx, p, lineId);
    const after = { days: input.days, grossItems: input.grossItems, deductionItems: input.deductionItems, grossFen, deductionFen, netFen: grossFen - deductionFen };
    if (!(await repo.updateLine(tx, p.project_id, lineId, input.version, after))) throw new AppError('VERSION_CONFLICT');
    await runChecks(tx, p);
    await audit(tx, ctx, {
      action: 'payroll.line_edit',
      objectType: 'payroll_line',
      objectId: lineId,
      before: { days: line.days_worked, grossFen: Number(line.gross_fen), deductionFen: Number(line.deduction_fen), grossItems: line.gross_items, deductionItems: line.deduction_items },
      after,
      regionPath: p.region_path,
    });
  });
  return getPayroll(ctx, id);
}

/** PAY-07: staff record a confirmation the worker gave off the platform (a signed sheet, in person), saying how. */
export async function recordConfirmation(ctx: Ctx, id: string, lineId: string, input: { note: string }) {
  await ctx.db.tx(async (tx) => {
    const p = await draftForEdit(ctx, tx, id);
    const line = await lineOf(tx, p, lineId);
    // Staff cannot sign over a worker's own objection: the line is corrected, then the worker answers again.
    if (line.confirmation === 'disputed' && line.confirmed_via === 'worker') {
      throw invalidFields([{ field: 'note', message: { zh: `${line.worker_name}本人对本行有异议（${line.confirmation_note ?? ''}），请核实修改后由本人重新确认`, en: `${line.worker_name} disputes this line; correct it and let them answer again` } }]);
    }
    await repo.setConfirmation(tx, p.project_id, lineId, { confirmation: 'confirmed', via: 'staff', note: input.note, by: ctx.actor.name, at: ctx.clock.now() });
    await audit(tx, ctx, { action: 'payroll.line_confirm', objectType: 'payroll_line', objectId: lineId, reason: input.note, before: { confirmation: line.confirmation }, after: { confirmation: 'confirmed', via: 'staff' }, regionPath: p.region_path });
  });
  return getPayroll(ctx, id);
}

/** The general contractor's reason for passing a line whose overridable checks fail (PAY-07 review). */
export async function overrideChecks(ctx: Ctx, id: string, lineId: string, input: { reason: string }) {
  await ctx.db.tx(async (tx) => {
    const p = await payrollInScope(ctx, tx, id, true);
    if (!mayApprove(ctx.actor, parties(p))) throw new AppError('FORBIDDEN');
    if (p.status !== 'draft') throw invalidFields([{ field: 'status', message: { zh: '工资表已审核', en: 'The payroll is already approved' } }]);
    const line = await lineOf(tx, p, lineId);
    const blocking = line.check_codes.filter((c) => !LINE_CHECKS[c as LineCheck]?.overridable);
    if (line.check_codes.length === 0) throw invalidFields([{ field: 'reason', message: { zh: '该行校验已通过，无需说明', en: 'The line passes its checks' } }]);
    if (blocking.length > 0) {
      throw invalidFields([{ field: 'reason', message: { zh: `以下问题须先纠正，不能说明放行：${blocking.map((c) => LINE_CHECKS[c as LineCheck].zh).join('；')}`, en: `Fix these first; they cannot be passed with a reason: ${blocking.map((c) => LINE_CHECKS[c as LineCheck].en).join('; ')}` } }]);
    }
    await repo.setOverride(tx, p.project_id, lineId, input.reason, ctx.actor.name);
    await audit(tx, ctx, { action: 'payroll.line_override', objectType: 'payroll_line', objectId: lineId, reason: input.reason, after: { checks: line.check_codes }, regionPath: p.region_path });
  });
  return getPayroll(ctx, id);
}

/**
 * The general contractor approves after the checks run once more: every line confirmed by its
 * worker (PAY-07), none disputed, every failing check fixed or passed with a reason.
 */
export async function approvePayroll(ctx: Ctx, id: string, input: { version: number }) {
  await ctx.db.tx(async (tx) => {
    const p = await payrollInScope(ctx, tx, id, true);
    if (!mayApprove(ctx.actor, parties(p))) throw new AppError('FORBIDDEN');
    if (p.status !== 'draft') throw invalidFields([{ field: 'status', message: { zh: '只有编制中的工资表可以审核', en: 'Only a draft can be approved' } }]);
    const checks = await runChecks(tx, p);
    const { workerSignOff } = await checkParams(tx, p.region_code, monthEndOf(p.month));
    const lines = await repo.linesOf(tx, p.project_id, id);
    const problems: FieldProblem[] = [];
    for (const l of lines) {
      const field = `lines.${l.id}`;
      const codes = checks.get(l.id) ?? [];
      const pays = Number(l.gross_fen) > 0 || l.days_worked > 0;
      if (l.confirmation === 'disputed') problems.push({ field, message: { zh: `${l.worker_name}：对本行有异议，须先处理`, en: `${l.worker_name}: disputes the line` } });
      else if (workerSignOff && pays && l.confirmation !== 'confirmed') problems.push({ field, message: { zh: `${l.worker_name}：尚未确认（PAY-07）`, en: `${l.worker_name}: not yet confirmed (PAY-07)` } });
      if (codes.length > 0 && !lineCleared(codes, l.override_reason)) {
        problems.push({ field, message: { zh: `${l.worker_name}：${codes.map((c) => LINE_CHECKS[c].zh).join('；')}`, en: `${l.worker_name}: ${codes.map((c) => LINE_CHECKS[c].en).join('; ')}` } });
      }
    }
    if (problems.length > 0) throw invalidFields(problems);
    // A correction that changes nothing owed leaves nothing to send: it is settled as it stands.
    const nothingDue = lines.every((l) => Number(l.payable_fen) === 0);
    if (!(await repo.setPayrollStatus(tx, p.project_id, id, input.version, nothingDue ? 'paid' : 'approved', ctx.clock.now(), ctx.actor.name))) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, { action: 'payroll.approve', objectType: 'payroll', objectId: id, after: { lines: lines.length, netFen: lines.reduce((s, l) => s + Number(l.net_fen), 0) }, regionPath: p.region_path });
  });
  return getPayroll(ctx, id);
}

/**
 * A payout batch on the project's wage account (PAY-08): each line to the worker's own card as
 * the registry holds it now, never to a card typed in. The account must be usable (not frozen or
 * closed) and hold the batch beside the payouts whose debit it has not booked yet. Results the bank sent
 * before the batch was registered are applied as it is.
 */
async function sendBatch(ctx: Ctx, id: string, kind: 'payroll' | 'resend', input: { version: number; lineIds?: string[] }) {
  await ctx.db.tx(async (tx) => {
    const p = await payrollInScope(ctx, tx, id, true);
    if (!mayApprove(ctx.actor, parties(p))) throw new AppError('FORBIDDEN');
    if (p.row_version !== input.version) throw new AppError('VERSION_CONFLICT');
    const expected = kind === 'payroll' ? 'approved' : 'partially_paid';
    if (p.status !== expected) {
      throw invalidFields([{ field: 'status', message: kind === 'payroll' ? { zh: '工资表审核后方可提交代发', en: 'Approve the payroll before paying it' } : { zh: '没有待重发的失败行', en: 'No failed lines to re-send' } }]);
    }
    const lines = await repo.payableLines(tx, p.project_id, id, kind === 'resend', input.lineIds ?? null);
    if (lines.length === 0) throw invalidFields([{ field: 'lineIds', message: { zh: '没有可发放的行', en: 'No lines to pay' } }]);
    const noCard = lines.filter((l) => !l.card_enc || !l.card_bidx || !l.card_mask);
    if (noCard.length > 0) {
      throw invalidFields(noCard.map((l) => ({ field: `lines.${l.id}`, message: { zh: `${l.worker_name}：未登记本人工资卡`, en: `${l.worker_name}: no own card on record` } })));
    }
    const account = await payoutAccountOf(tx, p.project_id);
    if (!account) throw invalidFields([{ field: 'account', message: { zh: '本项目尚未开立工资专用账户（PAY-08 须从专户代发）', en: 'The project has no wage account (PAY-08 pays from it)' } }]);
    if (account.status === 'frozen') throw invalidFields([{ field: 'account', message: { zh: '工资专用账户已冻结，无法代发', en: 'The wage account is frozen' } }]);
    const total = lines.reduce((s, l) => s + Number(l.payable_fen), 0);
    // Held back: payouts sent or paid whose debit the account has not booked yet.
    const unsettled = await repo.unsettledPayouts(tx, account.id, ctx.clock.now());
    const booked = await bookedPayoutRefs(tx, p.project_id, account.id, unsettled.map((o) => o.ref));
    const available = Number(account.ledger_balance_fen) - unsettled.filter((o) => !booked.has(o.ref)).reduce((sum, o) => sum + Number(o.amount_fen), 0);
    if (available < total) {
      throw invalidFields([{ field: 'account', message: { zh: `专户可用余额不足：需${fenToYuanText(total)}元，可用${fenToYuanText(available)}元`, en: `The account is short: needs ¥${fenToYuanText(total)}, has ¥${fenToYuanText(available)} available` } }]);
    }
    const batchNo = await repo.nextBatchNo(tx);
    const ids = newIds(lines.length + 1);
    const payouts = lines.map((l, i) => {
      const payoutId = ids[i + 1];
      const card = ctx.cipher.decrypt(l.card_enc!, workerCardAad(l.worker_id));
      return {
        id: payoutId,
        lineId: l.id,
        workerId: l.worker_id,
        ref: `${batchNo}-${String(i + 1).padStart(4, '0')}`,
        attempt: l.attempts + 1,
        amountFen: Number(l.payable_fen),
        cardEnc: ctx.cipher.encrypt(card, payoutCardAad(payoutId)),
        cardBidx: l.card_bidx!,
        cardMask: l.card_mask!,
      };
    });
    await repo.insertBatch(tx, { projectId: p.project_id, id: ids[0], batchNo, payrollId: id, accountId: account.id, bankId: account.bank_id, kind, by: ctx.actor.name, at: ctx.clock.now() }, payouts);
    if (!(await repo.setPayrollStatus(tx, p.project_id, id, input.version, 'paying', ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    const applied = await repo.applyHeldResults(tx, payouts.map((o) => o.ref), ctx.clock.now());
    await audit(tx, ctx, {
      action: kind === 'payroll' ? 'payroll.submit' : 'payroll.resend',
      objectType: 'payout_batch',
      objectId: ids[0],
      after: { payrollId: id, batchNo, lines: payouts.length, totalFen: total, heldResultsApplied: applied.size },
      regionPath: p.region_path,
    });
  });
  return getPayroll(ctx, id);
}

export const submitPayout = (ctx: Ctx, id: string, input: { version: number }) => sendBatch(ctx, id, 'payroll', input);
export const resendFailed = (ctx: Ctx, id: string, input: { version: number; lineIds?: string[] }) => sendBatch(ctx, id, 'resend', input);

/**
 * A correction (PAY-04: nothing is deleted): a new draft version with the same lines; what was
 * paid on the old version counts, so the new one pays only the rest. The old version stays, read-only.
 */
export async function correctPayroll(ctx: Ctx, id: string, input: { reason: string; version: number }) {
  const newId = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    const p = await payrollInScope(ctx, tx, id, true);
    if (!mayPrepare(ctx.actor, parties(p))) throw new AppError('FORBIDDEN');
    if (!['approved', 'paid', 'partially_paid'].includes(p.status)) throw invalidFields([{ field: 'status', message: { zh: '编制中的工资表直接修改即可', en: 'Edit a draft directly' } }]);
    if ((await repo.pendingPayoutCount(tx, p.project_id, id)) > 0) throw invalidFields([{ field: 'status', message: { zh: '尚有代发结果未返回，待银行回盘后再更正', en: 'Wait for the bank’s results before correcting' } }]);
    const lines = await repo.linesOf(tx, p.project_id, id);
    const paid = await repo.paidByWorker(tx, p.project_id, id);
    if (!(await repo.setPayrollStatus(tx, p.project_id, id, input.version, 'superseded', ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await repo.insertPayroll(
      tx,
      { projectId: p.project_id, id: newId, employerId: p.employer_id, month: p.month, version: p.version + 1, supersedesId: id, correctionReason: input.reason, dueOn: p.due_on, preparedBy: ctx.actor.name },
      ctx.clock.now(),
    );
    const ids = newIds(lines.length);
    await repo.insertLines(
      tx,
      p.project_id,
      newId,
      lines.map((l, i) => ({
        id: ids[i],
        workerId: l.worker_id,
        employmentId: l.employment_id,
        wageType: l.wage_type,
        wageAmountFen: Number(l.wage_amount_fen),
        attendanceDays: l.attendance_days,
        days: l.days_worked,
        grossItems: l.gross_items,
        deductionItems: l.deduction_items,
        grossFen: Number(l.gross_fen),
        deductionFen: Number(l.deduction_fen),
        netFen: Number(l.net_fen),
        paidPriorFen: paid.get(l.worker_id) ?? 0,
      })),
    );
    await runChecks(tx, { ...p, id: newId });
    await audit(tx, ctx, { action: 'payroll.correct', objectType: 'payroll', objectId: newId, reason: input.reason, before: { id, version: p.version, status: p.status }, after: { version: p.version + 1 }, regionPath: p.region_path });
  });
  return getPayroll(ctx, newId);
}

// ---- the bank ----

/** The bank takes its open batches to execute, with each worker's full card number (an audited disclosure to the paying bank). */
export async function claimBatches(ctx: Ctx, input: { limit: number }) {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'bank') throw new AppError('FORBIDDEN');
  return ctx.db.tx(async (tx) => {
    const batches = await repo.claimBatches(tx, scope.bankId, input.limit, ctx.clock.now());
    const payouts = await repo.payoutsOfBatches(tx, batches);
    for (const b of batches) {
      await audit(tx, ctx, { action: 'payout.batch_claim', objectType: 'payout_batch', objectId: b.id, after: { batchNo: b.batch_no, lines: b.line_count, cardsDisclosed: b.line_count } });
    }
    return batches.map((b) => ({
      batchNo: b.batch_no,
      accountNo: b.account_no,
      accountName: b.account_name,
      totalFen: Number(b.total_fen),
      payouts: payouts
        .filter((o) => o.batch_id === b.id)
        .map((o) => ({ ref: o.ref, workerName: o.worker_name, amountFen: Number(o.amount_fen), cardNo: ctx.cipher.decrypt(o.card_enc, payoutCardAad(o.id)) })),
    }));
  });
}

export interface PayoutResultInput {
  ref: string;
  status: 'paid' | 'failed';
  amountFen: number;
  /** ISO 8601 with an offset. */
  at: string;
  failureReason?: string | null;
  bankTxnId?: string | null;
}

export interface ResultsOutcome {
  received: number;
  applied: number;
  duplicates: number;
  held: number;
  rejected: { index: number; ref: string; reason: Bilingual }[];
}

const resultHash = (r: PayoutResultInput, at: Date) => createHash('sha256').update(JSON.stringify([r.ref, r.status, r.amountFen, at.toISOString(), r.failureReason ?? null])).digest('hex');

/**
 * The bank's per-payout results. Idempotent by our ref: the same result again is a duplicate, a
 * different one for a ref already answered is refused, never merged; a result for a payout sent
 * to another bank or with another amount is refused. A ref not known yet is held and applied when
 * its batch is registered, so a result that overtakes its batch is neither lost nor applied twice.
 */
export async function receivePayoutResults(ctx: Ctx, results: PayoutResultInput[]): Promise<ResultsOutcome> {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'bank') throw new AppError('FORBIDDEN');
  const rejected: ResultsOutcome['rejected'] = [];
  const reject = (index: number, ref: string, reason: Bilingual) => rejected.push({ index, ref, reason });
  const notOurs: Bilingual = { zh: '该代发明细不属于本银行', en: 'Not a payout of this bank' };
  const fresh: (repo.ResultWrite & { index: number })[] = [];
  const seen = new Map<string, string>();
  let duplicates = 0;
  results.forEach((r, index) => {
    const at = new Date(r.at);
    if (Number.isNaN(at.getTime()) || !/(Z|[+-]\d{2}:?\d{2})$/.test(r.at)) return reject(index, r.ref, { zh: '结果时间应为带时区的ISO 8601时间', en: 'at must be ISO 8601 with an offset' });
    if (r.status === 'failed' && !r.failureReason?.trim()) return reject(index, r.ref, { zh: '发放失败须写明原因', en: 'A failure needs its reason' });
    const hash = resultHash(r, at);
    const earlier = seen.get(r.ref);
    if (earlier !== undefined) {
      if (earlier === hash) duplicates++;
      else reject(index, r.ref, { zh: '同一批次内同一代发明细结果不同', en: 'The same payout twice in the batch with different results' });
      return;
    }
    seen.set(r.ref, hash);
    fresh.push({ index, ref: r.ref, status: r.status, amountFen: r.amountFen, resultAt: at, failureReason: r.failureReason ?? null, bankTxnId: r.bankTxnId ?? null, contentHash: hash });
  });
  return ctx.db.tx(async (tx) => {
    // The common path is one statement: the results settle their payouts. The rest is for the rare cases.
    const applied = await repo.applyResults(tx, scope.bankId, fresh, ctx.clock.now());
    const rest = fresh.filter((f) => !applied.has(f.ref));
    const payouts = await repo.payoutsByRef(tx, rest.map((f) => f.ref));
    const held = await repo.heldResults(tx, rest.map((f) => f.ref));
    const toHold: repo.ResultWrite[] = [];
    for (const f of rest) {
      const o = payouts.get(f.ref);
      const h = held.get(f.ref);
      if (o) {
        if (o.bank_id !== scope.bankId) reject(f.index, f.ref, notOurs);
        else if (o.result_hash === f.contentHash) duplicates++;
        else if (o.status !== 'pending') reject(f.index, f.ref, { zh: '该代发明细已有不同的结果，未覆盖，请核对', en: 'This payout already has a different result; not overwritten' });
        else reject(f.index, f.ref, { zh: `金额与代发明细不符（应为${fenToYuanText(Number(o.amount_fen))}元）`, en: 'The amount differs from the payout' });
      } else if (h) {
        if (h.bank_id !== scope.bankId) reject(f.index, f.ref, notOurs);
        else if (h.content_hash === f.contentHash) duplicates++;
        else reject(f.index, f.ref, { zh: '该代发明细已有不同的结果，未覆盖，请核对', en: 'This payout already has a different result; not overwritten' });
      } else {
        toHold.push(f);
      }
    }
    await repo.holdResults(tx, scope.bankId, ctx.clock.now(), toHold);
    if (applied.size + toHold.length > 0) await audit(tx, ctx, { action: 'payout.results', objectType: 'payout_result', after: { received: results.length, applied: applied.size, held: toHold.length } });
    rejected.sort((a, b) => a.index - b.index);
    return { received: results.length, applied: applied.size, duplicates, held: toHold.length, rejected };
  });
}

// ---- slips, reconciliation, region ----

function slipOf(line: repo.LineRow, p: { project_name: string; employer_name: string; month: string; due_on: string | null }, payouts: repo.PaidPayoutRow[]) {
  const paid = payouts.filter((o) => o.status === 'paid');
  if (paid.length === 0) throw invalidFields([{ field: 'line', message: { zh: '该行尚未发放到账，暂无工资清单', en: 'Not paid yet: no wage slip' } }]);
  return {
    // PAY-05 (Reg. Art. 15): the employer, the period and pay date, the payee, working time, items, deductions, net, the bank's voucher.
    slipNo: paid[paid.length - 1].ref,
    projectName: p.project_name,
    employerName: p.employer_name,
    month: p.month.slice(0, 7),
    dueOn: p.due_on,
    workerName: line.worker_name,
    idNumber: line.id_mask,
    days: line.days_worked,
    grossItems: line.gross_items,
    deductionItems: line.deduction_items,
    grossFen: Number(line.gross_fen),
    deductionFen: Number(line.deduction_fen),
    netFen: Number(line.net_fen),
    paidPriorFen: Number(line.paid_prior_fen),
    payments: paid.map((o) => ({ ref: o.ref, amountFen: Number(o.amount_fen), paidAt: o.result_at, card: o.card_mask, bankTxnId: o.bank_txn_id })),
  };
}

export async function wageSlip(ctx: Ctx, id: string, lineId: string) {
  const p = await payrollInScope(ctx, ctx.db, id);
  const line = await repo.findLine(ctx.db, p.project_id, id, lineId);
  if (!line) throw notFound();
  return slipOf(line, p, await repo.payoutsOfLine(ctx.db, p.project_id, lineId));
}

const ownWorker = (ctx: Ctx) => {
  if (ctx.actor.scope.kind !== 'worker') throw new AppError('FORBIDDEN');
  return ctx.actor.scope.workerId;
};

/** A worker's own payroll lines, newest month first. */
export async function ownPayrollLines(ctx: Ctx) {
  return repo.ownLines(ctx.db, ownWorker(ctx), null);
}

export async function ownWageSlip(ctx: Ctx, lineId: string) {
  const [line] = await repo.ownLines(ctx.db, ownWorker(ctx), lineId);
  if (!line) throw notFound();
  return slipOf(line, line, await repo.payoutsOfLine(ctx.db, line.project_id, lineId));
}

/** PAY-07: the worker signs their own line, or disputes it with what is wrong. Only while the payroll is being prepared. */
export async function answerOwnLine(ctx: Ctx, lineId: string, input: { answer: 'confirm' | 'dispute'; note?: string | null }) {
  const workerId = ownWorker(ctx);
  if (input.answer === 'dispute' && !input.note?.trim()) throw invalidFields([{ field: 'note', message: { zh: '请说明有异议的内容', en: 'Say what is wrong' } }]);
  await ctx.db.tx(async (tx) => {
    const [line] = await repo.ownLines(tx, workerId, lineId);
    if (!line) throw notFound();
    if (line.payroll_status !== 'draft') throw invalidFields([{ field: 'answer', message: { zh: '工资表已审核，如有问题请投诉或联系劳资专管员', en: 'The payroll is approved; raise a complaint or ask the labour officer' } }]);
    const confirmation = input.answer === 'confirm' ? 'confirmed' : 'disputed';
    await repo.setConfirmation(tx, line.project_id, lineId, { confirmation, via: 'worker', note: input.note ?? null, by: ctx.actor.name, at: ctx.clock.now() });
    await audit(tx, ctx, { action: `payroll.line_${input.answer}`, objectType: 'payroll_line', objectId: lineId, reason: input.note ?? null, after: { confirmation } });
  });
  return (await repo.ownLines(ctx.db, workerId, lineId))[0];
}

/** The three-way reconciliation of a month (attendance → payroll → bank), with every gap. */
export async function reconcileMonth(ctx: Ctx, projectId: string, month: string) {
  const project = await visibleProject(ctx, projectId);
  if (!can(ctx.actor, 'payroll.read')) throw new AppError('FORBIDDEN');
  const start = `${month}-01`;
  // A company sees its own people; the general contractor and officials see every employer's.
  const employerIds = ctx.actor.scope.kind === 'enterprise' && ctx.actor.scope.enterpriseId !== project.generalContractorId ? [ctx.actor.scope.enterpriseId] : null;
  const rows = await repo.reconciliation(ctx.db, projectId, start, monthEndOf(start), employerIds);
  const items = rows.map((r) => {
    const netFen = Number(r.net_fen);
    const paidFen = Number(r.paid_fen);
    return {
      workerId: r.worker_id,
      workerName: r.worker_name,
      idNumber: r.id_mask,
      employerName: r.employer_name,
      attendanceDays: r.attendance_days,
      onPayroll: r.on_payroll,
      payrollDays: r.payroll_days,
      netFen,
      paidFen,
      gaps: reconciliationGaps({ attendanceDays: r.attendance_days, onPayroll: r.on_payroll, netFen, paidFen }),
    };
  });
  return { month, items, gapCount: items.filter((i) => i.gaps.length > 0).length };
}

/** Payrolls in the region whose payday has passed with wages unpaid. */
export async function regionOverdue(ctx: Ctx, query: { regionCode?: string }) {
  const regionPath = (await regionFilterPath(ctx.db, query.regionCode)) ?? null;
  const rows = await repo.overduePayrolls(ctx.db, ctx.actor, regionPath, shanghaiDate(ctx.clock.now()));
  return rows.map((r) => ({
    projectId: r.project_id,
    projectCode: r.project_code,
    projectName: r.project_name,
    regionName: r.region_name,
    payrollId: r.id,
    employerName: r.employer_name,
    month: r.month.slice(0, 7),
    status: r.status,
    dueOn: r.due_on!,
    unpaidFen: Number(r.unpaid_fen),
    unpaidLines: r.unpaid_lines,
  }));
}

/** The finding's reference: one per employer, project and month, whatever the payroll's versions. */
const arrearsReference = (projectId: string, employerId: string, month: string) => `payroll:${projectId}:${employerId}:${month.slice(0, 7)}`;

/**
 * Keeps the employers' arrears record in step with the payrolls: an employer-month unpaid past its
 * due day becomes a finding (found the day after the due day, for the amount unpaid); a finding
 * whose wages have since been paid is settled today. Idempotent: run it twice, nothing changes.
 */
export async function recordOverdueArrears(ctx: Ctx) {
  const today = shanghaiDate(ctx.clock.now());
  return ctx.db.tx(async (tx) => {
    const overdue = await repo.overduePayrolls(tx, ctx.actor, null, today);
    const open = new Map((await openArrearsOfSource(tx, 'payroll')).map((a) => [a.reference, a]));
    const stillOwed = new Set<string>();
    let recorded = 0;
    for (const o of overdue) {
      const reference = arrearsReference(o.project_id, o.employer_id, o.month);
      stillOwed.add(reference);
      if (open.has(reference)) continue;
      await recordArrears(ctx, tx, o.employer_id, { projectId: o.project_id, foundOn: addDays(o.due_on!, 1), amountFen: Number(o.unpaid_fen), source: 'payroll', reference }, o.region_path);
      recorded++;
    }
    let settled = 0;
    for (const [reference, a] of open) {
      if (stillOwed.has(reference)) continue;
      await resolveArrears(ctx, tx, a.id, today);
      settled++;
    }
    return { recorded, settled };
  });
}
