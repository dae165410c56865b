import type { DbOrTx } from '../../db/client';
import { type Page, type PageRequest, selectPage } from '../../db/paging';
import type { Actor } from '../../platform/access/actor';
import { scopeCondition } from '../../platform/access/scope-sql';

export const counterpartyAad = (id: string) => `account_transactions:${id}:counterparty_account`;

/** An account is seen through its project (officials, the parties) or its bank (the bank's key). */
export const accountScope = (actor: Actor, params: unknown[]) =>
  scopeCondition(actor, { regionPath: 'p.region_path', industry: 'p.supervising_industry', enterpriseIds: 'p.party_ids', projectId: 'p.id', bankId: 'a.bank_id' }, params);

export interface AccountRow {
  id: string;
  project_id: string;
  project_code: string;
  project_name: string;
  project_status: string;
  general_contractor_id: string;
  general_contractor_name: string;
  bank_id: string;
  bank_name: string;
  account_no: string;
  account_name: string;
  contract_signed_on: string;
  opened_on: string;
  agreement_signed_on: string | null;
  agreement_file_id: string | null;
  status: string;
  close_notice_from: string | null;
  closed_on: string | null;
  ledger_balance_fen: string;
  bank_balance_fen: string | null;
  bank_balance_at: Date | null;
  /** The project's region: scope, audit and the parameters follow the project. */
  region_path: string;
  region_code: string;
  works_start: string;
  created_at: Date;
  version: number;
}

const COLUMNS = `a.id, a.project_id, p.code AS project_code, p.name AS project_name, p.status AS project_status, a.general_contractor_id,
  g.name AS general_contractor_name, a.bank_id, b.name AS bank_name, a.account_no, a.account_name, a.contract_signed_on::text,
  a.opened_on::text, a.agreement_signed_on::text, a.agreement_file_id, a.status, a.close_notice_from::text, a.closed_on::text,
  a.ledger_balance_fen::text, a.bank_balance_fen::text, a.bank_balance_at, p.region_path, p.region_code,
  coalesce(p.actual_start, p.planned_start)::text AS works_start, a.created_at, a.version`;
const FROM = `FROM wage_accounts a JOIN projects p ON p.id = a.project_id JOIN enterprises g ON g.id = a.general_contractor_id JOIN banks b ON b.id = a.bank_id`;

export async function findAccountInScope(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<AccountRow | undefined> {
  const params: unknown[] = [id];
  const scope = accountScope(actor, params);
  const { rows } = await db.query<AccountRow>(`SELECT ${COLUMNS} ${FROM} WHERE a.id = $1 AND ${scope}${forUpdate ? ' FOR UPDATE OF a' : ''}`, params);
  return rows[0];
}

/** The project's accounts, the open one first. */
export async function accountsOfProject(db: DbOrTx, actor: Actor, projectId: string): Promise<AccountRow[]> {
  const params: unknown[] = [projectId];
  const scope = accountScope(actor, params);
  const { rows } = await db.query<AccountRow>(`SELECT ${COLUMNS} ${FROM} WHERE a.project_id = $1 AND ${scope} ORDER BY a.status = 'closed', a.opened_on DESC`, params);
  return rows;
}

export async function openAccountOf(db: DbOrTx, projectId: string): Promise<{ id: string } | undefined> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM wage_accounts WHERE project_id = $1 AND status <> 'closed'", [projectId]);
  return rows[0];
}

/** The project's account that is not closed, for the 5+1 checklist. */
export async function openAccountState(db: DbOrTx, projectId: string): Promise<{ open: boolean; frozen: boolean }> {
  const { rows } = await db.query<{ status: string }>("SELECT status FROM wage_accounts WHERE project_id = $1 AND status <> 'closed'", [projectId]);
  return { open: rows.length > 0, frozen: rows[0]?.status === 'frozen' };
}

/** Of these payout refs, those the bank has already booked as debits on the account. */
export async function bookedPayoutRefs(db: DbOrTx, projectId: string, accountId: string, refs: string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const { rows } = await db.query<{ payout_ref: string }>(
    'SELECT payout_ref FROM account_transactions WHERE project_id = $1 AND account_id = $2 AND payout_ref = ANY($3::text[])',
    [projectId, accountId, refs],
  );
  return new Set(rows.map((r) => r.payout_ref));
}

