import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecryptError, createFieldCipher } from './field-cipher';
import { KeyRingError, generateKeyRing, loadKeyRing, retireKey, rotateKeyRing } from './keyring';
import { maskBankCard, maskIdNumber, maskPhone } from './masking';
import { CryptoSelfTestError, runCryptoSelfTests } from './self-test';

const ID = '110101199003074514';

describe('boot self-tests (T9)', () => {
  it('passes every known-answer test on this Node', () => {
    expect(runCryptoSelfTests().passed).toEqual(expect.arrayContaining(['SM3("abc") (GB/T 32905)', 'SM4-ECB (GB/T 32907, Node)', 'SM2 sign/verify (GB/T 32918)']));
  });

  it('refuses with a named failure when an implementation is wrong', () => {
    expect(() => runCryptoSelfTests([['broken SM3', () => false]])).toThrow(CryptoSelfTestError);
    expect(() => runCryptoSelfTests([['throws', () => { throw new Error('x'); }]])).toThrow(/throws/);
  });
});

describe.each(['gm', 'intl'] as const)('field cipher, %s profile (T8, T10)', (profile) => {
  it('round-trips any text and never shows the plaintext', () => {
    const cipher = createFieldCipher(generateKeyRing(profile));
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), fc.string(), (text, aad) => {
        const ct = cipher.encrypt(text, aad);
        expect(cipher.decrypt(ct, aad)).toBe(text);
        if (text.length > 3) expect(ct.includes(text)).toBe(false);
      }),
      { numRuns: 200 },
    );
    expect(cipher.encrypt(ID, 'a')).toMatch(profile === 'gm' ? /^v1\.sm4gcm\.k1\./ : /^v1\.aes256gcm\.k1\./);
  });

  it('fails on another row, a tampered ciphertext, or an unknown key, without echoing data', () => {
    const cipher = createFieldCipher(generateKeyRing(profile));
    const ct = cipher.encrypt(ID, 'enterprises:1:legal_rep_id');
    expect(() => cipher.decrypt(ct, 'enterprises:2:legal_rep_id')).toThrow(DecryptError);
    const parts = ct.split('.');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 1;
    expect(() => cipher.decrypt([...parts.slice(0, 4), body.toString('base64url')].join('.'), 'enterprises:1:legal_rep_id')).toThrow(DecryptError);
    expect(() => cipher.decrypt(ct.replace('.k1.', '.k9.'), 'enterprises:1:legal_rep_id')).toThrow(/k9/);
    try {
      cipher.decrypt(ct, 'x');
    } catch (err) {
      expect(String(err)).not.toContain(ID);
    }
  });

  it('rotates: old rows stay readable, re-encrypt moves them to the new key, retiring shreds the old', () => {
    const v1 = generateKeyRing(profile);
    const old = createFieldCipher(v1).encrypt(ID, 'row');
    const v2 = rotateKeyRing(v1);
    const cipher = createFieldCipher(v2);
    expect(cipher.decrypt(old, 'row')).toBe(ID);
    expect(cipher.needsReencrypt(old)).toBe(true);
    const moved = cipher.reencrypt(old, 'row');
    expect(cipher.keyIdOf(moved)).toBe('k2');
    expect(cipher.needsReencrypt(moved)).toBe(false);
    const shredded = createFieldCipher(retireKey(v2, 'k1'));
    expect(shredded.decrypt(moved, 'row')).toBe(ID);
    expect(() => shredded.decrypt(old, 'row')).toThrow(DecryptError);
    // Lookups survive rotation: the blind index key does not rotate.
    expect(shredded.blindIndex('id_number', ID)).toBe(createFieldCipher(v1).blindIndex('id_number', ID));
  });

  it('blind index is deterministic, case-normalized and separated by kind', () => {
    const cipher = createFieldCipher(generateKeyRing(profile));
    expect(cipher.blindIndex('id_number', '11010119900307451x')).toBe(cipher.blindIndex('id_number', '11010119900307451X'));
    expect(cipher.blindIndex('id_number', ID)).not.toBe(cipher.blindIndex('phone', ID));
  });
});

describe('key file', () => {
  it('is generated once with mode 0600 and reloads identically', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xd-keys-')), 'keys.json');
    const ring = loadKeyRing({ profile: 'gm', keyFile: file, generateIfMissing: true });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadKeyRing({ profile: 'gm', keyFile: file, generateIfMissing: false });
    expect(again.indexKey.equals(ring.indexKey)).toBe(true);
    expect(() => loadKeyRing({ profile: 'intl', keyFile: file, generateIfMissing: false })).toThrow(KeyRingError);
    expect(() => loadKeyRing({ profile: 'gm', keyFile: file, keysFromEnv: '{nope', generateIfMissing: false })).toThrow(KeyRingError);
  });
});

describe('masking (T6)', () => {
  it('shows ID first 6 and last 4, phone first 3 and last 4, card last 4', () => {
    expect(maskIdNumber(ID)).toBe('110101********4514');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskBankCard('6222021234567890123')).toBe('***************0123');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskPhone('')).toBe('');
  });
});
