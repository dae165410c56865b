import { Type } from '@sinclair/typebox';
import { Bilingual, DateOnly, IdParams, Nullable, PageQuery, Paged, RegionCode, RegionQuery, Strict, StringEnum, Timestamp, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { readUpload } from '../../platform/http/upload';
import { battleMap, riskScore } from './warnings.dashboard';
import { presentFactors, presentWarningDetail, presentWarningItem } from './warnings.presenter';
import * as service from './warnings.service';
import { listRiskSignals, recordRiskSignals } from './warnings.signals';

const Level = StringEnum(['yellow', 'orange', 'red'] as const);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Json = Type.Record(Type.String(), Type.Unknown());

const WarningItem = Type.Object(
  {
    id: Type.String(),
    ruleCode: Type.String(),
    ruleName: Bilingual,
    level: Type.String(),
    status: Type.String(),
    statusLabel: Bilingual,
    subjectKind: Type.String(),
    projectId: Nullable(Type.String()),
    projectName: Nullable(Type.String()),
    enterpriseId: Nullable(Type.String()),
    enterpriseName: Nullable(Type.String()),
    regionCode: Type.String(),
    regionName: Type.String(),
    raisedAt: Timestamp,
    dueOn: Nullable(DateOnly),
    overdue: Type.Boolean(),
    escalations: Type.Integer(),
    ladderStep: Type.String(),
    ladderStepLabel: Bilingual,
    handlingUnitName: Nullable(Type.String()),
    summary: Bilingual,
  },
  Strict,
);

const Unit = Type.Object({ id: Type.String(), name: Type.String() }, Strict);

const WarningDetail = Type.Composite(
  [
    WarningItem,
    Type.Object(
      {
        watches: Bilingual,
        source: Bilingual,
        ruleRef: Type.String(),
        evidence: Json,
        evidenceLabels: Type.Record(Type.String(), Bilingual),
        resolution: Nullable(Json),
        leadUnit: Nullable(Unit),
        assistUnits: Type.Array(Unit),
        handlingUnit: Nullable(Unit),
        acknowledgedAt: Nullable(Timestamp),
        acknowledgedBy: Nullable(Type.String()),
        disposedAt: Nullable(Timestamp),
        closedAt: Nullable(Timestamp),
        closedBy: Nullable(Type.String()),
        resolvedAt: Nullable(Timestamp),
        rowVersion: Type.Integer(),
        events: Type.Array(
          Type.Object(
            {
              id: Type.String(),
              at: Timestamp,
              kind: Type.String(),
              kindLabel: Bilingual,
              actorName: Type.String(),
              fromStatus: Nullable(Type.String()),
              toStatus: Nullable(Type.String()),
              note: Nullable(Type.String()),
              data: Nullable(Json),
              files: Type.Array(Unit),
            },
            Strict,
          ),
        ),
        proposals: Type.Array(
          Type.Object(
            {
              id: Type.String(),
              consequence: Type.String(),
              consequenceLabel: Bilingual,
              proposedAt: Timestamp,
              status: Type.String(),
              decidedBy: Nullable(Type.String()),
              decidedAt: Nullable(Timestamp),
              note: Nullable(Type.String()),
            },
            Strict,
          ),
        ),
        allowedActions: Type.Array(Type.String()),
      },
      Strict,
    ),
  ],
  Strict,
);

const Note = Type.Object({ note: Text(500) }, Strict);
const Measures = Type.Object({ measures: Text(2000), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })) }, Strict);

const ScanSummary = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    raised: Type.Integer(),
    updated: Type.Integer(),
    resolved: Type.Integer(),
    rules: Type.Array(Type.Object({ code: Type.String(), raised: Type.Integer(), updated: Type.Integer(), resolved: Type.Integer(), ms: Type.Integer() }, Strict)),
  },
  Strict,
);

const ScoredProject = Type.Object(
  {
    projectId: Type.String(),
    name: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    townshipName: Nullable(Type.String()),
    score: Type.Integer(),
    topLevel: Nullable(Type.String()),
    openWarnings: Type.Integer(),
  },
  Strict,
);

const LevelCounts = { red: Type.Integer(), orange: Type.Integer(), yellow: Type.Integer() };

