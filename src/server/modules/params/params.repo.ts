import type { DbOrTx } from '../../db/client';

export interface OverrideRow {
  id: string;
  param_id: string;
  region_code: string;
  region_name: string;
  value: unknown;
  effective_from: string;
  reason: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const SELECT = `
  SELECT o.id, o.param_id, o.region_code, r.name AS region_name, o.value, to_char(o.effective_from, 'YYYY-MM-DD') AS effective_from,
         o.reason, o.created_by, u.display_name AS created_by_name, o.created_at
    FROM rule_param_overrides o
    JOIN regions r ON r.code = o.region_code
    LEFT JOIN users u ON u.id = o.created_by`;

/** Overrides set on any of the given regions (a region's ancestry), for one parameter or all. */
export async function overridesOnRegions(db: DbOrTx, regionCodes: string[], paramId?: string): Promise<OverrideRow[]> {
  const { rows } = await db.query<OverrideRow>(
    `${SELECT} WHERE o.region_code = ANY($1::text[]) AND ($2::text IS NULL OR o.param_id = $2) ORDER BY o.param_id, o.effective_from, o.created_at`,
    [regionCodes, paramId ?? null],
    { prepare: true },
  );
  return rows;
}

/** Overrides set anywhere in a region subtree (what an official of that subtree may review). */
export async function overridesInSubtree(db: DbOrTx, regionPath: string, paramId: string): Promise<OverrideRow[]> {
  const { rows } = await db.query<OverrideRow>(
    `${SELECT} WHERE r.path LIKE $1 AND o.param_id = $2 ORDER BY o.effective_from DESC, o.created_at DESC`,
    [`${regionPath}%`, paramId],
  );
  return rows;
}

export async function insertOverride(
  db: DbOrTx,
  o: { id: string; paramId: string; regionCode: string; value: unknown; effectiveFrom: string; reason: string; createdBy: string | null; now: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO rule_param_overrides (id, param_id, region_code, value, effective_from, reason, created_by, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [o.id, o.paramId, o.regionCode, JSON.stringify(o.value), o.effectiveFrom, o.reason, o.createdBy, o.now],
  );
}

/** Per parameter and region, the override in effect on `onDate` (the latest effective, then the latest entry), with the region's path. */
export async function overridesInEffect(db: DbOrTx, paramIds: string[], onDate: string): Promise<{ param_id: string; path: string; value: unknown }[]> {
  const { rows } = await db.query<{ param_id: string; path: string; value: unknown }>(
    `SELECT DISTINCT ON (o.param_id, o.region_code) o.param_id, r.path, o.value
       FROM rule_param_overrides o JOIN regions r ON r.code = o.region_code
      WHERE o.param_id = ANY($1::text[]) AND o.effective_from <= $2
      ORDER BY o.param_id, o.region_code, o.effective_from DESC, o.created_at DESC`,
    [paramIds, onDate],
  );
  return rows;
}
