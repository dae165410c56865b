import { Type } from '@sinclair/typebox';
import { DateOnly, IdParams, Nullable, RegionCode, Strict, StringEnum, Timestamp, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import * as service from './funds.service';

const Fen = Type.Integer({ description: '分 (fen)' });
const Amount = Type.Integer({ minimum: 1, maximum: 100_000_000_000_00, description: '分 (fen)' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const Size = Type.Object({ minimumFen: Fen, balanceFen: Fen, shortfallFen: Fen, meets: Type.Boolean() }, Strict);
const FundSummary = {
  id: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  name: Type.String(),
  level: StringEnum(['city', 'county'] as const),
  balanceFen: Fen,
  size: Size,
};
const Fund = Type.Object(
  {
    ...FundSummary,
    reconciliation: Type.Object(
      {
        injectionsFen: Fen,
        interestFen: Fen,
        advancesFen: Fen,
        recoveriesFen: Fen,
        balanceFen: Fen,
        recordedAdvancesFen: Fen,
        recordedRecoveriesFen: Fen,
        matched: Type.Boolean(),
      },
      Strict,
    ),
    movements: Type.Array(
      Type.Object({ id: Type.String(), kind: Type.String(), amountFen: Fen, onDate: DateOnly, reference: Type.String(), advanceId: Nullable(Type.String()), recordedBy: Type.String(), recordedAt: Timestamp }, Strict),
    ),
    advances: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          decisionNo: Type.String(),
          decisionOn: DateOnly,
          caseRef: Type.String(),
          employerId: Type.String(),
          employerName: Type.String(),
          projectId: Nullable(Type.String()),
          arrearsFen: Fen,
          totalFen: Fen,
          depositShortfallNote: Type.String(),
          higherApprovalRef: Nullable(Type.String()),
          paidOn: DateOnly,
          recoveredFen: Fen,
          outstandingFen: Fen,
          lines: Type.Array(Type.Object({ workerId: Type.String(), workerName: Type.String(), amountFen: Fen }, Strict)),
          recoveries: Type.Array(Type.Object({ id: Type.String(), amountFen: Fen, recoveredOn: DateOnly, reference: Type.String(), recordedBy: Type.String() }, Strict)),
        },
        Strict,
      ),
    ),
  },
  Strict,
);

type Detail = Awaited<ReturnType<typeof service.getFund>>;
const present = (d: Detail) => ({
  id: d.row.id,
  regionCode: d.row.region_code,
  regionName: d.row.region_name,
  name: d.row.name,
  level: d.level,
  balanceFen: d.reconciliation.balanceFen,
  size: d.size,
  reconciliation: d.reconciliation,
  movements: d.movements.map((m) => ({ id: m.id, kind: m.kind, amountFen: Number(m.amount_fen), onDate: m.on_date, reference: m.reference, advanceId: m.advance_id, recordedBy: m.recorded_by, recordedAt: m.created_at.toISOString() })),
  advances: d.advances.map((a) => ({
    id: a.id,
    decisionNo: a.decision_no,
    decisionOn: a.decision_on,
    caseRef: a.case_ref,
    employerId: a.employer_id,
    employerName: a.employer_name,
    projectId: a.project_id,
    arrearsFen: Number(a.arrears_fen),
    totalFen: Number(a.total_fen),
    depositShortfallNote: a.deposit_shortfall_note,
    higherApprovalRef: a.higher_approval_ref,
    paidOn: a.paid_on,
    recoveredFen: Number(a.recovered_fen),
    outstandingFen: a.outstandingFen,
    lines: a.lines.map((l) => ({ workerId: l.worker_id, workerName: l.worker_name, amountFen: Number(l.amount_fen) })),
    recoveries: a.recoveries.map((r) => ({ id: r.id, amountFen: Number(r.amount_fen), recoveredOn: r.recovered_on, reference: r.reference, recordedBy: r.recorded_by })),
  })),
});

export async function fundsRoutes(app: App) {
  app.get('/api/emergency-funds', {
    config: { access: 'funds.read' },
    schema: { tags: ['funds'], summary: '辖区应急周转金 / emergency funds in the jurisdiction', response: withProblems({ 200: Type.Array(Type.Object(FundSummary, Strict)) }) },
    handler: async (req) =>
      (await service.listFunds(req.ctx)).map((f) => ({ id: f.row.id, regionCode: f.row.region_code, regionName: f.row.region_name, name: f.row.name, level: f.level, balanceFen: Number(f.row.balance_fen), size: f.size })),
  });

  app.post('/api/emergency-funds', {
    config: { access: 'funds.write' },
    schema: {
      tags: ['funds'],
      summary: '设立应急周转金（市、县级） / set up a fund',
      body: Type.Object({ regionCode: RegionCode, name: Text(100) }, Strict),
      response: withProblems({ 201: Fund }),
    },
    handler: async (req, reply) => reply.code(201).send(present(await service.createFund(req.ctx, req.body))),
  });

  app.get('/api/emergency-funds/:id', {
    config: { access: 'funds.read' },
    schema: { tags: ['funds'], summary: '周转金余额、对账、收支与垫付 / balance, reconciliation, movements, advances', params: IdParams, response: withProblems({ 200: Fund }) },
    handler: async (req) => present(await service.getFund(req.ctx, req.params.id)),
  });

  app.post('/api/emergency-funds/:id/movements', {
    config: { access: 'funds.write' },
    schema: {
      tags: ['funds'],
      summary: '登记财政注资或利息 / record a budget injection or interest',
      params: IdParams,
      body: Type.Object({ kind: StringEnum(['injection', 'interest'] as const), amountFen: Amount, onDate: DateOnly, reference: Text(100) }, Strict),
      response: withProblems({ 201: Fund }),
    },
    handler: async (req, reply) => reply.code(201).send(present(await service.recordMovement(req.ctx, req.params.id, req.body))),
  });

  app.post('/api/emergency-funds/:id/advances', {
    config: { access: 'funds.write', idempotent: true },
    schema: {
      tags: ['funds'],
      summary: '垫付（EMF-01：每人不超过月最低工资，总额不超过欠薪20%，经批准可提高） / advance to listed workers',
      params: IdParams,
      body: Type.Object(
        {
          decisionNo: Text(64),
          decisionOn: DateOnly,
          caseRef: Text(100),
          employerId: Uuid,
          projectId: Type.Optional(Nullable(Uuid)),
          arrearsFen: Amount,
          depositShortfallNote: Type.String({ minLength: 2, maxLength: 300, description: '保证金不足以支付的情况（先动用保证金）' }),
          higherApprovalRef: Type.Optional(Nullable(Text(100))),
          paidOn: DateOnly,
          lines: Type.Array(Type.Object({ workerId: Uuid, amountFen: Amount }, Strict), { minItems: 1, maxItems: 2000 }),
        },
        Strict,
      ),
      response: withProblems({ 201: Fund }),
    },
    handler: async (req, reply) => reply.code(201).send(present(await service.advance(req.ctx, req.params.id, req.body))),
  });

  app.post('/api/fund-advances/:id/recoveries', {
    config: { access: 'funds.write' },
    schema: {
      tags: ['funds'],
      summary: '登记向用人单位追偿收回 / record a recovery from the liable employer',
      params: IdParams,
      body: Type.Object({ amountFen: Amount, recoveredOn: DateOnly, reference: Text(100) }, Strict),
      response: withProblems({ 201: Fund }),
    },
    handler: async (req, reply) => reply.code(201).send(present(await service.recoverAdvance(req.ctx, req.params.id, req.body))),
  });
}
