import { Type } from '@sinclair/typebox';
import { Paged, PageQuery, RegionCode, Strict, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { Region, presentRegion } from './regions.presenter';
import * as service from './regions.service';

const CodeParams = Type.Object({ code: RegionCode }, Strict);

export async function regionsRoutes(app: App) {
  app.get('/api/regions', {
    config: { access: 'regions.read' },
    schema: {
      tags: ['regions'],
      summary: '行政区划列表 / list regions in scope',
      querystring: Type.Object(
        { ...PageQuery, parentCode: Type.Optional(RegionCode), level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })), q: Type.Optional(Type.String({ maxLength: 50 })) },
        Strict,
      ),
      response: withProblems({ 200: Paged(Region) }),
    },
    handler: async (req) => {
      const page = await service.listRegions(req.ctx, { page: 1, pageSize: 20, ...req.query });
      return { ...page, items: page.items.map(presentRegion) };
    },
  });

  app.get('/api/regions/roots', {
    config: { access: 'regions.read' },
    schema: {
      tags: ['regions'],
      summary: '本人管辖的顶层区划 / the roots of my jurisdiction',
      response: withProblems({ 200: Type.Array(Region) }),
    },
    handler: async (req) => (await service.scopeRoots(req.ctx)).map(presentRegion),
  });

  app.get('/api/regions/:code', {
    config: { access: 'regions.read' },
    schema: { tags: ['regions'], params: CodeParams, response: withProblems({ 200: Region }) },
    handler: async (req) => presentRegion(await service.getRegion(req.ctx, req.params.code)),
  });

  app.post('/api/regions', {
    config: { access: 'regions.write' },
    schema: {
      tags: ['regions'],
      summary: '新增区划 / add a region',
      body: Type.Object({ code: RegionCode, name: Type.String({ minLength: 1, maxLength: 50 }), parentCode: RegionCode }, Strict),
      response: withProblems({ 201: Region }),
    },
    handler: async (req, reply) => reply.code(201).send(presentRegion(await service.createRegion(req.ctx, req.body))),
  });

  app.patch('/api/regions/:code', {
    config: { access: 'regions.write' },
    schema: {
      tags: ['regions'],
      params: CodeParams,
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }), version: Type.Integer({ minimum: 1 }) }, Strict),
      response: withProblems({ 200: Region }),
    },
    handler: async (req) => presentRegion(await service.renameRegion(req.ctx, req.params.code, req.body)),
  });
}
