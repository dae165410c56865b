import type { Db } from '../../db/client';
import type { FieldCipher } from './field-cipher';
import { type KeyRing, retireKey, rotateKeyRing, saveKeyRing } from './keyring';
import { createFieldCipher } from './field-cipher';

/** A column holding field ciphertexts; each module declares its own in its index. */
export interface EncryptedColumn {
  table: string;
  column: string;
  /** The associated data the column's values are bound to (their row and column). */
  aad(id: string): string;
}

const BATCH = 500;

/**
 * Re-encrypts every value not yet under the active key, in batches of one transaction each. Each
 * update matches the old ciphertext too, so a value changed meanwhile by a user is left alone
 * (it was written under the active key already). A value that cannot be decrypted is skipped and
 * reported, so one damaged row does not stop the rotation.
 */
export async function reencryptColumns(db: Db, cipher: FieldCipher, columns: EncryptedColumn[]) {
  const counts: Record<string, number> = {};
  const failed: { table: string; column: string; id: string }[] = [];
  for (const { table, column, aad } of columns) {
    let done = 0;
    const skip: string[] = [];
    for (;;) {
      const { rows } = await db.query<{ id: string; value: string }>(
        `SELECT id::text AS id, ${column} AS value FROM ${table}
          WHERE ${column} IS NOT NULL AND ${column} NOT LIKE $1 || '%' AND NOT (id::text = ANY($2::text[])) LIMIT ${BATCH}`,
        [cipher.activePrefix, skip],
      );
      if (rows.length === 0) break;
      const moved: { id: string; old: string; fresh: string }[] = [];
      for (const r of rows) {
        try {
          moved.push({ id: r.id, old: r.value, fresh: cipher.reencrypt(r.value, aad(r.id)) });
        } catch {
          skip.push(r.id);
          failed.push({ table, column, id: r.id });
        }
      }
      await db.query(
        `UPDATE ${table} AS t SET ${column} = v.fresh FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, old, fresh)
          WHERE t.id = v.id AND t.${column} = v.old`,
        [moved.map((m) => m.id), moved.map((m) => m.old), moved.map((m) => m.fresh)],
      );
      done += moved.length;
    }
    counts[`${table}.${column}`] = done;
  }
  return { counts, failed };
}

/** Adds a new active key, saves the key file, and moves every ciphertext onto it. */
export async function rotateFieldKeys(db: Db, ring: KeyRing, keyFile: string, columns: EncryptedColumn[]) {
  const next = rotateKeyRing(ring);
  saveKeyRing(next, keyFile);
  const cipher = createFieldCipher(next);
  const { counts, failed } = await reencryptColumns(db, cipher, columns);
  return { ring: next, cipher, counts, failed };
}

/** Destroys an old key once no ciphertext uses it any more (crypto-shredding of what still did). */
export async function retireFieldKey(db: Db, ring: KeyRing, keyFile: string, keyId: string, columns: EncryptedColumn[]) {
  for (const { table, column } of columns) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} LIKE $1`, [`v1.%.${keyId}.%`]);
    if (rows[0].n > 0) throw new Error(`${rows[0].n} values in ${table}.${column} still use key ${keyId}; run rotate-keys first`);
  }
  const next = retireKey(ring, keyId);
  saveKeyRing(next, keyFile);
  return next;
}