/** The project's account that payouts draw on, locked for the batch being written: its bank, status and balance. */
export async function payoutAccountOf(db: DbOrTx, projectId: string): Promise<{ id: string; bank_id: string; status: string; ledger_balance_fen: string } | undefined> {
  const { rows } = await db.query<{ id: string; bank_id: string; status: string; ledger_balance_fen: string }>(
    "SELECT id, bank_id, status, ledger_balance_fen::text FROM wage_accounts WHERE project_id = $1 AND status <> 'closed' FOR UPDATE",
    [projectId],
  );
  return rows[0];
}

export async function accountNoTaken(db: DbOrTx, bankId: string, accountNo: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM wage_accounts WHERE bank_id = $1 AND account_no = $2', [bankId, accountNo]);
  return rows.length > 0;
}

export interface AccountWrite {
  id: string;
  projectId: string;
  generalContractorId: string;
  bankId: string;
  accountNo: string;
  accountName: string;
  contractSignedOn: string;
  openedOn: string;
  agreementSignedOn: string | null;
}

export async function insertAccount(db: DbOrTx, a: AccountWrite, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO wage_accounts (id, project_id, general_contractor_id, bank_id, account_no, account_name, contract_signed_on, opened_on,
                                agreement_signed_on, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [a.id, a.projectId, a.generalContractorId, a.bankId, a.accountNo, a.accountName, a.contractSignedOn, a.openedOn, a.agreementSignedOn, now],
  );
}

