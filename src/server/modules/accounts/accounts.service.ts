import { createHash } from 'node:crypto';
import { can } from '../../platform/access/actor';
import { shanghaiDate } from '../../platform/calendar';
import { type Ctx, audit } from '../../platform/context';
import { maskBankCard } from '../../platform/crypto/masking';
import { AppError, type Bilingual, type FieldProblem, invalidFields, notFound } from '../../platform/errors';
import { readStoredFile, storeFile } from '../../platform/files/files';
import { newIds } from '../../platform/ids';
import type { PageRequest } from '../../db/paging';
import { findBank } from '../orgs';
import { getParamValue } from '../params';
import { unpaidWagesOf } from '../payroll';
import { actsForGeneralContractor, findProjectForScope, projectScope } from '../projects';
import { regionFilterPath } from '../regions';
import * as repo from './accounts.repo';
import { counterpartyAad } from './accounts.repo';
import {
  type AccountStatus,
  type TransactionKind,
  agreementState,
  allocationSchedule,
  checkAccountStatusChange,
  matchAllocations,
  openingDelayDays,
  signedAmount,
  transactionFlags,
} from './accounts.rules';

/**
 * 工资专用账户 (ACC-01…09) and 人工费分账: the general contractor opens the account, the bank reports
 * every line on it, and the owner's deposits are matched to what the contract schedules. Balances
 * come from the lines; the bank's own balance is compared, never copied over ours.
 */

async function visibleProject(ctx: Ctx, projectId: string) {
  const project = await findProjectForScope(ctx.db, ctx.actor, projectId);
  if (!project) throw notFound();
  return project;
}

/** The general contractor keeps the account (ACC-01); an official over the project may record it for them. */
const mayKeep = (ctx: Ctx, generalContractorId: string) => can(ctx.actor, 'accounts.write') && actsForGeneralContractor(ctx.actor, generalContractorId);

export interface OpenAccountInput {
  bankId: string;
  accountNo: string;
  accountName?: string | null;
  contractSignedOn: string;
  openedOn: string;
  agreementSignedOn?: string | null;
}

export async function openAccount(ctx: Ctx, projectId: string, input: OpenAccountInput) {
  const project = await visibleProject(ctx, projectId);
  if (!mayKeep(ctx, project.generalContractorId)) throw new AppError('FORBIDDEN');
  const today = shanghaiDate(ctx.clock.now());
  const problems: FieldProblem[] = [];
  if (!(await findBank(ctx.db, input.bankId))) problems.push({ field: 'bankId', message: { zh: '开户银行不在银行目录中', en: 'The bank is not in the catalogue' } });
  if (input.openedOn > today) problems.push({ field: 'openedOn', message: { zh: '开户日期不能晚于今天', en: 'The opening date cannot be in the future' } });
  if (input.contractSignedOn > input.openedOn) problems.push({ field: 'contractSignedOn', message: { zh: '施工合同签订日期不应晚于开户日期', en: 'The contract date cannot follow the opening' } });
  if (input.agreementSignedOn && input.agreementSignedOn > today) problems.push({ field: 'agreementSignedOn', message: { zh: '三方协议签订日期不能晚于今天', en: 'The agreement date cannot be in the future' } });
  if (problems.length) throw invalidFields(problems);
  const id = newIds(1)[0];
  await ctx.db.tx(async (tx) => {
    if (await repo.openAccountOf(tx, projectId)) {
      throw invalidFields([{ field: 'accountNo', message: { zh: '本项目已有工资专用账户（一个项目只开设一个，ACC-01）', en: 'The project already has a wage account (one per project)' } }]);
    }
    if (await repo.accountNoTaken(tx, input.bankId, input.accountNo)) {
      throw invalidFields([{ field: 'accountNo', message: { zh: '该银行已有此账号', en: 'That account number is already registered at the bank' } }]);
    }
    await repo.insertAccount(
      tx,
      {
        id,
        projectId,
        generalContractorId: project.generalContractorId,
        bankId: input.bankId,
        accountNo: input.accountNo,
        // The name the Measures give the account: contractor + project + 农民工工资专用账户.
        accountName: input.accountName || `${project.generalContractorName}${project.name}农民工工资专用账户`,
        contractSignedOn: input.contractSignedOn,
        openedOn: input.openedOn,
        agreementSignedOn: input.agreementSignedOn ?? null,
      },
      ctx.clock.now(),
    );
    await repo.insertStatusHistory(tx, { id: newIds(1)[0], accountId: id, from: null, to: 'opened', onDate: input.openedOn, reason: null, by: ctx.actor.name, at: ctx.clock.now() });
    await audit(tx, ctx, { action: 'account.open', objectType: 'wage_account', objectId: id, after: { projectId, ...input }, regionPath: project.regionPath });
  });
  await scheduleAllocations(ctx, projectId);
  return getAccount(ctx, id);
}

