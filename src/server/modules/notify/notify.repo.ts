import type { DbOrTx } from '../../db/client';

export interface NotificationRequest {
  refId: string;
  kind: string;
  titleZh: string;
  titleEn: string;
  link: string;
  /** The government unit whose officials are told. */
  unitId: string | null;
  /** An industry unit's officials are matched by their industry scope too. */
  industry: string | null;
  /** Also the wage office one level above the unit (督办). */
  alsoUpOne: boolean;
  /** Enterprise users of these enterprises are told as well. */
  enterpriseIds: string[];
}

// Which officials sit in a unit of each kind: the role whose scope is the unit's region.
const ROLE_OF_UNIT = `CASE g.kind WHEN 'township_gov' THEN 'township_official'
                               WHEN 'housing' THEN 'industry_official' WHEN 'transport' THEN 'industry_official' WHEN 'water' THEN 'industry_official'
                               ELSE 'wage_office' END`;

/**
 * One statement: the officials of each request's unit (and of the wage office one region up when
 * asked), and the enterprise users named, each told once per kind and subject.
 */
export async function insertForResponsible(db: DbOrTx, requests: NotificationRequest[], now: Date): Promise<number> {
  if (requests.length === 0) return 0;
  const { rowCount } = await db.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS t("refId" uuid, kind text, "titleZh" text, "titleEn" text, link text, "unitId" uuid, industry text, "alsoUpOne" boolean, "enterpriseIds" uuid[])
     ),
     unit_users AS (
       SELECT r.*, u.id AS user_id FROM r
         JOIN gov_units g ON g.id = r."unitId"
         JOIN users u ON u.status = 'active' AND u.scope_region_code = g.region_code AND u.role = ${ROLE_OF_UNIT}
                     AND (u.role <> 'industry_official' OR u.scope_industry IS NULL OR u.scope_industry = r.industry)
     ),
     up_users AS (
       SELECT r.*, u.id AS user_id FROM r
         JOIN gov_units g ON g.id = r."unitId"
         JOIN regions reg ON reg.code = g.region_code
         JOIN users u ON u.status = 'active' AND u.role = 'wage_office' AND u.scope_region_code = reg.parent_code
        WHERE r."alsoUpOne"
     ),
     company_users AS (
       SELECT r.*, u.id AS user_id FROM r
         JOIN users u ON u.status = 'active' AND u.role = 'enterprise_user' AND u.scope_enterprise_id = ANY (r."enterpriseIds")
     )
     INSERT INTO notifications (id, user_id, kind, ref_id, title_zh, title_en, link, created_at)
     SELECT uuid_v7(), x.user_id, x.kind, x."refId", x."titleZh", x."titleEn", x.link, $2
       FROM (SELECT * FROM unit_users UNION SELECT * FROM up_users UNION SELECT * FROM company_users) x
     ON CONFLICT (user_id, kind, ref_id) DO NOTHING`,
    [JSON.stringify(requests), now],
  );
  return rowCount ?? 0;
}

export interface NotificationRow {
  id: string;
  kind: string;
  ref_id: string;
  title_zh: string;
  title_en: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

export async function listForUser(db: DbOrTx, userId: string, o: { unreadOnly: boolean; limit: number }) {
  const { rows } = await db.query<NotificationRow>(
    `SELECT id, kind, ref_id, title_zh, title_en, link, created_at, read_at FROM notifications
      WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY created_at DESC, id DESC LIMIT $3`,
    [userId, o.unreadOnly, o.limit],
  );
  const unread = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  return { items: rows, unread: unread.rows[0].n };
}

/** Marks the user's own notifications read (all when `ids` is null); returns how many changed. */
export async function markRead(db: DbOrTx, userId: string, ids: string[] | null, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY ($2::uuid[]))`,
    [userId, ids, now],
  );
  return rowCount ?? 0;
}
