import { Type } from '@sinclair/typebox';
import { Nullable, Paged, PageQuery, Strict, Timestamp, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import type { AuditRow } from '../../platform/audit/audit';
import * as service from './audit.service';


const AuditRecord = Type.Object(
  {
    seq: Type.Integer(),
    at: Timestamp,
    actorName: Type.String(),
    actorRole: Nullable(Type.String()),
    action: Type.String(),
    objectType: Type.String(),
    objectId: Nullable(Type.String()),
    result: Type.String(),
    before: Type.Unknown(),
    after: Type.Unknown(),
    reason: Nullable(Type.String()),
    requestId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    hash: Type.String(),
  },
  Strict,
);

const present = (r: AuditRow) => ({
  seq: Number(r.seq),
  at: new Date(r.at).toISOString(),
  actorName: r.actor_name,
  actorRole: r.actor_role,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  result: r.result,
  before: r.before,
  after: r.after,
  reason: r.reason,
  requestId: r.request_id,
  ip: r.ip,
  hash: r.hash,
});

const ChainReport = Type.Object(
  {
    ok: Type.Boolean(),
    checked: Type.Integer(),
    headSeq: Type.Integer(),
    firstBrokenSeq: Nullable(Type.Integer()),
    problem: Nullable(Type.String()),
    anchorsChecked: Type.Integer(),
  },
  Strict,
);

export async function auditRoutes(app: App) {
  app.get('/api/audit', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: '审计日志 / audit log',
      querystring: Type.Object(
        {
          ...PageQuery,
          actorName: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 64 })),
          objectType: Type.Optional(Type.String({ maxLength: 40 })),
          objectId: Type.Optional(Type.String({ maxLength: 64 })),
          result: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['success', 'failure'] })),
          from: Type.Optional(Timestamp),
          to: Type.Optional(Timestamp),
        },
        Strict,
      ),
      response: withProblems({ 200: Paged(AuditRecord) }),
    },
    handler: async (req) => {
      const page = await service.listAudit(req.ctx, { page: 1, pageSize: 20, ...req.query });
      return { ...page, items: page.items.map(present) };
    },
  });

  app.get('/api/audit/verify', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: '校验审计链 / verify the audit chain', response: withProblems({ 200: ChainReport }) },
    handler: async (req) => service.verifyChain(req.ctx),
  });
}
