import { Type } from '@sinclair/typebox';
import type { ParamDef as ParamDefType } from '../../platform/params/params.types';
import { Bilingual, DateOnly, Nullable, RegionCode, RegionQuery, Strict, Timestamp, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import type { OverrideRow } from './params.repo';
import * as service from './params.service';


const ParamDef = Type.Object(
  {
    id: Type.String(),
    module: Type.String(),
    name: Bilingual,
    type: Type.String(),
    unit: Nullable(Bilingual),
    default: Type.Unknown(),
    min: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
    options: Nullable(Type.Array(Type.String())),
    citation: Type.Object({ zh: Type.String(), en: Nullable(Type.String()), source: Type.String() }, Strict),
    regionOverridable: Type.Boolean(),
    unverified: Type.Boolean(),
  },
  Strict,
);

const presentDef = (d: ParamDefType) => ({
  id: d.id,
  module: d.module,
  name: d.name,
  type: d.type,
  unit: d.unit ?? null,
  default: d.default,
  min: d.min ?? null,
  max: d.max ?? null,
  options: d.options ? d.options.map(String) : null,
  citation: { zh: d.citation.zh, en: d.citation.en ?? null, source: d.citation.source },
  regionOverridable: d.regionOverridable,
  unverified: d.unverified ?? false,
});

const Override = Type.Object(
  {
    id: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    value: Type.Unknown(),
    effectiveFrom: DateOnly,
    reason: Type.String(),
    createdByName: Nullable(Type.String()),
    createdAt: Timestamp,
  },
  Strict,
);

const presentOverride = (o: OverrideRow) => ({
  id: o.id,
  regionCode: o.region_code,
  regionName: o.region_name,
  value: o.value,
  effectiveFrom: o.effective_from,
  reason: o.reason,
  createdByName: o.created_by_name,
  createdAt: o.created_at.toISOString(),
});

const Source = Type.Union([Type.Literal('default'), Type.Object({ regionCode: Type.String(), effectiveFrom: DateOnly }, Strict)]);

export async function paramsRoutes(app: App) {
  app.get('/api/params', {
    config: { access: 'params.read' },
    schema: {
      tags: ['params'],
      summary: '规则参数及其在某区划某日的取值 / rule parameters and their value for a region on a date',
      querystring: Type.Object({ regionCode: Type.Optional(RegionCode), onDate: Type.Optional(DateOnly), module: Type.Optional(Type.String({ maxLength: 30 })) }, Strict),
      response: withProblems({
        200: Type.Object(
          {
            regionCode: Type.String(),
            regionName: Type.String(),
            onDate: DateOnly,
            items: Type.Array(Type.Object({ def: ParamDef, value: Type.Unknown(), source: Source }, Strict)),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => {
      const result = await service.listParams(req.ctx, req.query);
      return { ...result, items: result.items.map((i) => ({ ...i, def: presentDef(i.def) })) };
    },
  });

  app.get('/api/params/:id', {
    config: { access: 'params.read' },
    schema: {
      tags: ['params'],
      summary: '参数详情与调整记录 / a parameter and its overrides',
      params: Type.Object({ id: Type.String({ maxLength: 60 }) }, Strict),
      querystring: RegionQuery,
      response: withProblems({ 200: Type.Object({ def: ParamDef, overrides: Type.Array(Override) }, Strict) }),
    },
    handler: async (req) => {
      const { def, overrides } = await service.getParamHistory(req.ctx, req.params.id, req.query.regionCode);
      return { def: presentDef(def), overrides: overrides.map(presentOverride) };
    },
  });

  app.post('/api/params/:id/overrides', {
    config: { access: 'params.write' },
    schema: {
      tags: ['params'],
      summary: '设置地区参数值（自某日起生效） / set a region value from a date',
      params: Type.Object({ id: Type.String({ maxLength: 60 }) }, Strict),
      body: Type.Object(
        { regionCode: RegionCode, value: Type.Unknown(), effectiveFrom: DateOnly, reason: Type.String({ minLength: 4, maxLength: 500 }) },
        { ...Strict, required: ['regionCode', 'value', 'effectiveFrom', 'reason'] },
      ),
      response: withProblems({ 201: Type.Object({ id: Type.String() }, Strict) }),
    },
    handler: async (req, reply) => {
      const { id } = await service.setParamOverride(req.ctx, req.params.id, req.body);
      return reply.code(201).send({ id });
    },
  });
}