export async function setStatus(
  db: DbOrTx,
  id: string,
  version: number,
  s: { status: string; closeNoticeFrom?: string | null; closedOn?: string | null },
  now: Date,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE wage_accounts SET status = $3, close_notice_from = coalesce($4, close_notice_from), closed_on = $5, updated_at = $6, version = version + 1
      WHERE id = $1 AND version = $2`,
    [id, version, s.status, s.closeNoticeFrom ?? null, s.closedOn ?? null, now],
  );
  return rowCount === 1;
}

export async function setCloseNotice(db: DbOrTx, id: string, version: number, from: string, now: Date): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE wage_accounts SET close_notice_from = $3, updated_at = $4, version = version + 1 WHERE id = $1 AND version = $2', [id, version, from, now]);
  return rowCount === 1;
}

export async function setAgreement(db: DbOrTx, id: string, fileId: string, signedOn: string, now: Date): Promise<void> {
  await db.query('UPDATE wage_accounts SET agreement_file_id = $2, agreement_signed_on = $3, updated_at = $4, version = version + 1 WHERE id = $1', [id, fileId, signedOn, now]);
}

export async function insertStatusHistory(
  db: DbOrTx,
  h: { id: string; accountId: string; from: string | null; to: string; onDate: string; reason: string | null; by: string; at: Date },
): Promise<void> {
  await db.query(
    'INSERT INTO wage_account_status_history (id, account_id, from_status, to_status, on_date, reason, by_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [h.id, h.accountId, h.from, h.to, h.onDate, h.reason, h.by, h.at],
  );
}

export interface StatusHistoryRow {
  from_status: string | null;
  to_status: string;
  on_date: string;
  reason: string | null;
  by_name: string;
  at: Date;
}

export async function statusHistory(db: DbOrTx, accountId: string): Promise<StatusHistoryRow[]> {
  const { rows } = await db.query<StatusHistoryRow>(
    'SELECT from_status, to_status, on_date::text, reason, by_name, at FROM wage_account_status_history WHERE account_id = $1 ORDER BY at, id',
    [accountId],
  );
  return rows;
}

// ---- transactions ----

/** The accounts a bank's batch names, by account number, among those the bank holds. */
export async function accountsByNumber(db: DbOrTx, bankId: string, accountNos: string[]): Promise<Map<string, { id: string; project_id: string; status: string }>> {
  const { rows } = await db.query<{ id: string; project_id: string; status: string; account_no: string }>(
    'SELECT id, project_id, status, account_no FROM wage_accounts WHERE bank_id = $1 AND account_no = ANY($2::text[])',
    [bankId, accountNos],
  );
  return new Map(rows.map((r) => [r.account_no, r]));
}

/** Of these card blind indexes, those of workers who have been on the project's roster. */
export async function rosterCards(db: DbOrTx, projectIds: string[], cardBidx: string[]): Promise<Set<string>> {
  if (cardBidx.length === 0) return new Set();
  const { rows } = await db.query<{ k: string }>(
    `SELECT DISTINCT e.project_id || ':' || w.bank_card_bidx AS k
       FROM workers w JOIN employments e ON e.worker_id = w.id
      WHERE w.bank_card_bidx = ANY($2::text[]) AND e.project_id = ANY($1::uuid[])`,
    [projectIds, cardBidx],
  );
  return new Set(rows.map((r) => r.k));
}

export interface TransactionWrite {
  projectId: string;
  id: string;
  accountId: string;
  bankTxnId: string;
  kind: string;
  amountFen: number;
  bookedAt: Date;
  bankSeq: number | null;
  balanceAfterFen: number | null;
  counterpartyName: string | null;
  counterpartyAccountEnc: string | null;
  counterpartyAccountBidx: string | null;
  counterpartyAccountMask: string | null;
  payoutRef: string | null;
  memo: string | null;
  flags: string[];
  contentHash: string;
}

/**
 * One statement: insert what is new (a re-sent bank id hits the unique key and is skipped), then
 * move each touched account's ledger balance by the sum of what was inserted, take the bank's
 * running balance from the latest line by booking time and bank sequence (not by arrival, so an
 * out-of-order line never overwrites a newer balance), and mark a newly used account in use.
 * Returns the ids inserted.
 */
// The batch's latest balance line (l) is newer than the one the account holds (a): by booking time, then bank sequence.
const NEWER = `(l.account_id IS NOT NULL AND (a.bank_balance_at IS NULL OR (l.booked_at, coalesce(l.bank_seq, -1)) > (a.bank_balance_at, coalesce(a.bank_balance_seq, -1))))`;

export async function insertTransactions(db: DbOrTx, source: 'api' | 'statement', receivedAt: Date, t: TransactionWrite[]): Promise<Set<string>> {
  const { rows } = await db.query<{ bank_txn_id: string; account_id: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::bigint[], $7::timestamptz[], $8::bigint[], $9::bigint[],
                            $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
         AS t(project_id, id, account_id, bank_txn_id, kind, amount_fen, booked_at, bank_seq, balance_after_fen, counterparty_name,
              counterparty_account_enc, counterparty_account_bidx, counterparty_account_mask, payout_ref, memo, flags, content_hash)
     ),
     ins AS (
       INSERT INTO account_transactions (project_id, id, account_id, bank_txn_id, kind, amount_fen, booked_at, bank_seq, balance_after_fen,
                                         counterparty_name, counterparty_account_enc, counterparty_account_bidx, counterparty_account_mask,
                                         payout_ref, memo, flags, source, content_hash, received_at)
       SELECT project_id, id, account_id, bank_txn_id, kind, amount_fen, booked_at, bank_seq, balance_after_fen, counterparty_name,
              counterparty_account_enc, counterparty_account_bidx, counterparty_account_mask, payout_ref, memo,
              CASE WHEN flags = '' THEN '{}'::text[] ELSE string_to_array(flags, ',') END, $18, content_hash, $19
         FROM input
       ON CONFLICT (project_id, account_id, bank_txn_id) DO NOTHING
       RETURNING account_id, bank_txn_id, amount_fen, booked_at, bank_seq, balance_after_fen
     ),
     latest AS (
       SELECT DISTINCT ON (account_id) account_id, booked_at, bank_seq, balance_after_fen, bank_txn_id
         FROM ins WHERE balance_after_fen IS NOT NULL
        ORDER BY account_id, booked_at DESC, bank_seq DESC NULLS LAST
     ),
     sums AS (SELECT account_id, sum(amount_fen) AS delta FROM ins GROUP BY account_id),
     upd AS (
       UPDATE wage_accounts a
          SET ledger_balance_fen = a.ledger_balance_fen + s.delta,
              status = CASE WHEN a.status = 'opened' THEN 'in_use' ELSE a.status END,
              bank_balance_fen = CASE WHEN ${NEWER} THEN l.balance_after_fen ELSE a.bank_balance_fen END,
              bank_balance_seq = CASE WHEN ${NEWER} THEN l.bank_seq ELSE a.bank_balance_seq END,
              bank_balance_txn_id = CASE WHEN ${NEWER} THEN l.bank_txn_id ELSE a.bank_balance_txn_id END,
              bank_balance_at = CASE WHEN ${NEWER} THEN l.booked_at ELSE a.bank_balance_at END,
              updated_at = $19
         FROM sums s LEFT JOIN latest l ON l.account_id = s.account_id
        WHERE a.id = s.account_id
     )
     SELECT account_id, bank_txn_id FROM ins`,
    [
      t.map((x) => x.projectId),
      t.map((x) => x.id),
      t.map((x) => x.accountId),
      t.map((x) => x.bankTxnId),
      t.map((x) => x.kind),
      t.map((x) => x.amountFen),
      t.map((x) => x.bookedAt),
      t.map((x) => x.bankSeq),
      t.map((x) => x.balanceAfterFen),
      t.map((x) => x.counterpartyName),
      t.map((x) => x.counterpartyAccountEnc),
      t.map((x) => x.counterpartyAccountBidx),
      t.map((x) => x.counterpartyAccountMask),
      t.map((x) => x.payoutRef),
      t.map((x) => x.memo),
      t.map((x) => x.flags.join(',')),
      t.map((x) => x.contentHash),
      source,
      receivedAt,
    ],
  );
  return new Set(rows.map((r) => `${r.account_id}:${r.bank_txn_id}`));
}

