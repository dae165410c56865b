import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_ENCRYPTED_COLUMNS } from '../../src/server/modules/auth';
import { ORGS_ENCRYPTED_COLUMNS } from '../../src/server/modules/orgs';
import { DecryptError, createFieldCipher } from '../../src/server/platform/crypto/field-cipher';
import { loadKeyRing } from '../../src/server/platform/crypto/keyring';
import { retireFieldKey, rotateFieldKeys } from '../../src/server/platform/crypto/reencrypt';
import { loadFixture } from '../support/fixtures';
import { createTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
const columns = [...ORGS_ENCRYPTED_COLUMNS, ...AUTH_ENCRYPTED_COLUMNS];

beforeAll(async () => {
  platform = await createTestPlatform();
  await loadFixture(platform);
});
afterAll(() => platform.close());

describe('key rotation and crypto-shredding (T10)', () => {
  it('re-encrypts every personal-data value under the new key; the old key can then be destroyed', async () => {
    const keyFile = platform.config.crypto.keyFile;
    const ring = loadKeyRing({ profile: 'gm', keyFile, generateIfMissing: false });
    const before = (await platform.db.query<{ id: string; legal_rep_id_enc: string }>('SELECT id, legal_rep_id_enc FROM enterprises ORDER BY id')).rows;
    expect(before.every((r) => r.legal_rep_id_enc.startsWith('v1.sm4gcm.k1.'))).toBe(true);

    // Retiring the key still in use is refused.
    await expect(retireFieldKey(platform.db, ring, keyFile, 'k1', columns)).rejects.toThrow(/still use key k1/);

    const { ring: rotated, cipher, counts } = await rotateFieldKeys(platform.db, ring, keyFile, columns);
    expect(counts['enterprises.legal_rep_id_enc']).toBe(before.length);
    const after = (await platform.db.query<{ id: string; legal_rep_id_enc: string }>('SELECT id, legal_rep_id_enc FROM enterprises ORDER BY id')).rows;
    for (const [i, row] of after.entries()) {
      expect(row.legal_rep_id_enc.startsWith('v1.sm4gcm.k2.')).toBe(true);
      expect(cipher.decrypt(row.legal_rep_id_enc, `enterprises:${row.id}:legal_rep_id`)).toBe(platform.cipher.decrypt(before[i].legal_rep_id_enc, `enterprises:${row.id}:legal_rep_id`));
    }
    // The running platform follows the rotation without a restart: it reads k2 rows and writes under k2.
    expect(platform.cipher.decrypt(after[0].legal_rep_id_enc, `enterprises:${after[0].id}:legal_rep_id`)).toBe('450102198001012344');
    expect(platform.cipher.encrypt('x', 'y').startsWith('v1.sm4gcm.k2.')).toBe(true);

    // A damaged value is skipped and reported; the rest still moves.
    await platform.db.query("UPDATE enterprises SET legal_rep_phone_enc = 'v1.sm4gcm.k2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA' WHERE id = $1", [after[0].id]);

    // A second rotation moves everything again, onto k3; k1 is then unused.
    const second = await rotateFieldKeys(platform.db, rotated, keyFile, columns);
    expect(second.counts['enterprises.legal_rep_id_enc']).toBe(before.length);
    expect(second.failed).toEqual([{ table: 'enterprises', column: 'legal_rep_phone_enc', id: after[0].id }]);
    await platform.db.query('UPDATE enterprises SET legal_rep_phone_enc = NULL WHERE id = $1', [after[0].id]);

    const reloaded = loadKeyRing({ profile: 'gm', keyFile, generateIfMissing: false });
    const retired = await retireFieldKey(platform.db, reloaded, keyFile, 'k1', columns);
    const shredded = createFieldCipher(retired);
    expect(() => shredded.decrypt(before[0].legal_rep_id_enc, `enterprises:${before[0].id}:legal_rep_id`)).toThrow(DecryptError);
  });
});
