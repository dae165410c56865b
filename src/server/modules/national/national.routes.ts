import { Type } from '@sinclair/typebox';
import { Bilingual, DateOnly, IdParams, Nullable, Strict, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { EventCounts } from '../attendance';
import * as service from './national.service';

// The platform's structures are documented in docs/national-standard.md; here they pass through whole.
const Structure = Type.Object({}, { additionalProperties: true });
const Structures = Type.Array(Structure);

const Link = Type.Object(
  {
    projectCode: Nullable(Type.String()),
    secretSet: Type.Boolean({ description: '是否已设置平台密钥（密钥本身从不返回）' }),
    teams: Type.Array(Type.Object({ teamId: Type.String(), name: Type.String(), employerName: Type.String(), teamSysNo: Nullable(Type.Integer()) }, Strict)),
  },
  Strict,
);

export async function nationalRoutes(app: App) {
  app.get('/api/projects/:id/national-link', {
    config: { access: 'projects.read' },
    schema: { tags: ['national'], summary: '全国平台对接信息 / the project’s national platform link', params: IdParams, response: withProblems({ 200: Link }) },
    handler: async (req) => service.getLink(req.ctx, req.params.id),
  });

  app.put('/api/projects/:id/national-link', {
    config: { access: 'projects.write' },
    schema: {
      tags: ['national'],
      summary: '设置全国平台项目编码、密钥与班组编号 / set the national project code, secret and team numbers',
      description: 'secret: omit to keep the one held, null to forget it. Audited; the secret is stored encrypted and never returned.',
      params: IdParams,
      body: Type.Object(
        {
          projectCode: Nullable(Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]+$' })),
          secret: Type.Optional(Nullable(Type.String({ minLength: 16, maxLength: 32 }))),
          teams: Type.Optional(Type.Array(Type.Object({ teamId: Uuid, teamSysNo: Nullable(Type.Integer({ minimum: 1, maximum: 999_999_999_999_999 })) }, Strict), { maxItems: 500 })),
        },
        Strict,
      ),
      response: withProblems({ 200: Link }),
    },
    handler: async (req) => service.setLink(req.ctx, req.params.id, req.body),
  });

  app.post('/api/projects/:id/national-export', {
    config: { access: 'national.export', personalData: true },
    schema: {
      tags: ['national'],
      summary: '按全国平台数据标准导出项目数据（完整证件号，留痕） / export a project in the national structures (full values, audited)',
      description:
        'Project.Add, ProjectSubContractor.Add, Team.Add, ProjectWorker.Add, WorkerEntryExit.Add and WorkerAttendance.Add bodies for the period (at most 31 days); ID and card numbers encrypted with the project’s platform secret.',
      params: IdParams,
      body: Type.Object({ from: DateOnly, to: DateOnly, reason: Type.String({ minLength: 4, maxLength: 200 }) }, Strict),
      response: withProblems({
        200: Type.Object(
          {
            projectCode: Type.String(),
            from: DateOnly,
            to: DateOnly,
            project: Structure,
            participants: Structures,
            teams: Structures,
            projectWorkers: Structures,
            entryExits: Structures,
            attendance: Structures,
            teamsWithoutSysNo: Type.Integer({ description: '尚未登记全国平台班组编号的班组数' }),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => service.exportProject(req.ctx, req.params.id, req.body),
  });

  app.post('/api/national/worker-attendance', {
    config: { access: 'attendance.ingest' },
    schema: {
      tags: ['national'],
      summary: '接收全国平台标准考勤（WorkerAttendance.Add） / receive attendance in the national structure',
      description:
        'Bearer device key bound to the project. Body as WorkerAttendance.Add; idCardNumber encrypted with the project’s platform secret (AES-CBC). Items that do not read are reported by index; a re-sent body adds nothing.',
      body: Type.Object({ projectCode: Type.String({ minLength: 1, maxLength: 64 }), dataList: Type.Array(Structure, { minItems: 1, maxItems: 2000 }) }, { additionalProperties: true }),
      response: withProblems({
        200: Type.Object(
          {
            ...EventCounts,
            rejected: Type.Array(Type.Object({ index: Nullable(Type.Integer()), field: Type.String(), message: Bilingual }, Strict)),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => service.receiveAttendance(req.ctx, req.body),
  });
}
