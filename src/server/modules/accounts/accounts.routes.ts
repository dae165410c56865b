import { Type } from '@sinclair/typebox';
import { attachmentDisposition, ImportReport } from '../../platform/http/files';
import { Bilingual, DateOnly, IdParams, Nullable, Paged, PageQuery, RegionQuery, Strict, StringEnum, Timestamp, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { readUpload } from '../../platform/http/upload';
import { IMPORT_MODES } from '../../platform/import-run';
import { SIGNATURE_DESCRIPTION, signedRoutes } from '../auth';
import { importStatement } from './accounts.import';
import { ACCOUNT_STATUSES, TRANSACTION_KINDS } from './accounts.rules';
import * as service from './accounts.service';

const Fen = Type.Integer({ description: '分 (fen)' });
const AccountSummary = Type.Object(
  {
    id: Type.String(),
    projectId: Type.String(),
    projectCode: Type.String(),
    projectName: Type.String(),
    generalContractorName: Type.String(),
    bankId: Type.String(),
    bankName: Type.String(),
    accountNo: Type.String(),
    accountName: Type.String(),
    contractSignedOn: DateOnly,
    openedOn: DateOnly,
    agreementSignedOn: Nullable(DateOnly),
    hasAgreement: Type.Boolean(),
    status: Type.String(),
    closeNoticeFrom: Nullable(DateOnly),
    closedOn: Nullable(DateOnly),
    ledgerBalanceFen: Fen,
    bankBalanceFen: Nullable(Fen),
    version: Type.Integer(),
  },
  Strict,
);
const AccountDetail = Type.Object(
  {
    ...AccountSummary.properties,
    openingDelayDays: Type.Integer({ description: 'ACC-02：超过开户期限的天数' }),
    openWithinDays: Type.Integer(),
    agreementState: StringEnum(['on_file', 'late', 'missing', 'overdue'] as const, 'ACC-03：三方协议是否在开工前上传'),
    reconciliation: Type.Object(
      {
        ledgerBalanceFen: Fen,
        linesBalanceFen: Fen,
        bankBalanceFen: Nullable(Fen),
        bankBalanceAt: Nullable(Timestamp),
        differenceFen: Nullable(Fen),
        state: StringEnum(['matched', 'mismatch', 'no_bank_balance'] as const),
      },
      Strict,
    ),
    history: Type.Array(Type.Object({ from: Nullable(Type.String()), to: Type.String(), date: DateOnly, reason: Nullable(Type.String()), by: Type.String(), at: Timestamp }, Strict)),
    actions: Type.Array(Type.String()),
  },
  Strict,
);

type Row = Awaited<ReturnType<typeof service.accountsOfProject>>[number];
const presentSummary = (a: Row) => ({
  id: a.id,
  projectId: a.project_id,
  projectCode: a.project_code,
  projectName: a.project_name,
  generalContractorName: a.general_contractor_name,
  bankId: a.bank_id,
  bankName: a.bank_name,
  accountNo: a.account_no,
  accountName: a.account_name,
  contractSignedOn: a.contract_signed_on,
  openedOn: a.opened_on,
  agreementSignedOn: a.agreement_signed_on,
  hasAgreement: a.agreement_file_id !== null,
  status: a.status,
  closeNoticeFrom: a.close_notice_from,
  closedOn: a.closed_on,
  ledgerBalanceFen: Number(a.ledger_balance_fen),
  bankBalanceFen: a.bank_balance_fen === null ? null : Number(a.bank_balance_fen),
  version: a.version,
});
const presentDetail = (d: Awaited<ReturnType<typeof service.getAccount>>) => ({
  ...presentSummary(d.row),
  openingDelayDays: d.openingDelayDays,
  openWithinDays: d.openWithinDays,
  agreementState: d.agreementState,
  reconciliation: { ...d.reconciliation, bankBalanceAt: d.reconciliation.bankBalanceAt?.toISOString() ?? null },
  history: d.history.map((h) => ({ from: h.from_status, to: h.to_status, date: h.on_date, reason: h.reason, by: h.by_name, at: h.at.toISOString() })),
  actions: d.actions,
});

const BankLineBody = {
  bankTxnId: Type.String({ minLength: 1, maxLength: 64 }),
  kind: StringEnum(Object.keys(TRANSACTION_KINDS) as (keyof typeof TRANSACTION_KINDS)[]),
  direction: StringEnum(['credit', 'debit'] as const),
  amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000_000_00 }),
  bookedAt: Type.String({ minLength: 20, maxLength: 35, description: 'ISO 8601 with offset' }),
  bankSeq: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  balanceAfterFen: Type.Optional(Nullable(Type.Integer())),
  counterpartyName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  counterpartyAccount: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  payoutRef: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  memo: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
};
const LineCounts = {
  received: Type.Integer(),
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  flagged: Type.Integer({ description: 'ACC-05：非本项目农民工本人账户的支出' }),
};
const LinesResult = Type.Object({ ...LineCounts, rejected: Type.Array(Type.Object({ index: Type.Integer(), bankTxnId: Type.String(), reason: Bilingual }, Strict)) }, Strict);