export async function getAccount(ctx: Ctx, id: string) {
  const a = await repo.findAccountInScope(ctx.db, ctx.actor, id);
  if (!a) throw notFound();
  const openWithinDays = await getParamValue<number>(ctx.db, 'ACC-02.openWithinDays', a.region_code, a.opened_on);
  const [history, recomputed] = await Promise.all([repo.statusHistory(ctx.db, id), repo.recomputedBalance(ctx.db, a.project_id, id)]);
  const ledger = Number(a.ledger_balance_fen);
  const bank = a.bank_balance_fen === null ? null : Number(a.bank_balance_fen);
  return {
    row: a,
    history,
    openingDelayDays: openingDelayDays(a.contract_signed_on, a.opened_on, openWithinDays),
    agreementState: agreementState({ hasFile: a.agreement_file_id !== null, signedOn: a.agreement_signed_on, worksStart: a.works_start, today: shanghaiDate(ctx.clock.now()) }),
    openWithinDays,
    reconciliation: {
      ledgerBalanceFen: ledger,
      // A maintained balance that disagrees with its own lines is a defect, shown, never hidden.
      linesBalanceFen: recomputed,
      bankBalanceFen: bank,
      bankBalanceAt: a.bank_balance_at,
      differenceFen: bank === null ? null : bank - ledger,
      state: bank === null ? ('no_bank_balance' as const) : bank === ledger && recomputed === ledger ? ('matched' as const) : ('mismatch' as const),
    },
    actions: mayKeep(ctx, a.general_contractor_id) ? ['status', 'agreement', 'statement', 'close_notice'] : [],
  };
}

export async function accountsOfProject(ctx: Ctx, projectId: string) {
  await visibleProject(ctx, projectId);
  return repo.accountsOfProject(ctx.db, ctx.actor, projectId);
}

async function keptAccount(ctx: Ctx, tx: Parameters<typeof repo.findAccountInScope>[0], id: string) {
  const a = await repo.findAccountInScope(tx, ctx.actor, id, true);
  if (!a) throw notFound();
  if (!mayKeep(ctx, a.general_contractor_id)) throw new AppError('FORBIDDEN');
  return a;
}

