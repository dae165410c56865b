import { Type } from '@sinclair/typebox';
import { Bilingual, DateOnly, IdParams, Nullable, RegionQuery, Strict, StringEnum, Timestamp, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { ARREARS_SOURCES, DEPOSIT_FORMS, DEPOSIT_STATES, DRAW_STATES, RETURN_STATUSES } from './deposits.rules';
import * as service from './deposits.service';

const Fen = Type.Integer({ description: '分 (fen)' });
const Amount = Type.Integer({ minimum: 1, maximum: 100_000_000_000_00, description: '分 (fen)' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Form = StringEnum(Object.keys(DEPOSIT_FORMS) as (keyof typeof DEPOSIT_FORMS)[]);
const Version = Type.Integer({ minimum: 1 });

const Deposit = Type.Object(
  {
    projectId: Type.String(),
    projectCode: Type.String(),
    projectName: Type.String(),
    projectStatus: Type.String(),
    generalContractorId: Type.String(),
    generalContractorName: Type.String(),
    contractPriceFen: Fen,
    assessedOn: DateOnly,
    required: Type.Object(
      {
        requiredFen: Fen,
        exempt: Type.Boolean(),
        ratioPpm: Type.Integer({ description: '适用比例（百万分之一）' }),
        baseRatioPpm: Type.Integer(),
        capFen: Fen,
        capApplied: Type.Boolean(),
        capLifted: Type.Boolean(),
        cleanYears: Type.Integer(),
        steps: Type.Array(Type.Object({ rule: Type.String(), text: Bilingual }, Strict)),
      },
      Strict,
    ),
    lodgedFen: Fen,
    drawnFen: Fen,
    toppedUpFen: Fen,
    heldFen: Fen,
    shortfallFen: Fen,
    state: StringEnum(Object.keys(DEPOSIT_STATES) as (keyof typeof DEPOSIT_STATES)[]),
    acceptedForms: Type.Array(Type.String()),
    topUpWithinWD: Type.Integer(),
    lodgings: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          form: Type.String(),
          amountFen: Fen,
          lodgedOn: DateOnly,
          bankName: Nullable(Type.String()),
          accountNo: Nullable(Type.String()),
          issuer: Nullable(Type.String()),
          instrumentNo: Nullable(Type.String()),
          validFrom: Nullable(DateOnly),
          validUntil: Nullable(DateOnly),
          effective: Type.Boolean({ description: '保函在有效期内（现金恒为是）' }),
          recordedBy: Type.String(),
          recordedAt: Timestamp,
        },
        Strict,
      ),
    ),
    draws: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          amountFen: Fen,
          drawnOn: DateOnly,
          orderNo: Type.String(),
          orderIssuedOn: DateOnly,
          orderDueOn: DateOnly,
          decisionNo: Type.String(),
          decisionOn: DateOnly,
          decisionAmountFen: Fen,
          caseRef: Type.String(),
          workersRef: Type.String(),
          topUpDueOn: Nullable(DateOnly),
          outstandingFen: Fen,
          state: StringEnum(Object.keys(DRAW_STATES) as (keyof typeof DRAW_STATES)[]),
          topUps: Type.Array(Type.Object({ id: Type.String(), amountFen: Fen, toppedOn: DateOnly, form: Type.String(), reference: Type.String() }, Strict)),
        },
        Strict,
      ),
    ),
    return: Nullable(
      Type.Object(
        {
          status: StringEnum(Object.keys(RETURN_STATUSES) as (keyof typeof RETURN_STATUSES)[]),
          appliedOn: DateOnly,
          appliedBy: Type.String(),
          approvedBy: Nullable(Type.String()),
          noticeFrom: Nullable(DateOnly),
          noticeUntil: Nullable(DateOnly),
          noticeDays: Type.Integer(),
          orderedOn: Nullable(DateOnly),
          orderedBy: Nullable(Type.String()),
          bankDueOn: Nullable(DateOnly),
          bankReturnWD: Type.Integer(),
          returnedOn: Nullable(DateOnly),
          rejectReason: Nullable(Type.String()),
          version: Type.Integer(),
        },
        Strict,
      ),
    ),
    actions: Type.Array(Type.String()),
  },
  Strict,
);

