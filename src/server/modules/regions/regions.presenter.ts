import { Type, type Static } from '@sinclair/typebox';
import { Strict, Timestamp } from '../../platform/http/schemas';
import type { RegionRow } from './regions.repo';

export const Region = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    level: Type.Integer(),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    childCount: Type.Integer(),
    updatedAt: Timestamp,
    version: Type.Integer(),
  },
  Strict,
);
export type RegionDto = Static<typeof Region>;

export const presentRegion = (r: RegionRow): RegionDto => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  childCount: r.child_count,
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});