const BattleMap = Type.Object(
  {
    regionCode: Type.String(),
    regionName: Type.String(),
    asOf: Timestamp,
    counts: Type.Object(
      {
        open: Type.Integer(),
        ...LevelCounts,
        overdue: Type.Integer(),
        escalated: Type.Integer(),
        closedThisWeek: Type.Integer(),
        resolvedThisWeek: Type.Integer(),
      },
      Strict,
    ),
    byRule: Type.Array(Type.Object({ ruleCode: Type.String(), ruleName: Bilingual, ...LevelCounts }, Strict)),
    byRegion: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), open: Type.Integer(), ...LevelCounts, overdue: Type.Integer() }, Strict)),
    trend: Type.Array(Type.Object({ week: DateOnly, raised: Type.Integer(), closed: Type.Integer(), resolved: Type.Integer() }, Strict)),
    overdue: Type.Array(WarningItem),
    topProjects: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), regionName: Type.String(), score: Type.Integer(), openWarnings: Type.Integer(), topLevel: Nullable(Type.String()) }, Strict)),
    topEnterprises: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), score: Type.Integer(), openWarnings: Type.Integer() }, Strict)),
    map: Type.Array(ScoredProject),
  },
  Strict,
);

const RiskScore = Type.Object(
  {
    subjectKind: Type.String(),
    subjectId: Type.String(),
    score: Type.Integer(),
    computedAt: Timestamp,
    factors: Type.Array(Type.Object({ code: Type.String(), label: Bilingual, count: Type.Integer(), points: Type.Integer() }, Strict)),
  },
  Strict,
);