const present = (d: Awaited<ReturnType<typeof service.getDeposit>>) => ({
  projectId: d.facts.id,
  projectCode: d.facts.code,
  projectName: d.facts.name,
  projectStatus: d.facts.status,
  generalContractorId: d.facts.general_contractor_id,
  generalContractorName: d.facts.general_contractor_name,
  contractPriceFen: Number(d.facts.contract_price_fen),
  assessedOn: d.assessedOn,
  required: d.required,
  lodgedFen: d.lodgedFen,
  drawnFen: d.drawnFen,
  toppedUpFen: d.toppedUpFen,
  heldFen: d.heldFen,
  shortfallFen: d.shortfallFen,
  state: d.state,
  acceptedForms: d.params.forms,
  topUpWithinWD: d.params.topUpWithinWD,
  lodgings: d.lodgings.map((l) => ({
    id: l.id,
    form: l.form,
    amountFen: Number(l.amount_fen),
    lodgedOn: l.lodged_on,
    bankName: l.bank_name,
    accountNo: l.account_no,
    issuer: l.issuer,
    instrumentNo: l.instrument_no,
    validFrom: l.valid_from,
    validUntil: l.valid_until,
    effective: l.effective,
    recordedBy: l.recorded_by,
    recordedAt: l.created_at.toISOString(),
  })),
  draws: d.draws.map((x) => ({
    id: x.id,
    amountFen: Number(x.amount_fen),
    drawnOn: x.drawn_on,
    orderNo: x.order_no,
    orderIssuedOn: x.order_issued_on,
    orderDueOn: x.order_due_on,
    decisionNo: x.decision_no,
    decisionOn: x.decision_on,
    decisionAmountFen: Number(x.decision_amount_fen),
    caseRef: x.case_ref,
    workersRef: x.workers_ref,
    topUpDueOn: x.top_up_due_on,
    outstandingFen: x.outstandingFen,
    state: x.state,
    topUps: x.topUps.map((t) => ({ id: t.id, amountFen: Number(t.amount_fen), toppedOn: t.topped_on, form: t.form, reference: t.reference })),
  })),
  return: d.returnInfo && {
    status: d.returnInfo.status as keyof typeof RETURN_STATUSES,
    appliedOn: d.returnInfo.applied_on,
    appliedBy: d.returnInfo.applied_by,
    approvedBy: d.returnInfo.approved_by,
    noticeFrom: d.returnInfo.notice_from,
    noticeUntil: d.returnInfo.notice_until,
    noticeDays: d.returnInfo.noticeDays,
    orderedOn: d.returnInfo.ordered_on,
    orderedBy: d.returnInfo.ordered_by,
    bankDueOn: d.returnInfo.bank_due_on,
    bankReturnWD: d.returnInfo.bankReturnWD,
    returnedOn: d.returnInfo.returned_on,
    rejectReason: d.returnInfo.reject_reason,
    version: d.returnInfo.version,
  },
  actions: d.actions,
});

const History = Type.Object(
  {
    enterpriseId: Type.String(),
    enterpriseName: Type.String(),
    coveredFrom: Nullable(DateOnly),
    coverageRecorded: Type.Boolean(),
    arrears: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          projectId: Nullable(Type.String()),
          projectName: Nullable(Type.String()),
          foundOn: DateOnly,
          amountFen: Fen,
          resolvedOn: Nullable(DateOnly),
          source: Type.String(),
          reference: Type.String(),
          recordedBy: Type.String(),
        },
        Strict,
      ),
    ),
    listings: Type.Array(Type.Object({ id: Type.String(), listedOn: DateOnly, removedOn: Nullable(DateOnly), decisionNo: Type.String() }, Strict)),
    actions: Type.Array(Type.String()),
  },
  Strict,
);
const presentHistory = (h: Awaited<ReturnType<typeof service.arrearsHistory>>) => ({
  enterpriseId: h.enterprise.id,
  enterpriseName: h.enterprise.name,
  coveredFrom: h.coverage?.coveredFrom ?? null,
  coverageRecorded: h.coverage?.recorded ?? false,
  arrears: h.arrears.map((a) => ({
    id: a.id,
    projectId: a.project_id,
    projectName: a.project_name,
    foundOn: a.found_on,
    amountFen: Number(a.amount_fen),
    resolvedOn: a.resolved_on,
    source: a.source,
    reference: a.reference,
    recordedBy: a.recorded_by,
  })),
  listings: h.listings.map((l) => ({ id: l.id, listedOn: l.listed_on, removedOn: l.removed_on, decisionNo: l.decision_no })),
  actions: h.actions,
});

