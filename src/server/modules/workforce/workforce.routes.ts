import { Type } from '@sinclair/typebox';
import { shanghaiDate } from '../../platform/calendar';
import { attachmentDisposition, ImportReport, sendXlsx } from '../../platform/http/files';
import { DateOnly, IdParams, Nullable, Paged, PageQuery, Strict, StringEnum, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { readUpload } from '../../platform/http/upload';
import { IMPORT_MODES } from '../../platform/import-run';
import { CONTRACT_KINDS, TRADES, WAGE_TYPES } from './workforce.codes';
import { exportRoster, importRoster } from './workforce.import';
import { RosterEntry, Team, WorkerProfile, WorkerSummary, presentRosterEntry, presentTeam, presentWorkerProfile, presentWorkerSummary } from './workforce.presenter';
import * as service from './workforce.service';

const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const EmploymentParams = Type.Object({ id: Uuid, employmentId: Uuid }, Strict);

const WorkerBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 30 }),
    idNumber: Type.String({ minLength: 15, maxLength: 18, description: '居民身份证号' }),
    phone: Opt(Type.String({ maxLength: 11 })),
    bankCard: Opt(Type.String({ maxLength: 23 })),
    bankId: Opt(Uuid),
    ethnicity: Opt(Type.String({ maxLength: 10 })),
    nativePlace: Opt(Type.String({ maxLength: 60 })),
    education: Opt(Type.String({ maxLength: 20 })),
  },
  Strict,
);

