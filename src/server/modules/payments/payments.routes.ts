import { Type } from '@sinclair/typebox';
import { DateOnly, IdParams, Nullable, RegionCode, Strict, StringEnum, Timestamp, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { PAYMENT_KINDS, SETTLEMENT_KINDS } from './payments.rules';
import * as service from './payments.service';

const Fen = Type.Integer({ description: '分 (fen)' });
// Up to ¥1 trillion per entry: sums of many stay exact in a double.
const AmountFen = Type.Integer({ minimum: 0, maximum: 100_000_000_000_000, description: '分 (fen)' });
const PositiveFen = Type.Integer({ minimum: 1, maximum: 100_000_000_000_000, description: '分 (fen)' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Text = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));
const Bp = Type.Integer({ description: '基点（万分之一）' });
const paymentKinds = Object.keys(PAYMENT_KINDS) as (keyof typeof PAYMENT_KINDS)[];
const settlementKinds = Object.keys(SETTLEMENT_KINDS) as (keyof typeof SETTLEMENT_KINDS)[];

const CompletedValue = Type.Object(
  {
    id: Type.String(),
    month: Type.String(),
    version: Type.Integer(),
    amountFen: Fen,
    state: StringEnum(['pending', 'confirmed'] as const),
    note: Nullable(Type.String()),
    correctionReason: Nullable(Type.String()),
    recordedBy: Type.String(),
    recordedAt: Timestamp,
    confirmedBy: Nullable(Type.String()),
    confirmedAt: Nullable(Timestamp),
    supersededAt: Nullable(Timestamp),
  },
  Strict,
);
const Payment = Type.Object(
  {
    id: Type.String(),
    paidOn: DateOnly,
    amountFen: Fen,
    kind: StringEnum(paymentKinds),
    reference: Type.String(),
    note: Nullable(Type.String()),
    recordedBy: Type.String(),
    recordedAt: Timestamp,
  },
  Strict,
);
const Settlement = Type.Object(
  {
    id: Type.String(),
    kind: StringEnum(settlementKinds),
    periodFrom: DateOnly,
    periodTo: DateOnly,
    amountFen: Fen,
    settledOn: DateOnly,
    reference: Type.String(),
    note: Nullable(Type.String()),
    recordedBy: Type.String(),
    recordedAt: Timestamp,
  },
  Strict,
);
const Retention = Type.Object(
  {
    heldFen: Fen,
    releasedFen: Fen,
    outstandingFen: Fen,
    capFen: Fen,
    within: Type.Boolean(),
    heldFrom: Nullable(DateOnly),
    version: Type.Integer(),
  },
  Strict,
);
const RefundState = StringEnum(['none', 'due', 'overdue', 'refunded'] as const);
const Summary = Type.Object(
  {
    projectId: Type.String(),
    code: Type.String(),
    name: Type.String(),
    investmentType: Type.String(),
    ownershipTier: Type.String(),
    qualifies: Type.Boolean({ description: 'SET-01 适用（政府机关、事业单位、国有企业项目）' }),
    contractPriceFen: Fen,
    params: Type.Object({ minProgressBp: Bp, maxRetentionBp: Bp, refundDays: Type.Integer(), interimPeriodMonths: Type.Integer() }, Strict),
    totals: Type.Object(
      {
        completedFen: Fen,
        paidFen: Fen,
        ratioBp: Nullable(Bp),
        requiredFen: Fen,
        shortfallFen: Fen,
        meets: Type.Boolean(),
        unconfirmedMonths: Type.Integer(),
      },
      Strict,
    ),
    retention: Retention,
    advanceCapFen: Type.Integer({ description: 'LIA-02：建设单位先行垫付上限（未结清的工程款）' }),
    refund: Type.Object({ state: RefundState, outstandingFen: Fen, dueOn: Nullable(DateOnly), finalAmountFen: Nullable(Fen), settledOn: Nullable(DateOnly) }, Strict),
    interim: Type.Object({ applies: Type.Boolean(), flagged: Type.Boolean(), unsettledFrom: Nullable(DateOnly), periodEnd: Nullable(DateOnly) }, Strict),
    settlements: Type.Array(Settlement),
    flags: Type.Array(Type.String()),
    actions: Type.Array(Type.String()),
  },
  Strict,
);

export async function paymentsRoutes(app: App) {
  app.get('/api/projects/:id/payments/summary', {
    config: { access: 'payments.read' },
    schema: { tags: ['payments'], summary: '工程款支付情况（SET-01、SET-02、LIA-02） / construction-payment position', params: IdParams, response: withProblems({ 200: Summary }) },
    handler: async (req) => service.projectSummary(req.ctx, req.params.id),
  });

  app.get('/api/projects/:id/payments/months', {
    config: { access: 'payments.read' },
    schema: {
      tags: ['payments'],
      summary: '逐月已完工程价款与支付比例 / completed value and payment ratio month by month',
      params: IdParams,
      response: withProblems({
        200: Type.Object(
          {
            minProgressBp: Bp,
            items: Type.Array(
              Type.Object(
                {
                  month: Type.String(),
                  asOf: DateOnly,
                  completedFen: Fen,
                  paidFen: Fen,
                  cumulativeCompletedFen: Fen,
                  cumulativePaidFen: Fen,
                  ratioBp: Nullable(Bp),
                  shortfallFen: Fen,
                  meets: Type.Boolean(),
                  value: Nullable(CompletedValue),
                  history: Type.Array(CompletedValue),
                },
                Strict,
              ),
            ),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => service.projectMonths(req.ctx, req.params.id),
  });

  app.get('/api/projects/:id/payments', {
    config: { access: 'payments.read' },
    schema: { tags: ['payments'], summary: '建设单位支付记录 / the owner’s payments', params: IdParams, response: withProblems({ 200: Type.Array(Payment) }) },
    handler: async (req) => service.projectPayments(req.ctx, req.params.id),
  });

  app.post('/api/projects/:id/completed-values', {
    config: { access: 'payments.write' },
    schema: {
      tags: ['payments'],
      summary: '登记或更正月度已完工程价款（总承包单位） / report or correct a month’s completed value',
      description: 'A correction names the version it corrects and a reason; the earlier version is kept.',
      params: IdParams,
      body: Type.Object(
        {
          month: Month,
          amountFen: AmountFen,
          note: Text(200),
          version: Type.Optional(Type.Integer({ minimum: 1 })),
          reason: Text(200),
        },
        Strict,
      ),
      response: withProblems({ 201: CompletedValue }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.recordCompletedValue(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/projects/:id/completed-values/confirm', {
    config: { access: 'payments.write' },
    schema: {
      tags: ['payments'],
      summary: '建设单位确认已完工程价款 / the owner confirms a month’s completed value',
      params: IdParams,
      body: Type.Object({ month: Month, version: Type.Integer({ minimum: 1 }) }, Strict),
      response: withProblems({ 200: CompletedValue }),
    },
    handler: async (req) => service.confirmCompletedValue(req.ctx, req.params.id, req.body),
  });

  app.post('/api/projects/:id/payments', {
    config: { access: 'payments.write' },
    schema: {
      tags: ['payments'],
      summary: '登记建设单位支付（进度款、预付款、质保金返还、超付退回） / record a payment',
      params: IdParams,
      body: Type.Object(
        {
          paidOn: DateOnly,
          amountFen: PositiveFen,
          kind: StringEnum(paymentKinds),
          reference: Type.String({ minLength: 1, maxLength: 64 }),
          note: Text(200),
        },
        Strict,
      ),
      response: withProblems({ 201: Payment }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.recordPayment(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/projects/:id/retention', {
    config: { access: 'payments.write' },
    schema: {
      tags: ['payments'],
      summary: '登记预留的质量保证金（≤ 合同总价3%） / record the retention held',
      params: IdParams,
      body: Type.Object({ amountFen: AmountFen, heldFrom: DateOnly, note: Text(200), version: Type.Optional(Type.Integer({ minimum: 1 })) }, Strict),
      response: withProblems({ 200: Retention }),
    },
    handler: async (req) => service.setRetention(req.ctx, req.params.id, req.body),
  });

  app.post('/api/projects/:id/settlements', {
    config: { access: 'payments.write' },
    schema: {
      tags: ['payments'],
      summary: '登记过程结算或竣工结算 / record an interim or the final settlement',
      params: IdParams,
      body: Type.Object(
        {
          kind: StringEnum(settlementKinds),
          periodFrom: DateOnly,
          periodTo: DateOnly,
          amountFen: AmountFen,
          settledOn: DateOnly,
          reference: Type.String({ minLength: 1, maxLength: 64 }),
          note: Text(200),
        },
        Strict,
      ),
      response: withProblems({ 201: Settlement }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.recordSettlement(req.ctx, req.params.id, req.body)),
  });

  app.get('/api/payments/region', {
    config: { access: 'payments.read' },
    schema: {
      tags: ['payments'],
      summary: '辖区工程款支付情况（进度款不足、质保金超限、超付未退、未过程结算） / progress-payment shortfalls of a region',
      querystring: Type.Object({ regionCode: Type.Optional(RegionCode), flaggedOnly: Type.Optional(Type.Boolean()) }, Strict),
      response: withProblems({
        200: Type.Array(
          Type.Object(
            {
              projectId: Type.String(),
              code: Type.String(),
              name: Type.String(),
              regionName: Type.String(),
              projectStatus: Type.String(),
              investmentType: Type.String(),
              ownershipTier: Type.String(),
              qualifies: Type.Boolean(),
              completedFen: Fen,
              paidFen: Fen,
              ratioBp: Nullable(Bp),
              shortfallFen: Fen,
              unconfirmedMonths: Type.Integer(),
              retentionFen: Fen,
              retentionCapFen: Fen,
              refundState: RefundState,
              refundOutstandingFen: Fen,
              refundDueOn: Nullable(DateOnly),
              interimUnsettledFrom: Nullable(DateOnly),
              advanceCapFen: Fen,
              flags: Type.Array(Type.String()),
            },
            Strict,
          ),
        ),
      }),
    },
    handler: async (req) => service.regionPayments(req.ctx, req.query),
  });
}