export async function depositsRoutes(app: App) {
  app.get('/api/projects/:id/wage-deposit', {
    config: { access: 'deposits.read' },
    schema: { tags: ['deposits'], summary: '项目工资保证金：应缴核算、缴存、动用、补足、返还 / the project’s wage deposit', params: IdParams, response: withProblems({ 200: Deposit }) },
    handler: async (req) => present(await service.getDeposit(req.ctx, req.params.id)),
  });

  app.post('/api/projects/:id/wage-deposit/lodgings', {
    config: { access: 'deposits.write' },
    schema: {
      tags: ['deposits'],
      summary: '登记缴存保证金（现金或保函，DEP-03） / record a lodging',
      params: IdParams,
      body: Type.Object(
        {
          form: Form,
          amountFen: Amount,
          lodgedOn: DateOnly,
          bankId: Type.Optional(Nullable(Uuid)),
          accountNo: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{8,32}$' }))),
          issuer: Type.Optional(Nullable(Text(100))),
          instrumentNo: Type.Optional(Nullable(Text(64))),
          validFrom: Type.Optional(Nullable(DateOnly)),
          validUntil: Type.Optional(Nullable(DateOnly)),
        },
        Strict,
      ),
      response: withProblems({ 201: Deposit }),
    },
    handler: async (req, reply) => reply.code(201).send(present(await service.lodgeDeposit(req.ctx, req.params.id, req.body))),
  });

  app.post('/api/projects/:id/wage-deposit/draws', {
    config: { access: 'deposits.decide' },
    schema: {
      tags: ['deposits'],
      summary: '动用保证金（须限期支付指令逾期未履行并有使用决定，DEP-09） / draw on an HRSS decision',
      params: IdParams,
      body: Type.Object(
        {
          amountFen: Amount,
          drawnOn: DateOnly,
          orderNo: Text(64),
          orderIssuedOn: DateOnly,
          orderDueOn: DateOnly,
          orderUnmet: Type.Boolean({ description: '限期支付指令逾期未履行' }),
          decisionNo: Text(64),
          decisionOn: DateOnly,
          decisionAmountFen: Amount,
          caseRef: Text(100),
          workersRef: Text(500),
        },
        Strict,
      ),
      response: withProblems({ 201: Deposit }),
    },
    handler: async (req, reply) => reply.code(201).send(present(await service.drawDeposit(req.ctx, req.params.id, req.body))),
  });

  app.post('/api/wage-deposit-draws/:id/top-ups', {
    config: { access: 'deposits.write' },
    schema: {
      tags: ['deposits'],
      summary: '动用后补足保证金（DEP-10） / top up after a draw',
      params: IdParams,
      body: Type.Object({ amountFen: Amount, toppedOn: DateOnly, form: Form, reference: Text(100) }, Strict),
      response: withProblems({ 201: Deposit }),
    },
    handler: async (req, reply) => reply.code(201).send(present(await service.topUpDraw(req.ctx, req.params.id, req.body))),
  });

  app.post('/api/projects/:id/wage-deposit/return', {
    config: { access: 'deposits.write' },
    schema: {
      tags: ['deposits'],
      summary: '完工后申请返还保证金（DEP-11） / apply for the return',
      params: IdParams,
      body: Type.Object({ appliedOn: DateOnly }, Strict),
      response: withProblems({ 200: Deposit }),
    },
    handler: async (req) => present(await service.applyForReturn(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/projects/:id/wage-deposit/return/decision', {
    config: { access: 'deposits.decide' },
    schema: {
      tags: ['deposits'],
      summary: '审核返还申请：通过并公示，或不予返还 / approve and publish, or refuse',
      params: IdParams,
      body: Type.Object({ approve: Type.Boolean(), noticeFrom: Type.Optional(DateOnly), reason: Type.Optional(Text(200)), version: Version }, Strict),
      response: withProblems({ 200: Deposit }),
    },
    handler: async (req) => present(await service.decideReturn(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/projects/:id/wage-deposit/return/order', {
    config: { access: 'deposits.decide', idempotent: true },
    schema: {
      tags: ['deposits'],
      summary: '公示期满出具返还通知书（另一名工作人员） / issue the return notice after the public notice',
      params: IdParams,
      body: Type.Object({ orderedOn: DateOnly, version: Version }, Strict),
      response: withProblems({ 200: Deposit }),
    },
    handler: async (req) => present(await service.orderReturn(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/projects/:id/wage-deposit/return/returned', {
    config: { access: 'deposits.decide' },
    schema: {
      tags: ['deposits'],
      summary: '登记银行已退还 / record that the bank returned the deposit',
      params: IdParams,
      body: Type.Object({ returnedOn: DateOnly, version: Version }, Strict),
      response: withProblems({ 200: Deposit }),
    },
    handler: async (req) => present(await service.confirmReturned(req.ctx, req.params.id, req.body)),
  });

  app.get('/api/wage-deposits/region', {
    config: { access: 'deposits.read' },
    schema: {
      tags: ['deposits'],
      summary: '辖区在建项目保证金未缴、不足与补足逾期 / missing, short and overdue deposits in a region',
      querystring: RegionQuery,
      response: withProblems({
        200: Type.Array(
          Type.Object(
            {
              projectId: Type.String(),
              code: Type.String(),
              name: Type.String(),
              regionName: Type.String(),
              generalContractorName: Type.String(),
              requiredFen: Fen,
              heldFen: Fen,
              shortfallFen: Fen,
              state: Type.String(),
              overdueDraws: Type.Array(Type.Object({ drawId: Type.String(), outstandingFen: Fen, topUpDueOn: DateOnly }, Strict)),
            },
            Strict,
          ),
        ),
      }),
    },
    handler: async (req) => service.regionDeposits(req.ctx, req.query),
  });

  app.get('/api/enterprises/:id/arrears-history', {
    config: { access: 'deposits.read' },
    schema: { tags: ['deposits'], summary: '企业欠薪记录与失信名单期间 / an enterprise’s arrears history', params: IdParams, response: withProblems({ 200: History }) },
    handler: async (req) => presentHistory(await service.arrearsHistory(req.ctx, req.params.id)),
  });

  app.post('/api/enterprises/:id/arrears-history', {
    config: { access: 'deposits.decide' },
    schema: {
      tags: ['deposits'],
      summary: '登记企业欠薪记录 / record an arrears finding',
      params: IdParams,
      body: Type.Object(
        {
          projectId: Type.Optional(Nullable(Uuid)),
          foundOn: DateOnly,
          amountFen: Amount,
          resolvedOn: Type.Optional(Nullable(DateOnly)),
          source: StringEnum(Object.keys(ARREARS_SOURCES) as (keyof typeof ARREARS_SOURCES)[]),
          reference: Text(100),
        },
        Strict,
      ),
      response: withProblems({ 201: History }),
    },
    handler: async (req, reply) => reply.code(201).send(presentHistory(await service.recordArrears(req.ctx, req.params.id, req.body))),
  });

  app.post('/api/arrears-records/:id/resolve', {
    config: { access: 'deposits.decide' },
    schema: {
      tags: ['deposits'],
      summary: '登记欠薪已结清 / record that the arrears were settled',
      params: IdParams,
      body: Type.Object({ resolvedOn: DateOnly }, Strict),
      response: withProblems({ 200: History }),
    },
    handler: async (req) => presentHistory(await service.resolveArrears(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/enterprises/:id/dishonesty-listings', {
    config: { access: 'deposits.decide' },
    schema: {
      tags: ['deposits'],
      summary: '登记列入严重失信主体名单的期间 / record a serious-dishonesty listing period',
      params: IdParams,
      body: Type.Object({ listedOn: DateOnly, removedOn: Type.Optional(Nullable(DateOnly)), decisionNo: Text(64) }, Strict),
      response: withProblems({ 201: History }),
    },
    handler: async (req, reply) => reply.code(201).send(presentHistory(await service.recordListing(req.ctx, req.params.id, req.body))),
  });

  app.put('/api/enterprises/:id/arrears-history/coverage', {
    config: { access: 'deposits.decide' },
    schema: {
      tags: ['deposits'],
      summary: '设定欠薪记录完整的起始日（无欠薪年数自此起算） / from when the arrears record is complete',
      params: IdParams,
      body: Type.Object({ coveredFrom: DateOnly, reason: Type.String({ minLength: 2, maxLength: 200 }) }, Strict),
      response: withProblems({ 200: History }),
    },
    handler: async (req) => presentHistory(await service.setArrearsCoverage(req.ctx, req.params.id, req.body)),
  });
}