/** The stored content hashes of these bank ids, to tell a re-sent line from a contradicting one. */
export async function storedHashes(db: DbOrTx, keys: { accountId: string; bankTxnId: string }[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const { rows } = await db.query<{ account_id: string; bank_txn_id: string; content_hash: string }>(
    `SELECT t.account_id, t.bank_txn_id, t.content_hash
       FROM account_transactions t JOIN unnest($1::uuid[], $2::text[]) AS k(account_id, bank_txn_id)
         ON t.account_id = k.account_id AND t.bank_txn_id = k.bank_txn_id
       JOIN wage_accounts a ON a.id = k.account_id AND t.project_id = a.project_id`,
    [keys.map((k) => k.accountId), keys.map((k) => k.bankTxnId)],
  );
  return new Map(rows.map((r) => [`${r.account_id}:${r.bank_txn_id}`, r.content_hash]));
}

export interface TransactionRow {
  id: string;
  bank_txn_id: string;
  kind: string;
  amount_fen: string;
  booked_at: Date;
  balance_after_fen: string | null;
  counterparty_name: string | null;
  counterparty_account_mask: string | null;
  payout_ref: string | null;
  memo: string | null;
  flags: string[];
  source: string;
  received_at: Date;
}

export async function listTransactions(db: DbOrTx, projectId: string, accountId: string, f: { kind?: string; flagged?: boolean }, page: PageRequest): Promise<Page<TransactionRow>> {
  const params: unknown[] = [projectId, accountId, f.kind ?? null, f.flagged ?? false];
  const where = `project_id = $1 AND account_id = $2 AND ($3::text IS NULL OR kind = $3) AND (NOT $4::boolean OR flags <> '{}')`;
  return selectPage<TransactionRow>(db, page, {
    sql: `SELECT id, bank_txn_id, kind, amount_fen::text, booked_at, balance_after_fen::text, counterparty_name, counterparty_account_mask, payout_ref,
                 memo, flags, source, received_at, count(*) OVER () AS total_count
            FROM account_transactions WHERE ${where} ORDER BY booked_at DESC, bank_seq DESC NULLS LAST, id DESC`,
    countSql: `SELECT count(*)::int AS n FROM account_transactions WHERE ${where}`,
    params,
  });
}

/** Sum of every transaction of the account, straight from the lines: what the maintained balance must equal. */
export async function recomputedBalance(db: DbOrTx, projectId: string, accountId: string): Promise<number> {
  const { rows } = await db.query<{ s: string }>('SELECT coalesce(sum(amount_fen), 0)::text AS s FROM account_transactions WHERE project_id = $1 AND account_id = $2', [projectId, accountId]);
  return Number(rows[0].s);
}

// ---- 人工费分账 ----

export interface AllocationRow {
  id: string;
  period_start: string;
  period_end: string;
  due_on: string;
  expected_fen: string;
}

export async function listAllocations(db: DbOrTx, projectId: string): Promise<AllocationRow[]> {
  const { rows } = await db.query<AllocationRow>(
    'SELECT id, period_start::text, period_end::text, due_on::text, expected_fen::text FROM labor_cost_allocations WHERE project_id = $1 ORDER BY due_on, period_start',
    [projectId],
  );
  return rows;
}

/** Replaces the periods not yet due; those already due stay as they were scheduled. */
export async function replaceFutureAllocations(
  db: DbOrTx,
  projectId: string,
  today: string,
  rows: { id: string; periodStart: string; periodEnd: string; dueOn: string; expectedFen: number }[],
  now: Date,
): Promise<void> {
  await db.query('DELETE FROM labor_cost_allocations WHERE project_id = $1 AND due_on > $2', [projectId, today]);
  const { rows: due } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM labor_cost_allocations WHERE project_id = $1 AND due_on <= $2', [projectId, today]);
  // A first schedule of works under way records the periods already due too; later ones leave them.
  const fresh = due[0].n === 0 ? rows : rows.filter((r) => r.dueOn > today);
  if (fresh.length === 0) return;
  await db.query(
    `INSERT INTO labor_cost_allocations (project_id, id, period_start, period_end, due_on, expected_fen, created_at)
     SELECT $1, * , $7 FROM unnest($2::uuid[], $3::date[], $4::date[], $5::date[], $6::bigint[])
     ON CONFLICT (project_id, period_start) DO NOTHING`,
    [projectId, fresh.map((r) => r.id), fresh.map((r) => r.periodStart), fresh.map((r) => r.periodEnd), fresh.map((r) => r.dueOn), fresh.map((r) => r.expectedFen), now],
  );
}

/** The owner's labour-cost deposits into the project's accounts, by Shanghai booking day. */
export async function depositsOf(db: DbOrTx, projectId: string): Promise<{ booked_on: string; amount_fen: string }[]> {
  const { rows } = await db.query<{ booked_on: string; amount_fen: string }>(
    `SELECT (booked_at AT TIME ZONE 'Asia/Shanghai')::date::text AS booked_on, amount_fen::text
       FROM account_transactions WHERE project_id = $1 AND kind = 'labor_cost_deposit' ORDER BY booked_at`,
    [projectId],
  );
  return rows;
}

export interface RegionAccountRow {
  project_id: string;
  code: string;
  name: string;
  region_name: string;
  status: string;
  account_id: string | null;
  account_status: string | null;
  bank_name: string | null;
  ledger_balance_fen: string | null;
  bank_balance_fen: string | null;
  expected_due_fen: string;
  deposited_fen: string;
  flagged: number;
}

/**
 * Per project under construction in scope (and any other with an account): its account, the labour
 * cost due to date against the deposits, and flagged transactions. One statement.
 */
export async function regionAccounts(db: DbOrTx, projectScopeSql: (params: unknown[]) => string, regionPath: string | null, today: string): Promise<RegionAccountRow[]> {
  const params: unknown[] = [today, regionPath === null ? null : `${regionPath}%`];
  const scope = projectScopeSql(params);
  const { rows } = await db.query<RegionAccountRow>(
    `SELECT p.id AS project_id, p.code, p.name, r.name AS region_name, p.status, a.id AS account_id, a.status AS account_status, b.name AS bank_name,
            a.ledger_balance_fen::text, a.bank_balance_fen::text,
            coalesce((SELECT sum(expected_fen) FROM labor_cost_allocations l WHERE l.project_id = p.id AND l.due_on <= $1), 0)::text AS expected_due_fen,
            coalesce((SELECT sum(amount_fen) FROM account_transactions t WHERE t.project_id = p.id AND t.kind = 'labor_cost_deposit'), 0)::text AS deposited_fen,
            (SELECT count(*) FROM account_transactions t WHERE t.project_id = p.id AND t.flags <> '{}')::int AS flagged
       FROM projects p
       JOIN regions r ON r.code = p.region_code
       LEFT JOIN wage_accounts a ON a.project_id = p.id AND a.status <> 'closed'
       LEFT JOIN banks b ON b.id = a.bank_id
      WHERE ${scope} AND ($2::text IS NULL OR p.region_path LIKE $2) AND (p.status = 'in_progress' OR a.id IS NOT NULL)
      ORDER BY a.id IS NOT NULL, p.region_code, p.name`,
    params,
  );
  return rows;
}
