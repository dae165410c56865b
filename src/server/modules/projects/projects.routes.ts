import { Type } from '@sinclair/typebox';
import { DateOnly, IdParams, Nullable, Paged, PageQuery, RegionCode, Strict, StringEnum, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { readUpload } from '../../platform/http/upload';
import { IMPORT_MODES } from '../../platform/import-run';
import { ImportReport, sendXlsx } from '../../platform/http/files';
import { exportLedger, importLedger } from './projects.import';
import { ProjectDetail, ProjectSummary, presentProjectDetail, presentProjectSummary } from './projects.presenter';
import { BOARD_CONTENTS, INVESTMENT_TYPES, OWNERSHIP_TIERS, PROJECT_INDUSTRIES, PROJECT_STATUSES } from './projects.rules';
import * as service from './projects.service';

const Industry = StringEnum(Object.keys(PROJECT_INDUSTRIES) as (keyof typeof PROJECT_INDUSTRIES)[], '行业类别 / industry');
const Investment = StringEnum(Object.keys(INVESTMENT_TYPES) as (keyof typeof INVESTMENT_TYPES)[], '投资类型 / investment type');
const Tier = StringEnum(Object.keys(OWNERSHIP_TIERS) as (keyof typeof OWNERSHIP_TIERS)[], '项目分类 / class');
const Status = StringEnum(Object.keys(PROJECT_STATUSES) as (keyof typeof PROJECT_STATUSES)[], '项目状态 / status');
const Board = StringEnum(Object.keys(BOARD_CONTENTS) as (keyof typeof BOARD_CONTENTS)[]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Fen = Type.Integer({ minimum: 0, maximum: 9_000_000_000_000_000, description: '分 / fen' });

const ProjectBody = {
  name: Text(100),
  commonName: Opt(Type.String({ maxLength: 50 })),
  regionCode: RegionCode,
  address: Text(200),
  industry: Industry,
  investmentType: Investment,
  ownershipTier: Opt(Tier),
  competentUnitId: Opt(Uuid),
  contractPriceFen: Fen,
  plannedStart: DateOnly,
  plannedEnd: DateOnly,
  ownerId: Uuid,
  generalContractorId: Uuid,
  projectManagerName: Opt(Type.String({ maxLength: 30 })),
  projectManagerIdNumber: Opt(Type.String({ maxLength: 18 })),
  chiefSupervisorName: Opt(Type.String({ maxLength: 30 })),
  chiefSupervisorIdNumber: Opt(Type.String({ maxLength: 18 })),
  laborOfficerName: Opt(Type.String({ maxLength: 30 })),
  laborOfficerPhone: Opt(Type.String({ maxLength: 11 })),
  boardSetUp: Type.Optional(Type.Boolean()),
  boardContents: Type.Optional(Type.Array(Board, { uniqueItems: true })),
  payday: Opt(Type.Integer({ minimum: 1, maximum: 31 })),
  laborCostShareBp: Opt(Type.Integer({ minimum: 0, maximum: 10000 })),
  allocationCycleMonths: Opt(Type.Integer({ minimum: 1, maximum: 12 })),
  meteringCycle: Opt(Type.String({ maxLength: 50 })),
  settlementMethod: Opt(Type.String({ maxLength: 100 })),
  paymentGuarantee: Type.Optional(Type.Boolean()),
  fundsInPlace: Opt(Type.Boolean()),
};

const ListQuery = {
  q: Type.Optional(Type.String({ maxLength: 50 })),
  regionCode: Type.Optional(RegionCode),
  industry: Type.Optional(Industry),
  investmentType: Type.Optional(Investment),
  ownershipTier: Type.Optional(Tier),
  status: Type.Optional(Status),
};

export async function projectsRoutes(app: App) {
  app.get('/api/projects', {
    config: { access: 'projects.read' },
    schema: {
      tags: ['projects'],
      summary: '在建项目台账 / project ledger',
      querystring: Type.Object({ ...PageQuery, ...ListQuery }, Strict),
      response: withProblems({ 200: Paged(ProjectSummary) }),
    },
    handler: async (req) => {
      const page = await service.listProjects(req.ctx, { page: 1, pageSize: 20, ...req.query });
      return { ...page, items: page.items.map(presentProjectSummary) };
    },
  });

  app.get('/api/projects/export', {
    config: { access: 'projects.read' },
    schema: { tags: ['projects'], summary: '导出在建项目台账（附件2） / export the ledger (.xlsx)', querystring: Type.Object(ListQuery, Strict) },
    handler: async (req, reply) => {
      const stream = await exportLedger(req.ctx, req.query, req.ctx.actor.name);
      return sendXlsx(reply, '在建项目台账.xlsx', stream);
    },
  });

  app.post('/api/projects/import', {
    config: { access: 'projects.write' },
    schema: {
      tags: ['projects'],
      summary: '导入在建项目台账（附件2） / import the ledger',
      description: 'multipart/form-data with one .xlsx file. mode=check validates only; strict (default) imports all rows or none; valid imports the rows without problems.',
      querystring: Type.Object({ mode: Type.Optional(StringEnum(IMPORT_MODES)) }, Strict),
      response: withProblems({ 200: ImportReport }),
    },
    handler: async (req) => importLedger(req.ctx, await readUpload(req), req.query.mode ?? 'strict'),
  });

  app.get('/api/projects/:id', {
    config: { access: 'projects.read', personalData: true },
    schema: { tags: ['projects'], params: IdParams, response: withProblems({ 200: ProjectDetail }) },
    handler: async (req) => presentProjectDetail(await service.getProjectDetail(req.ctx, req.params.id), req.ctx.actor, req.ctx.cipher),
  });

  app.post('/api/projects', {
    config: { access: 'projects.write' },
    schema: {
      tags: ['projects'],
      summary: '登记在建项目 / register a project',
      body: Type.Object(
        { ...ProjectBody, code: Opt(Type.String({ pattern: '^[0-9A-Za-z-]{6,40}$' })), status: Type.Optional(StringEnum(['not_started', 'in_progress'] as const)), actualStart: Opt(DateOnly) },
        Strict,
      ),
      response: withProblems({ 201: ProjectDetail }),
    },
    handler: async (req, reply) => {
      const created = await service.createProject(req.ctx, req.body);
      return reply.code(201).send(presentProjectDetail(await service.getProjectDetail(req.ctx, created.id), req.ctx.actor, req.ctx.cipher));
    },
  });

  app.put('/api/projects/:id', {
    config: { access: 'projects.write' },
    schema: {
      tags: ['projects'],
      summary: '修改项目信息 / update a project',
      params: IdParams,
      body: Type.Object({ ...ProjectBody, version: Type.Integer({ minimum: 1 }) }, Strict),
      response: withProblems({ 200: ProjectDetail }),
    },
    handler: async (req) => {
      await service.updateProject(req.ctx, req.params.id, req.body);
      return presentProjectDetail(await service.getProjectDetail(req.ctx, req.params.id), req.ctx.actor, req.ctx.cipher);
    },
  });

  app.post('/api/projects/:id/status', {
    config: { access: 'projects.write' },
    schema: {
      tags: ['projects'],
      summary: '变更项目状态（留存历史） / change status (kept as history)',
      params: IdParams,
      body: Type.Object({ status: Status, date: DateOnly, reason: Type.String({ minLength: 2, maxLength: 200 }), version: Type.Integer({ minimum: 1 }) }, Strict),
      response: withProblems({ 200: ProjectDetail }),
    },
    handler: async (req) => {
      await service.changeProjectStatus(req.ctx, req.params.id, req.body);
      return presentProjectDetail(await service.getProjectDetail(req.ctx, req.params.id), req.ctx.actor, req.ctx.cipher);
    },
  });

  app.post('/api/projects/:id/subcontracts', {
    config: { access: 'projects.write' },
    schema: {
      tags: ['projects'],
      summary: '登记分包 / add a subcontract',
      params: IdParams,
      body: Type.Object({ enterpriseId: Uuid, parentEnterpriseId: Uuid, scopeOfWork: Text(100), amountFen: Fen, signedOn: Opt(DateOnly) }, Strict),
      response: withProblems({ 200: ProjectDetail }),
    },
    handler: async (req) => {
      await service.addSubcontract(req.ctx, req.params.id, req.body);
      return presentProjectDetail(await service.getProjectDetail(req.ctx, req.params.id), req.ctx.actor, req.ctx.cipher);
    },
  });

  app.put('/api/projects/:id/board-photo', {
    config: { access: 'projects.write' },
    schema: { tags: ['projects'], summary: '上传维权告示牌照片 / upload the board photo', params: IdParams, response: withProblems({ 204: Type.Null() }) },
    handler: async (req, reply) => {
      await service.uploadBoardPhoto(req.ctx, req.params.id, await readUpload(req));
      return reply.code(204).send(null);
    },
  });

  app.get('/api/projects/:id/board-photo', {
    config: { access: 'projects.read' },
    schema: { tags: ['projects'], summary: '维权告示牌照片 / the board photo', params: IdParams },
    handler: async (req, reply) => {
      const file = await service.readBoardPhoto(req.ctx, req.params.id);
      return reply.header('content-type', file.mime).header('cache-control', 'private, max-age=300').send(file.content);
    },
  });

  app.post('/api/projects/:id/reveal', {
    config: { access: 'pii.view_full', personalData: true },
    schema: {
      tags: ['projects'],
      summary: '查看完整个人信息（留痕） / reveal a personal-data field (audited)',
      params: IdParams,
      body: Type.Object(
        { field: StringEnum(['laborOfficerPhone', 'projectManagerIdNumber', 'chiefSupervisorIdNumber'] as const), reason: Type.String({ minLength: 4, maxLength: 200 }) },
        Strict,
      ),
      response: withProblems({ 200: Type.Object({ field: Type.String(), value: Nullable(Type.String()) }, Strict) }),
    },
    handler: async (req) => service.revealProjectField(req.ctx, req.params.id, req.body.field, req.body.reason),
  });
}
