import { Type } from '@sinclair/typebox';
import { Bilingual, DateOnly, IdParams, Nullable, RegionQuery, Strict, StringEnum, Timestamp, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { SIGNATURE_DESCRIPTION, signedRoutes } from '../auth';
import { sendXlsx } from '../../platform/http/files';
import { exportLedger } from './payroll.export';
import { presentBatch, presentLine, presentOwnLine, presentPayroll } from './payroll.presenter';
import { PAY_STATUSES, PAYROLL_STATUSES, RECONCILIATION_GAPS } from './payroll.rules';
import * as service from './payroll.service';

const Fen = Type.Integer({ description: '分 (fen)' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const LineParams = Type.Object({ id: Uuid, lineId: Uuid }, Strict);
const Version = Type.Integer({ minimum: 1 });
const PayItemSchema = Type.Object(
  { code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }), label: Type.String({ minLength: 1, maxLength: 40 }), amountFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }) },
  Strict,
);
const Reason = Type.String({ minLength: 2, maxLength: 300 });

const PayrollSummary = Type.Object(
  {
    id: Type.String(),
    projectId: Type.String(),
    projectName: Type.String(),
    employerId: Type.String(),
    employerName: Type.String(),
    month: Month,
    revision: Type.Integer({ description: '工资表版本，更正后递增 / the payroll’s revision' }),
    supersedesId: Nullable(Type.String()),
    correctionReason: Nullable(Type.String()),
    status: StringEnum(Object.keys(PAYROLL_STATUSES) as (keyof typeof PAYROLL_STATUSES)[]),
    dueOn: Nullable(DateOnly),
    preparedBy: Type.String(),
    approvedBy: Nullable(Type.String()),
    approvedAt: Nullable(Timestamp),
    lineCount: Type.Integer(),
    confirmedCount: Type.Integer(),
    failedCount: Type.Integer(),
    grossFen: Fen,
    netFen: Fen,
    payableFen: Fen,
    paidFen: Fen,
    version: Type.Integer({ description: '并发控制版本号 / row version for writes' }),
  },
  Strict,
);
const Line = Type.Object(
  {
    id: Type.String(),
    workerId: Type.String(),
    workerName: Type.String(),
    idNumber: Type.String({ description: '脱敏' }),
    bankCard: Nullable(Type.String({ description: '脱敏' })),
    teamName: Nullable(Type.String()),
    wageType: Type.String(),
    wageAmountFen: Fen,
    attendanceDays: Type.Integer(),
    days: Type.Integer(),
    grossItems: Type.Array(PayItemSchema),
    deductionItems: Type.Array(PayItemSchema),
    grossFen: Fen,
    deductionFen: Fen,
    netFen: Fen,
    paidPriorFen: Fen,
    payableFen: Fen,
    checks: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), overridable: Type.Boolean() }, Strict)),
    overrideReason: Nullable(Type.String()),
    cleared: Type.Boolean(),
    confirmation: StringEnum(['pending', 'confirmed', 'disputed'] as const),
    confirmedVia: Nullable(Type.String()),
    confirmationNote: Nullable(Type.String()),
    confirmedAt: Nullable(Timestamp),
    payStatus: StringEnum(Object.keys(PAY_STATUSES) as (keyof typeof PAY_STATUSES)[]),
    paidFen: Fen,
    attempts: Type.Integer(),
    lastFailure: Nullable(Type.String()),
    version: Type.Integer(),
  },
  Strict,
);
const Batch = Type.Object(
  {
    id: Type.String(),
    batchNo: Type.String(),
    kind: Type.String(),
    status: Type.String(),
    accountNo: Type.String(),
    lineCount: Type.Integer(),
    totalFen: Fen,
    paidCount: Type.Integer(),
    failedCount: Type.Integer(),
    submittedBy: Type.String(),
    submittedAt: Timestamp,
    fetchedAt: Nullable(Timestamp),
    completedAt: Nullable(Timestamp),
  },
  Strict,
);
const PayrollDetail = Type.Object({ ...PayrollSummary.properties, lines: Type.Array(Line), batches: Type.Array(Batch), actions: Type.Array(Type.String()) }, Strict);
const Slip = Type.Object(
  {
    slipNo: Type.String(),
    projectName: Type.String(),
    employerName: Type.String(),
    month: Month,
    dueOn: Nullable(DateOnly),
    workerName: Type.String(),
    idNumber: Type.String({ description: '脱敏' }),
    days: Type.Integer(),
    grossItems: Type.Array(PayItemSchema),
    deductionItems: Type.Array(PayItemSchema),
    grossFen: Fen,
    deductionFen: Fen,
    netFen: Fen,
    paidPriorFen: Fen,
    payments: Type.Array(Type.Object({ ref: Type.String(), amountFen: Fen, paidAt: Nullable(Timestamp), card: Type.String({ description: '脱敏' }), bankTxnId: Nullable(Type.String()) }, Strict)),
  },
  Strict,
);
const OwnLine = Type.Object(
  {
    id: Type.String(),
    projectName: Type.String(),
    employerName: Type.String(),
    month: Month,
    dueOn: Nullable(DateOnly),
    payrollStatus: Type.String(),
    days: Type.Integer(),
    attendanceDays: Type.Integer(),
    grossItems: Type.Array(PayItemSchema),
    deductionItems: Type.Array(PayItemSchema),
    grossFen: Fen,
    deductionFen: Fen,
    netFen: Fen,
    confirmation: Type.String(),
    payStatus: Type.String(),
    paidFen: Fen,
  },
  Strict,
);