export async function warningsRoutes(app: App) {
  app.get('/api/warnings', {
    config: { access: 'warnings.read' },
    schema: {
      tags: ['warnings'],
      summary: '预警列表 / warnings',
      querystring: Type.Object(
        {
          regionCode: Type.Optional(RegionCode),
          level: Type.Optional(Level),
          status: Type.Optional(StringEnum(['open', 'overdue', 'closed', 'resolved', 'all'] as const)),
          ruleCode: Type.Optional(Type.String({ pattern: '^W[0-9]{2}$' })),
          projectId: Type.Optional(Uuid),
          enterpriseId: Type.Optional(Uuid),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
          ...PageQuery,
        },
        Strict,
      ),
      response: withProblems({ 200: Paged(WarningItem) }),
    },
    handler: async (req) => {
      const r = await service.listWarnings(req.ctx, req.query);
      return { items: r.rows.map(presentWarningItem), total: r.total, page: r.page, pageSize: r.pageSize };
    },
  });

  app.get('/api/warnings/dashboard', {
    config: { access: 'dashboard.read' },
    schema: { tags: ['warnings'], summary: '挂图作战 / battle map of a region', querystring: RegionQuery, response: withProblems({ 200: BattleMap }) },
    handler: async (req) => {
      const m = await battleMap(req.ctx, req.query);
      const map = m.projects.map((p) => ({
        projectId: p.id,
        name: p.name,
        regionCode: p.region_code,
        regionName: p.region_name,
        townshipName: p.township_name,
        score: p.score,
        topLevel: p.top_level,
        openWarnings: p.open_warnings,
      }));
      return {
        regionCode: m.region.code,
        regionName: m.region.name,
        asOf: m.asOf.toISOString(),
        counts: m.counts as never,
        byRule: m.byRule.map((r) => ({ ruleCode: r.rule_code, ruleName: r.ruleName, red: r.red, orange: r.orange, yellow: r.yellow })),
        byRegion: m.byRegion,
        trend: m.trend,
        overdue: m.overdue.map(presentWarningItem),
        topProjects: m.projects.slice(0, 10).map((p) => ({ id: p.id, name: p.name, regionName: p.region_name, score: p.score, openWarnings: p.open_warnings, topLevel: p.top_level })),
        topEnterprises: m.enterprises.map((e) => ({ id: e.id, name: e.name, score: e.score, openWarnings: e.open_warnings })),
        map,
      };
    },
  });

  app.post('/api/warnings/scan', {
    config: { access: 'warnings.scan' },
    schema: { tags: ['warnings'], summary: '立即扫描本辖区 / scan the projects of my region now', body: Type.Optional(Type.Object({}, Strict)), response: withProblems({ 200: ScanSummary }) },
    handler: async (req) => {
      const r = await service.scanMyRegion(req.ctx);
      return { id: r.id, kind: r.kind, raised: r.raised, updated: r.updated, resolved: r.resolved, rules: r.rules };
    },
  });

  app.get('/api/warning-rules', {
    config: { access: 'warnings.read' },
    schema: {
      tags: ['warnings'],
      summary: '预警规则目录 / the rule catalogue, with the parameter values of the caller’s region',
      querystring: RegionQuery,
      response: withProblems({
        200: Type.Object(
          {
            items: Type.Array(
              Type.Object(
                {
                  code: Type.String(),
                  name: Bilingual,
                  watches: Bilingual,
                  subject: Type.String(),
                  levels: Type.Array(Type.String()),
                  source: Bilingual,
                  ruleRef: Type.String(),
                  consequences: Type.Array(Type.String()),
                  params: Type.Array(Type.Object({ id: Type.String(), name: Bilingual, value: Type.Unknown(), unit: Nullable(Bilingual) }, Strict)),
                },
                Strict,
              ),
            ),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => ({ items: await service.listRuleCatalogue(req.ctx, req.query) }),
  });

  app.get('/api/warnings/:id', {
    config: { access: 'warnings.read' },
    schema: { tags: ['warnings'], summary: '预警详情 / a warning', params: IdParams, response: withProblems({ 200: WarningDetail }) },
    handler: async (req) => presentWarningDetail(await service.getWarning(req.ctx, req.params.id)),
  });

  app.post('/api/warnings/:id/acknowledge', {
    config: { access: 'warnings.handle' },
    schema: { tags: ['warnings'], summary: '签收 / acknowledge', params: IdParams, body: Type.Object({ note: Type.Optional(Text(500)) }, Strict), response: withProblems({ 200: WarningDetail }) },
    handler: async (req) => presentWarningDetail(await service.acknowledgeWarning(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/warnings/:id/disposal', {
    config: { access: 'warnings.handle' },
    schema: { tags: ['warnings'], summary: '记录处置措施 / record the disposal', params: IdParams, body: Measures, response: withProblems({ 200: WarningDetail }) },
    handler: async (req) => presentWarningDetail(await service.recordDisposal(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/warnings/:id/response', {
    config: { access: 'warnings.respond' },
    schema: { tags: ['warnings'], summary: '企业整改反馈 / the company’s response', params: IdParams, body: Measures, response: withProblems({ 200: WarningDetail }) },
    handler: async (req) => presentWarningDetail(await service.respondToWarning(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/warnings/:id/verify', {
    config: { access: 'warnings.verify' },
    schema: { tags: ['warnings'], summary: '核验销号 / verify and close', params: IdParams, body: Note, response: withProblems({ 200: WarningDetail }) },
    handler: async (req) => presentWarningDetail(await service.verifyWarning(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/warnings/:id/reject', {
    config: { access: 'warnings.verify' },
    schema: { tags: ['warnings'], summary: '核验不通过 / send the disposal back', params: IdParams, body: Note, response: withProblems({ 200: WarningDetail }) },
    handler: async (req) => presentWarningDetail(await service.rejectDisposal(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/warnings/:id/dispatch', {
    config: { access: 'warnings.decide' },
    schema: {
      tags: ['warnings'],
      summary: '分派/改派 / dispatch to a unit',
      params: IdParams,
      body: Type.Object({ unitId: Uuid, note: Type.Optional(Text(500)) }, Strict),
      response: withProblems({ 200: WarningDetail }),
    },
    handler: async (req) => presentWarningDetail(await service.dispatchWarning(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/warnings/:id/proposals/:proposalId/decision', {
    config: { access: 'warnings.decide' },
    schema: {
      tags: ['warnings'],
      summary: '处理建议决定 / decide a proposed consequence',
      params: Type.Object({ id: Uuid, proposalId: Uuid }, Strict),
      body: Type.Object({ decision: StringEnum(['accepted', 'declined'] as const), note: Text(500) }, Strict),
      response: withProblems({ 200: WarningDetail }),
    },
    handler: async (req) => presentWarningDetail(await service.decideProposal(req.ctx, req.params.id, req.params.proposalId, req.body)),
  });

  app.post('/api/warnings/:id/files', {
    config: { access: 'warnings.read' },
    schema: { tags: ['warnings'], summary: '上传处置附件 / attach a file', params: IdParams, response: withProblems({ 201: Unit }) },
    handler: async (req, reply) => reply.code(201).send(await service.attachFile(req.ctx, req.params.id, () => readUpload(req))),
  });

  app.get('/api/warnings/:id/files/:fileId', {
    config: { access: 'warnings.read' },
    schema: { tags: ['warnings'], summary: '处置附件 / an attachment', params: Type.Object({ id: Uuid, fileId: Uuid }, Strict) },
    handler: async (req, reply) => {
      const file = await service.readAttachment(req.ctx, req.params.id, req.params.fileId);
      return reply.header('content-type', file.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.content);
    },
  });

  app.get('/api/risk-scores/:kind/:id', {
    config: { access: 'warnings.read' },
    schema: {
      tags: ['warnings'],
      summary: '风险分及构成 / a risk score and its factors',
      params: Type.Object({ kind: StringEnum(['project', 'enterprise'] as const), id: Uuid }, Strict),
      response: withProblems({ 200: RiskScore }),
    },
    handler: async (req) => {
      const r = await riskScore(req.ctx, req.params.kind, req.params.id);
      return { subjectKind: req.params.kind, subjectId: req.params.id, score: r.score, computedAt: r.computed_at.toISOString(), factors: presentFactors(r.factors) };
    },
  });

  const Signal = Type.Object(
    {
      creditCode: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' }),
      kind: StringEnum(['water', 'power', 'gas', 'tax', 'social_insurance'] as const),
      source: Text(60),
      sourceRef: Text(100),
      period: DateOnly,
      overdueFen: Type.Integer({ minimum: 0, maximum: 100_000_000_000_00 }),
      overdueMonths: Type.Integer({ minimum: 0, maximum: 240 }),
      clearedOn: Type.Optional(Nullable(DateOnly)),
    },
    Strict,
  );

  app.post('/api/enterprise-risk-signals', {
    config: { access: 'signals.write' },
    schema: {
      tags: ['warnings'],
      summary: '报送企业经营风险信号（水电气、税务、社保欠费） / record operating-risk signals',
      body: Type.Object({ signals: Type.Array(Signal, { minItems: 1, maxItems: 1000 }) }, Strict),
      response: withProblems({ 200: Type.Object({ received: Type.Integer(), inserted: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }, Strict) }),
    },
    handler: async (req) => recordRiskSignals(req.ctx, req.body),
  });

  app.get('/api/enterprise-risk-signals', {
    config: { access: 'warnings.read' },
    schema: {
      tags: ['warnings'],
      summary: '企业经营风险信号 / operating-risk signals',
      querystring: Type.Object({ enterpriseId: Type.Optional(Uuid) }, Strict),
      response: withProblems({
        200: Type.Object(
          {
            items: Type.Array(
              Type.Object(
                {
                  id: Type.String(),
                  enterpriseId: Type.String(),
                  enterpriseName: Type.String(),
                  kind: Type.String(),
                  source: Type.String(),
                  sourceRef: Type.String(),
                  period: DateOnly,
                  overdueFen: Type.Integer(),
                  overdueMonths: Type.Integer(),
                  clearedOn: Nullable(DateOnly),
                  receivedAt: Timestamp,
                },
                Strict,
              ),
            ),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => ({
      items: (await listRiskSignals(req.ctx, req.query)).map((s) => ({
        id: s.id,
        enterpriseId: s.enterprise_id,
        enterpriseName: s.enterprise_name,
        kind: s.kind,
        source: s.source,
        sourceRef: s.source_ref,
        period: s.period,
        overdueFen: Number(s.overdue_fen),
        overdueMonths: s.overdue_months,
        clearedOn: s.cleared_on,
        receivedAt: s.received_at.toISOString(),
      })),
    }),
  });
}
