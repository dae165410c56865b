import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Shared schema pieces. Every object schema is closed (`additionalProperties: false`). */
export const Strict = { additionalProperties: false } as const;

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, Strict);

export const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() }, Strict);

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    title_en: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    detail_en: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Bilingual }, Strict))),
  },
  { ...Strict, $id: 'Problem' },
);
export type ProblemBody = Static<typeof Problem>;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }, Strict);


/** Responses for every route: the success schema plus the problem document for errors. */
export const withProblems = <T extends Record<number, TSchema>>(ok: T) => ({
  ...ok,
  '4xx': Type.Ref('Problem'),
  '5xx': Type.Ref('Problem'),
});

export const Timestamp = Type.String({ format: 'date-time' });
export const DateOnly = Type.String({ format: 'date' });

/** `T | null`: a value the record may not have. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A string from a fixed list, typed as the list's union. */
export const StringEnum = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description && { description }) });

/** GB/T 2260-style region code: 6, 9 or 12 digits. */
export const RegionCode = Type.String({ pattern: '^[0-9]{6}([0-9]{3})?([0-9]{3})?$' });
/** The query of the region views: a region in the caller's jurisdiction, or their whole jurisdiction. */
export const RegionQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, Strict);