export async function workforceRoutes(app: App) {
  const today = (req: { ctx: { clock: { now(): Date } } }) => shanghaiDate(req.ctx.clock.now());

  app.get('/api/workers', {
    config: { access: 'workforce.read' },
    schema: {
      tags: ['workforce'],
      summary: '农民工查询（姓名或脱敏身份证号） / find workers by name or masked ID',
      querystring: Type.Object({ ...PageQuery, q: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })) }, Strict),
      response: withProblems({ 200: Paged(WorkerSummary) }),
    },
    handler: async (req) => {
      const page = await service.listWorkers(req.ctx, { page: 1, pageSize: 20, ...req.query });
      return { ...page, items: page.items.map(presentWorkerSummary) };
    },
  });

  // Exact lookups go through the blind index; a POST keeps the number out of URLs and logs.
  app.post('/api/workers/search', {
    config: { access: 'workforce.read', personalData: true },
    schema: {
      tags: ['workforce'],
      summary: '按完整身份证号或手机号精确查询 / exact lookup by ID number or phone',
      body: Type.Union([
        Type.Object({ idNumber: Type.String({ minLength: 15, maxLength: 18 }) }, Strict),
        Type.Object({ phone: Type.String({ minLength: 11, maxLength: 11 }) }, Strict),
      ]),
      response: withProblems({ 200: Paged(WorkerSummary) }),
    },
    handler: async (req) => {
      const page = await service.listWorkers(req.ctx, { page: 1, pageSize: 20, ...req.body });
      return { ...page, items: page.items.map(presentWorkerSummary) };
    },
  });

  app.get('/api/workers/:id', {
    config: { access: 'workforce.read', personalData: true },
    schema: { tags: ['workforce'], summary: '农民工档案（跨项目） / worker profile across projects', params: IdParams, response: withProblems({ 200: WorkerProfile }) },
    handler: async (req) => presentWorkerProfile(await service.getWorker(req.ctx, req.params.id), req.ctx.actor, today(req)),
  });

  app.post('/api/workers/:id/reveal', {
    config: { access: 'pii.view_full', personalData: true },
    schema: {
      tags: ['workforce'],
      summary: '查看完整个人信息（留痕） / reveal a personal-data field (audited)',
      params: IdParams,
      body: Type.Object({ field: StringEnum(['idNumber', 'phone', 'bankCard'] as const), reason: Type.String({ minLength: 4, maxLength: 200 }) }, Strict),
      response: withProblems({ 200: Type.Object({ field: Type.String(), value: Nullable(Type.String()) }, Strict) }),
    },
    handler: async (req) => service.revealWorkerField(req.ctx, req.params.id, req.body.field, req.body.reason),
  });

  app.get('/api/projects/:id/teams', {
    config: { access: 'workforce.read' },
    schema: { tags: ['workforce'], summary: '班组 / teams', params: IdParams, response: withProblems({ 200: Type.Array(Team) }) },
    handler: async (req) => (await service.listTeams(req.ctx, req.params.id)).map(presentTeam),
  });

  app.post('/api/projects/:id/teams', {
    config: { access: 'workforce.write' },
    schema: {
      tags: ['workforce'],
      summary: '新建班组 / add a team',
      params: IdParams,
      body: Type.Object({ employerId: Uuid, name: Type.String({ minLength: 1, maxLength: 30 }) }, Strict),
      response: withProblems({ 200: Type.Array(Team) }),
    },
    handler: async (req) => (await service.createTeam(req.ctx, req.params.id, req.body)).map(presentTeam),
  });

  app.get('/api/projects/:id/roster', {
    config: { access: 'workforce.read' },
    schema: {
      tags: ['workforce'],
      summary: '项目花名册 / project roster',
      params: IdParams,
      querystring: Type.Object(
        {
          ...PageQuery,
          teamId: Type.Optional(Uuid),
          employerId: Type.Optional(Uuid),
          status: Type.Optional(StringEnum(['open', 'exited', 'all'] as const)),
          q: Type.Optional(Type.String({ maxLength: 30 })),
        },
        Strict,
      ),
      response: withProblems({ 200: Paged(RosterEntry) }),
    },
    handler: async (req) => {
      const page = await service.listRoster(req.ctx, req.params.id, { page: 1, pageSize: 20, ...req.query });
      return { ...page, items: page.items.map((e) => presentRosterEntry(e, today(req))) };
    },
  });

  app.post('/api/projects/:id/employments', {
    config: { access: 'workforce.write' },
    schema: {
      tags: ['workforce'],
      summary: '实名登记并进场 / register a worker on the roster',
      params: IdParams,
      body: Type.Object(
        {
          worker: WorkerBody,
          employerId: Uuid,
          teamId: Opt(Uuid),
          teamName: Opt(Type.String({ minLength: 1, maxLength: 30 })),
          isTeamLeader: Type.Optional(Type.Boolean()),
          trade: StringEnum(Object.keys(TRADES), '工种代码'),
          entryDate: DateOnly,
          wageType: StringEnum(Object.keys(WAGE_TYPES)),
          wageAmountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
          contractKind: StringEnum(Object.keys(CONTRACT_KINDS)),
          contractSignedOn: DateOnly,
          safetyTrainingOn: DateOnly,
        },
        Strict,
      ),
      response: withProblems({ 201: RosterEntry }),
    },
    handler: async (req, reply) => reply.code(201).send(presentRosterEntry(await service.registerEmployment(req.ctx, req.params.id, req.body), today(req))),
  });

  app.post('/api/projects/:id/employments/:employmentId/exit', {
    config: { access: 'workforce.write' },
    schema: {
      tags: ['workforce'],
      summary: '退场 / record an exit',
      params: EmploymentParams,
      body: Type.Object({ exitDate: DateOnly, version: Type.Integer({ minimum: 1 }) }, Strict),
      response: withProblems({ 200: RosterEntry }),
    },
    handler: async (req) => presentRosterEntry(await service.recordExit(req.ctx, req.params.id, req.params.employmentId, req.body), today(req)),
  });

  app.put('/api/projects/:id/employments/:employmentId/contract', {
    config: { access: 'workforce.write' },
    schema: { tags: ['workforce'], summary: '上传劳动合同 / upload the labour contract', params: EmploymentParams, response: withProblems({ 204: Type.Null() }) },
    handler: async (req, reply) => {
      await service.uploadContract(req.ctx, req.params.id, req.params.employmentId, await readUpload(req));
      return reply.code(204).send(null);
    },
  });

  app.get('/api/projects/:id/employments/:employmentId/contract', {
    config: { access: 'workforce.read', personalData: true },
    schema: { tags: ['workforce'], summary: '劳动合同文件（留痕） / the labour contract (audited)', params: EmploymentParams },
    handler: async (req, reply) => {
      const file = await service.readContract(req.ctx, req.params.id, req.params.employmentId);
      return reply.header('content-type', file.mime).header('content-disposition', attachmentDisposition(file.name)).send(file.content);
    },
  });

  app.post('/api/projects/:id/roster/import', {
    config: { access: 'workforce.write' },
    schema: {
      tags: ['workforce'],
      summary: '导入花名册 / import the roster',
      description: 'multipart/form-data with one .xlsx file; mode as for the project ledger import.',
      params: IdParams,
      querystring: Type.Object({ mode: Type.Optional(StringEnum(IMPORT_MODES)) }, Strict),
      response: withProblems({ 200: ImportReport }),
    },
    handler: async (req) => importRoster(req.ctx, req.params.id, await readUpload(req), req.query.mode ?? 'strict'),
  });

  app.get('/api/projects/:id/roster/export', {
    config: { access: 'workforce.read' },
    schema: { tags: ['workforce'], summary: '导出花名册（亦为导入模板） / export the roster (also the template)', params: IdParams },
    handler: async (req, reply) => {
      const { name, stream } = await exportRoster(req.ctx, req.params.id);
      return sendXlsx(reply, name, stream);
    },
  });
}