export async function accountsRoutes(app: App) {
  app.get('/api/projects/:id/wage-accounts', {
    config: { access: 'accounts.read' },
    schema: { tags: ['accounts'], summary: '项目的工资专用账户 / the project’s wage accounts', params: IdParams, response: withProblems({ 200: Type.Array(AccountSummary) }) },
    handler: async (req) => (await service.accountsOfProject(req.ctx, req.params.id)).map(presentSummary),
  });

  app.post('/api/projects/:id/wage-accounts', {
    config: { access: 'accounts.write' },
    schema: {
      tags: ['accounts'],
      summary: '登记开立工资专用账户 / register the opening of the wage account',
      params: IdParams,
      body: Type.Object(
        {
          bankId: Uuid,
          accountNo: Type.String({ pattern: '^[0-9]{8,32}$' }),
          accountName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          contractSignedOn: DateOnly,
          openedOn: DateOnly,
          agreementSignedOn: Type.Optional(Nullable(DateOnly)),
        },
        Strict,
      ),
      response: withProblems({ 201: AccountDetail }),
    },
    handler: async (req, reply) => reply.code(201).send(presentDetail(await service.openAccount(req.ctx, req.params.id, req.body))),
  });

  app.get('/api/wage-accounts/:id', {
    config: { access: 'accounts.read' },
    schema: { tags: ['accounts'], summary: '工资专用账户详情与对账 / an account and its reconciliation', params: IdParams, response: withProblems({ 200: AccountDetail }) },
    handler: async (req) => presentDetail(await service.getAccount(req.ctx, req.params.id)),
  });

  app.post('/api/wage-accounts/:id/status', {
    config: { access: 'accounts.write' },
    schema: {
      tags: ['accounts'],
      summary: '变更账户状态（冻结、解冻、销户） / change the status',
      params: IdParams,
      body: Type.Object({ status: StringEnum(Object.keys(ACCOUNT_STATUSES) as (keyof typeof ACCOUNT_STATUSES)[]), date: DateOnly, reason: Type.String({ minLength: 2, maxLength: 200 }), version: Type.Integer() }, Strict),
      response: withProblems({ 200: AccountDetail }),
    },
    handler: async (req) => presentDetail(await service.changeStatus(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/wage-accounts/:id/close-notice', {
    config: { access: 'accounts.write' },
    schema: {
      tags: ['accounts'],
      summary: '销户公示（ACC-07） / publish the closing notice',
      params: IdParams,
      body: Type.Object({ from: DateOnly, version: Type.Integer() }, Strict),
      response: withProblems({ 200: AccountDetail }),
    },
    handler: async (req) => presentDetail(await service.publishCloseNotice(req.ctx, req.params.id, req.body)),
  });

  app.put('/api/wage-accounts/:id/agreement', {
    config: { access: 'accounts.write' },
    schema: {
      tags: ['accounts'],
      summary: '上传三方协议（ACC-03） / upload the tripartite agreement',
      description: 'multipart/form-data with one PDF, JPEG or PNG; signedOn in the query.',
      params: IdParams,
      querystring: Type.Object({ signedOn: DateOnly }, Strict),
      response: withProblems({ 200: AccountDetail }),
    },
    handler: async (req) => presentDetail(await service.uploadAgreement(req.ctx, req.params.id, await readUpload(req), req.query.signedOn)),
  });

  app.get('/api/wage-accounts/:id/agreement', {
    config: { access: 'accounts.read' },
    schema: { tags: ['accounts'], summary: '下载三方协议 / download the agreement', params: IdParams },
    handler: async (req, reply) => {
      const file = await service.readAgreement(req.ctx, req.params.id);
      return reply.header('content-type', file.mime).header('content-disposition', attachmentDisposition(file.name)).send(file.content);
    },
  });

  app.get('/api/wage-accounts/:id/transactions', {
    config: { access: 'accounts.read' },
    schema: {
      tags: ['accounts'],
      summary: '专户流水 / account transactions',
      params: IdParams,
      querystring: Type.Object(
        { ...PageQuery, kind: Type.Optional(StringEnum(Object.keys(TRANSACTION_KINDS) as (keyof typeof TRANSACTION_KINDS)[])), flagged: Type.Optional(Type.Boolean()) },
        Strict,
      ),
      response: withProblems({
        200: Paged(
          Type.Object(
            {
              id: Type.String(),
              bankTxnId: Type.String(),
              kind: Type.String(),
              amountFen: Fen,
              bookedAt: Timestamp,
              balanceAfterFen: Nullable(Fen),
              counterpartyName: Nullable(Type.String()),
              counterpartyAccount: Nullable(Type.String({ description: '脱敏' })),
              payoutRef: Nullable(Type.String()),
              memo: Nullable(Type.String()),
              flags: Type.Array(Type.String()),
              source: Type.String(),
            },
            Strict,
          ),
        ),
      }),
    },
    handler: async (req) => {
      const page = await service.listTransactions(req.ctx, req.params.id, req.query, { page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 });
      return {
        ...page,
        items: page.items.map((t) => ({
          id: t.id,
          bankTxnId: t.bank_txn_id,
          kind: t.kind,
          amountFen: Number(t.amount_fen),
          bookedAt: t.booked_at.toISOString(),
          balanceAfterFen: t.balance_after_fen === null ? null : Number(t.balance_after_fen),
          counterpartyName: t.counterparty_name,
          counterpartyAccount: t.counterparty_account_mask,
          payoutRef: t.payout_ref,
          memo: t.memo,
          flags: t.flags,
          source: t.source,
        })),
      };
    },
  });

  app.post('/api/wage-accounts/:id/statement', {
    config: { access: 'accounts.write' },
    schema: {
      tags: ['accounts'],
      summary: '导入银行对账单 / import a bank statement',
      description: 'multipart/form-data with one .csv or .xlsx in the statement layout; mode as for the other imports. A line already booked (by the API or an earlier import) adds nothing.',
      params: IdParams,
      querystring: Type.Object({ mode: Type.Optional(StringEnum(IMPORT_MODES)) }, Strict),
      response: withProblems({
        200: Type.Object({ ...ImportReport.properties, lines: Type.Object(LineCounts, Strict) }, Strict),
      }),
    },
    handler: async (req) => importStatement(req.ctx, req.params.id, await readUpload(req), req.query.mode ?? 'strict'),
  });

  app.get('/api/projects/:id/labor-cost-allocations', {
    config: { access: 'accounts.read' },
    schema: {
      tags: ['accounts'],
      summary: '人工费分账计划与到账 / labour-cost allocations against deposits',
      params: IdParams,
      response: withProblems({
        200: Type.Object(
          {
            terms: Type.Object(
              { contractPriceFen: Fen, laborCostShareBp: Nullable(Type.Integer()), allocationCycleMonths: Nullable(Type.Integer()), payday: Nullable(Type.Integer()), start: DateOnly, end: DateOnly },
              Strict,
            ),
            items: Type.Array(
              Type.Object(
                {
                  id: Type.String(),
                  periodStart: DateOnly,
                  periodEnd: DateOnly,
                  dueOn: DateOnly,
                  expectedFen: Fen,
                  coveredFen: Fen,
                  shortfallFen: Fen,
                  coveredOn: Nullable(DateOnly),
                  state: StringEnum(['upcoming', 'met', 'met_late', 'partial', 'overdue'] as const),
                },
                Strict,
              ),
            ),
            totals: Type.Object({ expectedFen: Fen, dueFen: Fen, depositedFen: Fen, shortfallDueFen: Fen, lateCount: Type.Integer() }, Strict),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => {
      const r = await service.projectAllocations(req.ctx, req.params.id);
      return {
        terms: r.terms,
        totals: r.totals,
        items: r.items.map((i) => ({
          id: i.id,
          periodStart: i.period_start,
          periodEnd: i.period_end,
          dueOn: i.due_on,
          expectedFen: Number(i.expected_fen),
          coveredFen: i.coveredFen,
          shortfallFen: i.shortfallFen,
          coveredOn: i.coveredOn,
          state: i.state,
        })),
      };
    },
  });

  app.post('/api/projects/:id/labor-cost-allocations/schedule', {
    config: { access: 'accounts.write' },
    schema: {
      tags: ['accounts'],
      summary: '按合同重排未到期的分账计划 / reschedule the allocations not yet due from the contract terms',
      params: IdParams,
      response: withProblems({ 200: Type.Object({ scheduled: Type.Integer(), beyondCalendar: Type.Integer({ description: '超出官方节假日历范围、暂未排期的期数' }), missingTerms: Type.Boolean() }, Strict) }),
    },
    handler: async (req) => service.scheduleAllocations(req.ctx, req.params.id),
  });

  app.get('/api/wage-accounts/region', {
    config: { access: 'accounts.read' },
    schema: {
      tags: ['accounts'],
      summary: '辖区专户与分账情况 / accounts and allocations of a region',
      querystring: RegionQuery,
      response: withProblems({
        200: Type.Array(
          Type.Object(
            {
              projectId: Type.String(),
              code: Type.String(),
              name: Type.String(),
              regionName: Type.String(),
              projectStatus: Type.String(),
              accountId: Nullable(Type.String()),
              accountStatus: Nullable(Type.String()),
              bankName: Nullable(Type.String()),
              ledgerBalanceFen: Nullable(Fen),
              bankBalanceFen: Nullable(Fen),
              dueFen: Fen,
              depositedFen: Fen,
              shortfallFen: Fen,
              flaggedTransactions: Type.Integer(),
            },
            Strict,
          ),
        ),
      }),
    },
    handler: async (req) => service.regionAccounts(req.ctx, req.query),
  });

  // The bank's machine route: its body is signed.
  await signedRoutes(app, (bank) => {
    bank.post('/api/bank/transactions', {
      config: { access: 'accounts.bank' },
      schema: {
        tags: ['accounts'],
        summary: '银行推送专户流水（签名） / the bank reports account lines (signed)',
        description: `${SIGNATURE_DESCRIPTION} Each line is idempotent by bankTxnId on its account; order of arrival does not matter.`,
        body: Type.Object({ transactions: Type.Array(Type.Object({ accountNo: Type.String({ minLength: 8, maxLength: 32 }), ...BankLineBody }, Strict), { minItems: 1, maxItems: 1000 }) }, Strict),
        response: withProblems({ 200: LinesResult }),
      },
      handler: async (req) => service.receiveBankLines(req.ctx, req.body.transactions),
    });
  });
}