const presentSlip = (s: Awaited<ReturnType<typeof service.wageSlip>>) => ({ ...s, payments: s.payments.map((p) => ({ ...p, paidAt: p.paidAt?.toISOString() ?? null })) });
const presentDetail = (d: Awaited<ReturnType<typeof service.getPayroll>>) => ({
  ...presentPayroll(d.row),
  lines: d.lines.map(presentLine),
  batches: d.batches.map(presentBatch),
  actions: d.actions,
});

export async function payrollRoutes(app: App) {
  app.get('/api/projects/:id/payrolls', {
    config: { access: 'payroll.read' },
    schema: {
      tags: ['payroll'],
      summary: '项目工资表 / the project’s payrolls',
      params: IdParams,
      querystring: Type.Object({ month: Type.Optional(Month), employerId: Type.Optional(Uuid), includeSuperseded: Type.Optional(Type.Boolean()) }, Strict),
      response: withProblems({ 200: Type.Array(PayrollSummary) }),
    },
    handler: async (req) => (await service.listPayrolls(req.ctx, req.params.id, req.query)).map(presentPayroll),
  });

  app.post('/api/projects/:id/payrolls', {
    config: { access: 'payroll.write' },
    schema: {
      tags: ['payroll'],
      summary: '按考勤和工资标准编制月度工资表 / prepare a month’s payroll from attendance and wage terms',
      params: IdParams,
      body: Type.Object({ employerId: Uuid, month: Month }, Strict),
      response: withProblems({ 201: PayrollDetail }),
    },
    handler: async (req, reply) => reply.code(201).send(presentDetail(await service.preparePayroll(req.ctx, req.params.id, req.body))),
  });

  app.get('/api/projects/:id/payroll-reconciliation', {
    config: { access: 'payroll.read' },
    schema: {
      tags: ['payroll'],
      summary: '考勤—工资表—银行发放三方对账 / attendance, payroll and bank payouts reconciled',
      params: IdParams,
      querystring: Type.Object({ month: Month }, Strict),
      response: withProblems({
        200: Type.Object(
          {
            month: Month,
            gapCount: Type.Integer(),
            items: Type.Array(
              Type.Object(
                {
                  workerId: Type.String(),
                  workerName: Type.String(),
                  idNumber: Type.String(),
                  employerName: Nullable(Type.String()),
                  attendanceDays: Type.Integer(),
                  onPayroll: Type.Boolean(),
                  payrollDays: Type.Integer(),
                  netFen: Fen,
                  paidFen: Fen,
                  gaps: Type.Array(StringEnum(Object.keys(RECONCILIATION_GAPS) as (keyof typeof RECONCILIATION_GAPS)[])),
                },
                Strict,
              ),
            ),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => service.reconcileMonth(req.ctx, req.params.id, req.query.month),
  });

  app.get('/api/payrolls/overdue', {
    config: { access: 'payroll.read' },
    schema: {
      tags: ['payroll'],
      summary: '辖区逾期未足额发放的工资表 / payrolls unpaid past payday in a region',
      querystring: RegionQuery,
      response: withProblems({
        200: Type.Array(
          Type.Object(
            {
              projectId: Type.String(),
              projectCode: Type.String(),
              projectName: Type.String(),
              regionName: Type.String(),
              payrollId: Type.String(),
              employerName: Type.String(),
              month: Month,
              status: Type.String(),
              dueOn: DateOnly,
              unpaidFen: Fen,
              unpaidLines: Type.Integer(),
            },
            Strict,
          ),
        ),
      }),
    },
    handler: async (req) => service.regionOverdue(req.ctx, req.query),
  });

  app.get('/api/payrolls/:id', {
    config: { access: 'payroll.read' },
    schema: { tags: ['payroll'], summary: '工资表及明细 / a payroll with its lines', params: IdParams, response: withProblems({ 200: PayrollDetail }) },
    handler: async (req) => presentDetail(await service.getPayroll(req.ctx, req.params.id)),
  });

  app.get('/api/payrolls/:id/export', {
    config: { access: 'payroll.read' },
    schema: { tags: ['payroll'], summary: '导出工资支付台账（条例第15条字段） / export the wage-payment ledger', params: IdParams },
    handler: async (req, reply) => {
      const { name, stream } = await exportLedger(req.ctx, req.params.id);
      return sendXlsx(reply, name, stream);
    },
  });

  app.put('/api/payrolls/:id/lines/:lineId', {
    config: { access: 'payroll.write' },
    schema: {
      tags: ['payroll'],
      summary: '修改工资表明细（编制中） / edit a line of a draft',
      params: LineParams,
      body: Type.Object({ days: Type.Integer({ minimum: 0, maximum: 31 }), grossItems: Type.Array(PayItemSchema, { minItems: 1, maxItems: 20 }), deductionItems: Type.Array(PayItemSchema, { maxItems: 20 }), version: Version }, Strict),
      response: withProblems({ 200: PayrollDetail }),
    },
    handler: async (req) => presentDetail(await service.editLine(req.ctx, req.params.id, req.params.lineId, req.body)),
  });

  app.post('/api/payrolls/:id/lines/:lineId/confirm', {
    config: { access: 'payroll.write' },
    schema: {
      tags: ['payroll'],
      summary: '登记农民工线下签字确认（须说明方式） / record a confirmation given off the platform',
      params: LineParams,
      body: Type.Object({ note: Reason }, Strict),
      response: withProblems({ 200: PayrollDetail }),
    },
    handler: async (req) => presentDetail(await service.recordConfirmation(req.ctx, req.params.id, req.params.lineId, req.body)),
  });

  app.post('/api/payrolls/:id/lines/:lineId/override', {
    config: { access: 'payroll.approve' },
    schema: {
      tags: ['payroll'],
      summary: '说明理由放行未通过校验的行 / pass a failing line with a recorded reason',
      params: LineParams,
      body: Type.Object({ reason: Reason }, Strict),
      response: withProblems({ 200: PayrollDetail }),
    },
    handler: async (req) => presentDetail(await service.overrideChecks(req.ctx, req.params.id, req.params.lineId, req.body)),
  });

  app.post('/api/payrolls/:id/approve', {
    config: { access: 'payroll.approve' },
    schema: { tags: ['payroll'], summary: '总承包单位审核工资表 / the general contractor approves', params: IdParams, body: Type.Object({ version: Version }, Strict), response: withProblems({ 200: PayrollDetail }) },
    handler: async (req) => presentDetail(await service.approvePayroll(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/payrolls/:id/submit', {
    config: { access: 'payroll.approve', idempotent: true },
    schema: { tags: ['payroll'], summary: '提交专户代发批次 / send the payout batch to the bank', params: IdParams, body: Type.Object({ version: Version }, Strict), response: withProblems({ 200: PayrollDetail }) },
    handler: async (req) => presentDetail(await service.submitPayout(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/payrolls/:id/resend', {
    config: { access: 'payroll.approve', idempotent: true },
    schema: {
      tags: ['payroll'],
      summary: '重发失败的代发明细 / re-send the failed lines',
      params: IdParams,
      body: Type.Object({ version: Version, lineIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 5000 })) }, Strict),
      response: withProblems({ 200: PayrollDetail }),
    },
    handler: async (req) => presentDetail(await service.resendFailed(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/payrolls/:id/corrections', {
    config: { access: 'payroll.write' },
    schema: {
      tags: ['payroll'],
      summary: '更正工资表（生成新版本，旧版本保留） / correct with a new version',
      params: IdParams,
      body: Type.Object({ reason: Reason, version: Version }, Strict),
      response: withProblems({ 201: PayrollDetail }),
    },
    handler: async (req, reply) => reply.code(201).send(presentDetail(await service.correctPayroll(req.ctx, req.params.id, req.body))),
  });

  app.get('/api/payrolls/:id/lines/:lineId/slip', {
    config: { access: 'payroll.read' },
    schema: { tags: ['payroll'], summary: '工资清单 / the wage slip of a line', params: LineParams, response: withProblems({ 200: Slip }) },
    handler: async (req) => presentSlip(await service.wageSlip(req.ctx, req.params.id, req.params.lineId)),
  });

  // The worker's own lines and slips.
  app.get('/api/me/payroll-lines', {
    config: { access: 'payroll.confirm' },
    schema: { tags: ['payroll'], summary: '本人工资明细 / my payroll lines', response: withProblems({ 200: Type.Array(OwnLine) }) },
    handler: async (req) => (await service.ownPayrollLines(req.ctx)).map(presentOwnLine),
  });

  app.post('/api/me/payroll-lines/:id/answer', {
    config: { access: 'payroll.confirm' },
    schema: {
      tags: ['payroll'],
      summary: '本人确认或对工资明细提出异议 / confirm or dispute my line',
      params: IdParams,
      body: Type.Object({ answer: StringEnum(['confirm', 'dispute'] as const), note: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) }, Strict),
      response: withProblems({ 200: OwnLine }),
    },
    handler: async (req) => presentOwnLine(await service.answerOwnLine(req.ctx, req.params.id, req.body)),
  });

  app.get('/api/me/payroll-lines/:id/slip', {
    config: { access: 'payroll.confirm' },
    schema: { tags: ['payroll'], summary: '本人工资清单 / my wage slip', params: IdParams, response: withProblems({ 200: Slip }) },
    handler: async (req) => presentSlip(await service.ownWageSlip(req.ctx, req.params.id)),
  });

  // The bank's signed machine routes.
  await signedRoutes(app, (bank) => {
    bank.post('/api/bank/payout-batches/claim', {
      config: { access: 'accounts.bank', personalData: true },
      schema: {
        tags: ['payroll'],
        summary: '银行领取待执行的代发批次（签名） / the bank takes its open payout batches (signed)',
        description: `${SIGNATURE_DESCRIPTION} Returns the batches submitted on accounts at this bank, oldest first, each payout with the worker's own card number; they are marked fetched (an audited disclosure).`,
        body: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50 }) }, Strict),
        response: withProblems({
          200: Type.Array(
            Type.Object(
              {
                batchNo: Type.String(),
                accountNo: Type.String(),
                accountName: Type.String(),
                totalFen: Fen,
                payouts: Type.Array(Type.Object({ ref: Type.String(), workerName: Type.String(), amountFen: Fen, cardNo: Type.String() }, Strict)),
              },
              Strict,
            ),
          ),
        }),
      },
      handler: async (req) => service.claimBatches(req.ctx, req.body),
    });

    bank.post('/api/bank/payout-results', {
      config: { access: 'accounts.bank' },
      schema: {
        tags: ['payroll'],
        summary: '银行回传代发结果（签名） / the bank reports payout results (signed)',
        description: `${SIGNATURE_DESCRIPTION} One result per payout ref: the same result again is a duplicate, a different one is refused; a ref not yet known is held and applied when its batch is registered.`,
        body: Type.Object(
          {
            results: Type.Array(
              Type.Object(
                {
                  ref: Type.String({ minLength: 1, maxLength: 64 }),
                  status: StringEnum(['paid', 'failed'] as const),
                  amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
                  at: Type.String({ minLength: 20, maxLength: 35, description: 'ISO 8601 with offset' }),
                  failureReason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
                  bankTxnId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
                },
                Strict,
              ),
              { minItems: 1, maxItems: 1000 },
            ),
          },
          Strict,
        ),
        response: withProblems({
          200: Type.Object(
            {
              received: Type.Integer(),
              applied: Type.Integer(),
              duplicates: Type.Integer(),
              held: Type.Integer({ description: '代发明细尚未登记，暂存待匹配' }),
              rejected: Type.Array(Type.Object({ index: Type.Integer(), ref: Type.String(), reason: Bilingual }, Strict)),
            },
            Strict,
          ),
        }),
      },
      handler: async (req) => service.receivePayoutResults(req.ctx, req.body.results),
    });
  });
}

