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
 * (it was written under the active key already).
 */
export async function reencryptColumns(db: Db, cipher: FieldCipher, columns: EncryptedColumn[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column, aad } of columns) {
    let done = 0;
    for (;;) {
      const moved = await db.tx(async (tx) => {
        const { rows } = await tx.query<{ id: string; value: string }>(
          `SELECT id::text AS id, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL AND ${column} NOT LIKE $1 || '%' LIMIT ${BATCH}`,
          [cipher.activePrefix],
        );
        if (rows.length === 0) return 0;
        const fresh = rows.map((r) => cipher.reencrypt(r.value, aad(r.id)));
        await tx.query(
          `UPDATE ${table} AS t SET ${column} = v.fresh FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, old, fresh)
            WHERE t.id = v.id AND t.${column} = v.old`,
          [rows.map((r) => r.id), rows.map((r) => r.value), fresh],
        );
        return rows.length;
      });
      if (moved === 0) break;
      done += moved;
    }
    counts[`${table}.${column}`] = done;
  }
  return counts;
}

/** Adds a new active key, saves the key file, and moves every ciphertext onto it. */
export async function rotateFieldKeys(db: Db, ring: KeyRing, keyFile: string, columns: EncryptedColumn[]) {
  const next = rotateKeyRing(ring);
  saveKeyRing(next, keyFile);
  const cipher = createFieldCipher(next);
  const counts = await reencryptColumns(db, cipher, columns);
  return { ring: next, cipher, counts };
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