export async function changeStatus(ctx: Ctx, id: string, input: { status: AccountStatus; date: string; reason: string; version: number }) {
  const today = shanghaiDate(ctx.clock.now());
  if (input.date > today) throw invalidFields([{ field: 'date', message: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' } }]);
  await ctx.db.tx(async (tx) => {
    const a = await keptAccount(ctx, tx, id);
    const close =
      input.status === 'closed'
        ? {
            projectStatus: a.project_status,
            noticeFrom: a.close_notice_from,
            today: input.date,
            closeNoticeDays: await getParamValue<number>(tx, 'ACC-07.closeNoticeDays', a.region_code, today),
            ledgerBalanceFen: Number(a.ledger_balance_fen),
            // Wages approved on the project's payrolls and not yet paid.
            unpaidWagesFen: await unpaidWagesOf(tx, a.project_id),
          }
        : undefined;
    const refused = checkAccountStatusChange(a.status as AccountStatus, input.status, close);
    if (refused) throw invalidFields([{ field: 'status', message: refused }]);
    if (!(await repo.setStatus(tx, id, input.version, { status: input.status, closedOn: input.status === 'closed' ? input.date : null }, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await repo.insertStatusHistory(tx, { id: newIds(1)[0], accountId: id, from: a.status, to: input.status, onDate: input.date, reason: input.reason, by: ctx.actor.name, at: ctx.clock.now() });
    await audit(tx, ctx, { action: 'account.status', objectType: 'wage_account', objectId: id, reason: input.reason, before: { status: a.status }, after: { status: input.status, date: input.date }, regionPath: a.region_path });
  });
  return getAccount(ctx, id);
}

/** ACC-07: the 30-day public notice before closing starts on the day it is published. */
export async function publishCloseNotice(ctx: Ctx, id: string, input: { from: string; version: number }) {
  await ctx.db.tx(async (tx) => {
    const a = await keptAccount(ctx, tx, id);
    if (a.project_status !== 'completed' && a.project_status !== 'accepted') {
      throw invalidFields([{ field: 'from', message: { zh: '工程完工后方可公示销户', en: 'Publish the closing notice after completion' } }]);
    }
    if (!(await repo.setCloseNotice(tx, id, input.version, input.from, ctx.clock.now()))) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, { action: 'account.close_notice', objectType: 'wage_account', objectId: id, after: { from: input.from }, regionPath: a.region_path });
  });
  return getAccount(ctx, id);
}

/** ACC-03: the 三方协议 (owner, contractor, bank), a PDF or a scan. */
export async function uploadAgreement(ctx: Ctx, id: string, file: { name: string; content: Buffer }, signedOn: string) {
  if (signedOn > shanghaiDate(ctx.clock.now())) throw invalidFields([{ field: 'signedOn', message: { zh: '签订日期不能晚于今天', en: 'The date cannot be in the future' } }]);
  await ctx.db.tx(async (tx) => {
    const a = await keptAccount(ctx, tx, id);
    const stored = await storeFile(ctx, tx, file, ['application/pdf', 'image/jpeg', 'image/png']);
    await repo.setAgreement(tx, id, stored.id, signedOn, ctx.clock.now());
    await audit(tx, ctx, { action: 'account.agreement', objectType: 'wage_account', objectId: id, after: { fileId: stored.id, sha256: stored.sha256, signedOn }, regionPath: a.region_path });
  });
  return getAccount(ctx, id);
}

export async function readAgreement(ctx: Ctx, id: string) {
  const a = await repo.findAccountInScope(ctx.db, ctx.actor, id);
  const file = a?.agreement_file_id ? await readStoredFile(ctx, ctx.db, a.agreement_file_id) : undefined;
  if (!file) throw notFound();
  return file;
}

export async function listTransactions(ctx: Ctx, id: string, f: { kind?: string; flagged?: boolean }, page: PageRequest) {
  const a = await repo.findAccountInScope(ctx.db, ctx.actor, id);
  if (!a) throw notFound();
  return repo.listTransactions(ctx.db, a.project_id, id, f, page);
}

// ---- bank lines ----

export interface BankLine {
  bankTxnId: string;
  kind: TransactionKind;
  direction: 'credit' | 'debit';
  amountFen: number;
  /** ISO 8601 with an offset. */
  bookedAt: string;
  bankSeq?: number | null;
  balanceAfterFen?: number | null;
  counterpartyName?: string | null;
  counterpartyAccount?: string | null;
  payoutRef?: string | null;
  memo?: string | null;
}

export interface LinesResult {
  received: number;
  accepted: number;
  duplicates: number;
  flagged: number;
  rejected: { index: number; bankTxnId: string; reason: Bilingual }[];
}

/**
 * What a line says, for telling a re-sent line (same) from a contradicting one (different): the
 * money, its time and where it went. Ordering and balance details are left out, so the API's line
 * and the statement's copy of it are the same line.
 */
const contentHash = (accountId: string, l: BankLine, fen: number, at: Date) =>
  createHash('sha256')
    .update(JSON.stringify([accountId, l.bankTxnId, l.kind, fen, at.toISOString(), l.counterpartyAccount?.replace(/\s/g, '') || null]))
    .digest('hex');

/**
 * Lines for accounts, each resolved by `accountOf` (index → account, or a reason). Every line is
 * idempotent by the bank's id on its account: the same line again is a duplicate, a different one
 * under the same id is refused and reported, never merged. Order of arrival does not matter.
 */
async function ingestLines<L extends BankLine>(
  ctx: Ctx,
  source: 'api' | 'statement',
  lines: L[],
  accountOf: (line: L, index: number) => { id: string; project_id: string } | Bilingual,
): Promise<LinesResult> {
  const rejected: LinesResult['rejected'] = [];
  const ids = newIds(lines.length);
  const seen = new Map<string, string>();
  const prepared: (repo.TransactionWrite & { index: number; card: string | null })[] = [];
  lines.forEach((l, index) => {
    const account = accountOf(l, index);
    const reject = (reason: Bilingual) => rejected.push({ index, bankTxnId: l.bankTxnId, reason });
    if (!('id' in account)) return reject(account);
    const at = new Date(l.bookedAt);
    if (Number.isNaN(at.getTime()) || !/(Z|[+-]\d{2}:?\d{2})$/.test(l.bookedAt)) return reject({ zh: '记账时间应为带时区的ISO 8601时间', en: 'bookedAt must be ISO 8601 with an offset' });
    const amount = signedAmount(l.kind, l.direction, l.amountFen);
    if (!amount.ok) return reject(amount.reason);
    const hash = contentHash(account.id, l, amount.fen, at);
    const key = `${account.id}:${l.bankTxnId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      if (earlier !== hash) reject({ zh: '同一批次内流水号重复且内容不同', en: 'The same transaction id twice in the batch with different content' });
      return;
    }
    seen.set(key, hash);
    const card = l.counterpartyAccount?.replace(/\s/g, '') || null;
    const id = ids[index];
    prepared.push({
      index,
      card,
      projectId: account.project_id,
      id,
      accountId: account.id,
      bankTxnId: l.bankTxnId,
      kind: l.kind,
      amountFen: amount.fen,
      bookedAt: at,
      bankSeq: l.bankSeq ?? null,
      balanceAfterFen: l.balanceAfterFen ?? null,
      counterpartyName: l.counterpartyName ?? null,
      counterpartyAccountEnc: card ? ctx.cipher.encrypt(card, counterpartyAad(id)) : null,
      counterpartyAccountBidx: card ? ctx.cipher.blindIndex('bank_card', card) : null,
      counterpartyAccountMask: card ? maskBankCard(card) : null,
      payoutRef: l.payoutRef ?? null,
      memo: l.memo ?? null,
      flags: [],
      contentHash: hash,
    });
  });
  const onRoster = await repo.rosterCards(ctx.db, [...new Set(prepared.map((p) => p.projectId))], [...new Set(prepared.flatMap((p) => (p.counterpartyAccountBidx ? [p.counterpartyAccountBidx] : [])))]);
  for (const p of prepared) {
    const toRosterCard = p.counterpartyAccountBidx ? onRoster.has(`${p.projectId}:${p.counterpartyAccountBidx}`) : null;
    p.flags = transactionFlags({ kind: p.kind as TransactionKind, amountFen: p.amountFen, toRosterCard });
  }
  const inserted = prepared.length ? await repo.insertTransactions(ctx.db, source, ctx.clock.now(), prepared) : new Set<string>();
  const notInserted = prepared.filter((p) => !inserted.has(`${p.accountId}:${p.bankTxnId}`));
  const stored = await repo.storedHashes(ctx.db, notInserted);
  let duplicates = 0;
  for (const p of notInserted) {
    if (stored.get(`${p.accountId}:${p.bankTxnId}`) === p.contentHash) duplicates++;
    else rejected.push({ index: p.index, bankTxnId: p.bankTxnId, reason: { zh: '该流水号已入账且内容不同，未覆盖，请核对', en: 'This transaction id is already booked with different content; not overwritten' } });
  }
  rejected.sort((a, b) => a.index - b.index);
  return {
    received: lines.length,
    accepted: inserted.size,
    duplicates,
    flagged: prepared.filter((p) => inserted.has(`${p.accountId}:${p.bankTxnId}`) && p.flags.length > 0).length,
    rejected,
  };
}

/** A bank's signed batch: lines for the accounts it holds, named by account number. */
export async function receiveBankLines(ctx: Ctx, lines: (BankLine & { accountNo: string })[]): Promise<LinesResult> {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'bank') throw new AppError('FORBIDDEN');
  const accounts = await repo.accountsByNumber(ctx.db, scope.bankId, [...new Set(lines.map((l) => l.accountNo))]);
  return ingestLines(ctx, 'api', lines, (l) => accounts.get(l.accountNo) ?? { zh: '该账号不是本银行登记的工资专用账户', en: 'Not a wage account registered at this bank' });
}

/** A statement file's lines for one account, by its keeper. */
export async function ingestStatementLines(ctx: Ctx, accountId: string, lines: BankLine[]): Promise<LinesResult & { regionPath: string }> {
  const a = await keptAccount(ctx, ctx.db, accountId);
  const result = await ingestLines(ctx, 'statement', lines, () => ({ id: a.id, project_id: a.project_id }));
  return { ...result, regionPath: a.region_path };
}

// ---- 人工费分账 ----

/** (Re)schedules the periods not yet due from the project's labour-cost terms; those already due stay. */
export async function scheduleAllocations(ctx: Ctx, projectId: string) {
  const project = await visibleProject(ctx, projectId);
  const t = project.laborTerms;
  if (!t.laborCostShareBp || t.contractPriceFen <= 0) return { scheduled: 0, beyondCalendar: 0, missingTerms: true };
  const today = shanghaiDate(ctx.clock.now());
  const [maxCycle, graceMonths] = await Promise.all([
    getParamValue<number>(ctx.db, 'ACC-04.maxDisbursementCycleMonths', project.regionCode, today),
    getParamValue<number>(ctx.db, 'PAY-02.graceUntil', project.regionCode, today),
  ]);
  // A contract with a longer cycle breaks ACC-04; the schedule still follows the law's.
  const cycleMonths = Math.min(t.allocationCycleMonths ?? maxCycle, maxCycle);
  const { allocations, beyondCalendar } = allocationSchedule({ ...t, laborCostShareBp: t.laborCostShareBp, cycleMonths, graceMonths });
  const ids = newIds(allocations.length);
  await ctx.db.tx((tx) => repo.replaceFutureAllocations(tx, projectId, today, allocations.map((a, i) => ({ id: ids[i], ...a })), ctx.clock.now()));
  return { scheduled: allocations.length, beyondCalendar, missingTerms: false };
}

export async function projectAllocations(ctx: Ctx, projectId: string) {
  const project = await visibleProject(ctx, projectId);
  const today = shanghaiDate(ctx.clock.now());
  const [rows, deposits] = await Promise.all([repo.listAllocations(ctx.db, projectId), repo.depositsOf(ctx.db, projectId)]);
  const status = matchAllocations(
    rows.map((r) => ({ dueOn: r.due_on, expectedFen: Number(r.expected_fen) })),
    deposits.map((d) => ({ bookedOn: d.booked_on, amountFen: Number(d.amount_fen) })),
    today,
  );
  const items = rows.map((r, i) => ({ ...r, ...status[i] }));
  const due = items.filter((i) => i.due_on <= today);
  return {
    terms: project.laborTerms,
    items,
    totals: {
      expectedFen: items.reduce((s, i) => s + Number(i.expected_fen), 0),
      dueFen: due.reduce((s, i) => s + Number(i.expected_fen), 0),
      depositedFen: deposits.reduce((s, d) => s + Number(d.amount_fen), 0),
      shortfallDueFen: due.reduce((s, i) => s + i.shortfallFen, 0),
      lateCount: items.filter((i) => i.state === 'met_late' || i.state === 'overdue' || i.state === 'partial').length,
    },
  };
}

/** Per region: projects without an account, labour cost due but not deposited, flagged lines. */
export async function regionAccounts(ctx: Ctx, query: { regionCode?: string }) {
  const regionPath = (await regionFilterPath(ctx.db, query.regionCode)) ?? null;
  const rows = await repo.regionAccounts(ctx.db, (params) => projectScope(ctx.actor, params), regionPath, shanghaiDate(ctx.clock.now()));
  return rows.map((r) => {
    const due = Number(r.expected_due_fen);
    const deposited = Number(r.deposited_fen);
    return {
      projectId: r.project_id,
      code: r.code,
      name: r.name,
      regionName: r.region_name,
      projectStatus: r.status,
      accountId: r.account_id,
      accountStatus: r.account_status,
      bankName: r.bank_name,
      ledgerBalanceFen: r.ledger_balance_fen === null ? null : Number(r.ledger_balance_fen),
      bankBalanceFen: r.bank_balance_fen === null ? null : Number(r.bank_balance_fen),
      dueFen: due,
      depositedFen: deposited,
      shortfallFen: Math.max(0, due - deposited),
      flaggedTransactions: r.flagged,
    };
  });
}
