import { Type } from '@sinclair/typebox';
import { IdParams, Paged, PageQuery, RegionCode, Strict, StringEnum, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { ENTERPRISE_TYPES, GOV_UNIT_KINDS, INDUSTRIES } from './orgs.rules';
import { Bank, Enterprise, GovUnit, presentBank, presentEnterprise, presentGovUnit } from './orgs.presenter';
import * as service from './orgs.service';

const EnterpriseType = StringEnum(Object.keys(ENTERPRISE_TYPES), '企业类型 / enterprise type');
const Industry = StringEnum(Object.keys(INDUSTRIES), '行业 / industry');
const UnitKind = StringEnum(Object.keys(GOV_UNIT_KINDS), '部门类型 / unit kind');
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const OptionalNullable = (t: ReturnType<typeof Type.String>) => Type.Optional(Type.Union([t, Type.Null()]));

const EnterpriseBody = {
  // Length only here: the checksum is a business rule and answers with its own message.
  creditCode: Type.String({ minLength: 1, maxLength: 18, description: '统一社会信用代码' }),
  name: Text(100),
  type: EnterpriseType,
  industry: Industry,
  regionCode: RegionCode,
  legalRepName: Text(30),
  legalRepIdNumber: OptionalNullable(Type.String({ maxLength: 18 })),
  legalRepPhone: OptionalNullable(Type.String({ maxLength: 11 })),
  address: OptionalNullable(Type.String({ maxLength: 200 })),
  bankId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
};

const GovUnitBody = {
  regionCode: RegionCode,
  kind: UnitKind,
  name: Text(100),
  officePhone: OptionalNullable(Type.String({ maxLength: 30 })),
  address: OptionalNullable(Type.String({ maxLength: 200 })),
};

const BankBody = { name: Text(60), bankCode: Type.String({ pattern: '^[0-9]{12}$', description: '联行号' }) };
const Version = Type.Integer({ minimum: 1 });

export async function orgsRoutes(app: App) {
  // ---- enterprises ----
  app.get('/api/enterprises', {
    config: { access: 'orgs.read' },
    schema: {
      tags: ['orgs'],
      summary: '企业列表 / list enterprises',
      querystring: Type.Object(
        {
          ...PageQuery,
          q: Type.Optional(Type.String({ maxLength: 50 })),
          type: Type.Optional(EnterpriseType),
          industry: Type.Optional(Industry),
          regionCode: Type.Optional(RegionCode),
          status: Type.Optional(StringEnum(['active', 'deregistered'] as const)),
        },
        Strict,
      ),
      response: withProblems({ 200: Paged(Enterprise) }),
    },
    handler: async (req) => {
      const page = await service.listEnterprises(req.ctx, { page: 1, pageSize: 20, ...req.query });
      return { ...page, items: page.items.map((r) => presentEnterprise(r, req.ctx.actor, req.ctx.cipher)) };
    },
  });

  // Exact lookup by the legal representative's ID number goes through the blind index; a POST
  // keeps the ID number out of URLs and logs.
  app.post('/api/enterprises/search-by-legal-rep', {
    config: { access: 'orgs.read', personalData: true },
    schema: {
      tags: ['orgs'],
      summary: '按法定代表人身份证号查询 / find by legal representative ID number',
      body: Type.Object({ idNumber: Type.String({ minLength: 15, maxLength: 18 }) }, Strict),
      response: withProblems({ 200: Paged(Enterprise) }),
    },
    handler: async (req) => {
      const page = await service.listEnterprises(req.ctx, { page: 1, pageSize: 50, legalRepIdNumber: req.body.idNumber });
      return { ...page, items: page.items.map((r) => presentEnterprise(r, req.ctx.actor, req.ctx.cipher)) };
    },
  });

  app.get('/api/enterprises/:id', {
    config: { access: 'orgs.read', personalData: true },
    schema: { tags: ['orgs'], params: IdParams, response: withProblems({ 200: Enterprise }) },
    handler: async (req) => presentEnterprise(await service.getEnterprise(req.ctx, req.params.id), req.ctx.actor, req.ctx.cipher),
  });

  app.post('/api/enterprises', {
    config: { access: 'orgs.write' },
    schema: {
      tags: ['orgs'],
      summary: '登记企业 / register an enterprise',
      body: Type.Object(EnterpriseBody, Strict),
      response: withProblems({ 201: Enterprise }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(presentEnterprise(await service.createEnterprise(req.ctx, req.body), req.ctx.actor, req.ctx.cipher)),
  });

  app.put('/api/enterprises/:id', {
    config: { access: 'orgs.write' },
    schema: {
      tags: ['orgs'],
      summary: '修改企业 / update an enterprise',
      params: IdParams,
      body: Type.Object({ ...EnterpriseBody, status: Type.Optional(StringEnum(['active', 'deregistered'] as const)), version: Version }, Strict),
      response: withProblems({ 200: Enterprise }),
    },
    handler: async (req) => presentEnterprise(await service.updateEnterprise(req.ctx, req.params.id, req.body), req.ctx.actor, req.ctx.cipher),
  });

  app.post('/api/enterprises/:id/reveal', {
    config: { access: 'pii.view_full', personalData: true },
    schema: {
      tags: ['orgs'],
      summary: '查看完整个人信息（留痕） / reveal a personal-data field (audited)',
      params: IdParams,
      body: Type.Object(
        { field: StringEnum(['legalRepIdNumber', 'legalRepPhone'] as const), reason: Type.String({ minLength: 4, maxLength: 200 }) },
        Strict,
      ),
      response: withProblems({ 200: Type.Object({ field: Type.String(), value: Type.Union([Type.String(), Type.Null()]) }, Strict) }),
    },
    handler: async (req) => service.revealEnterpriseField(req.ctx, req.params.id, req.body),
  });

  // ---- government units ----
  app.get('/api/gov-units', {
    config: { access: 'orgs.read' },
    schema: {
      tags: ['orgs'],
      summary: '政府部门列表 / list government units',
      querystring: Type.Object(
        { ...PageQuery, q: Type.Optional(Type.String({ maxLength: 50 })), kind: Type.Optional(UnitKind), regionCode: Type.Optional(RegionCode) },
        Strict,
      ),
      response: withProblems({ 200: Paged(GovUnit) }),
    },
    handler: async (req) => {
      const page = await service.listGovUnits(req.ctx, { page: 1, pageSize: 20, ...req.query });
      return { ...page, items: page.items.map((r) => presentGovUnit(r, req.ctx.actor)) };
    },
  });

  app.get('/api/gov-units/:id', {
    config: { access: 'orgs.read' },
    schema: { tags: ['orgs'], params: IdParams, response: withProblems({ 200: GovUnit }) },
    handler: async (req) => presentGovUnit(await service.getGovUnit(req.ctx, req.params.id), req.ctx.actor),
  });

  app.post('/api/gov-units', {
    config: { access: 'orgs.write' },
    schema: { tags: ['orgs'], body: Type.Object(GovUnitBody, Strict), response: withProblems({ 201: GovUnit }) },
    handler: async (req, reply) => reply.code(201).send(presentGovUnit(await service.createGovUnit(req.ctx, req.body), req.ctx.actor)),
  });

  app.put('/api/gov-units/:id', {
    config: { access: 'orgs.write' },
    schema: { tags: ['orgs'], params: IdParams, body: Type.Object({ ...GovUnitBody, version: Version }, Strict), response: withProblems({ 200: GovUnit }) },
    handler: async (req) => presentGovUnit(await service.updateGovUnit(req.ctx, req.params.id, req.body), req.ctx.actor),
  });

  app.delete('/api/gov-units/:id', {
    config: { access: 'orgs.write' },
    schema: { tags: ['orgs'], params: IdParams, response: withProblems({ 204: Type.Null() }) },
    handler: async (req, reply) => {
      await service.deleteGovUnit(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });

  // ---- banks ----
  app.get('/api/banks', {
    config: { access: 'orgs.read' },
    schema: {
      tags: ['orgs'],
      summary: '银行目录 / bank catalogue',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })) }, Strict),
      response: withProblems({ 200: Type.Array(Bank) }),
    },
    handler: async (req) => (await service.listBanks(req.ctx, req.query.q)).map((b) => presentBank(b, req.ctx.actor)),
  });

  app.post('/api/banks', {
    config: { access: 'orgs.write' },
    schema: { tags: ['orgs'], body: Type.Object(BankBody, Strict), response: withProblems({ 201: Bank }) },
    handler: async (req, reply) => reply.code(201).send(presentBank(await service.createBank(req.ctx, req.body), req.ctx.actor)),
  });

  app.put('/api/banks/:id', {
    config: { access: 'orgs.write' },
    schema: { tags: ['orgs'], params: IdParams, body: Type.Object({ ...BankBody, version: Version }, Strict), response: withProblems({ 200: Bank }) },
    handler: async (req) => presentBank(await service.updateBank(req.ctx, req.params.id, req.body), req.ctx.actor),
  });
}
