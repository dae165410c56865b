import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecryptError, createFieldCipher } from './field-cipher';
import { generateKeyRing, retireKey, rotateKeyRing } from './keyring';
import { hmac } from './primitives';

const ID = '110101199003071234';
const AAD = 'enterprises:0b6a3c9e:legal_rep_id';
// T8: what raw SQL must never show.
const PLAINTEXT_SHAPES = [/\d{18}/, /\d{17}[\dXx]/, /\d{16,19}/, /1[3-9]\d{9}/];

/** Rebuilds a ciphertext with one segment changed. */
const withSegment = (ciphertext: string, index: number, change: (segment: string) => string) =>
  ciphertext
    .split('.')
    .map((segment, i) => (i === index ? change(segment) : segment))
    .join('.');
const flipByte = (segment: string, at: number) => {
  const bytes = Buffer.from(segment, 'base64url');
  bytes[at < 0 ? bytes.length + at : at] ^= 0x01;
  return bytes.toString('base64url');
};

const expectDecryptError = (run: () => unknown, secrets: string[] = [ID]) => {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(DecryptError);
  for (const secret of secrets) expect(String((caught as Error).message)).not.toContain(secret);
};

describe.each([
  ['gm', 'sm4gcm'],
  ['intl', 'aes256gcm'],
] as const)('field cipher, %s profile', (profile, alg) => {
  const ring = generateKeyRing(profile);
  const cipher = createFieldCipher(ring);

  it('writes a self-describing ASCII ciphertext: version, algorithm, key id, nonce, ciphertext+tag', () => {
    const ciphertext = cipher.encrypt(ID, AAD);
    expect(ciphertext).toMatch(new RegExp(`^v1\\.${alg}\\.k1\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+$`));
    expect(Buffer.from(ciphertext.split('.')[4], 'base64url')).toHaveLength(Buffer.byteLength(ID) + 16);
    expect(cipher.keyIdOf(ciphertext)).toBe('k1');
    expect(ciphertext.startsWith(cipher.activePrefix)).toBe(true);
    expect(cipher.needsReencrypt(ciphertext)).toBe(false);
  });

  it('round-trips arbitrary Unicode text, including empty and astral characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200, size: 'medium' }), fc.string({ unit: 'binary', maxLength: 60 }), (text, aad) => {
        expect(cipher.decrypt(cipher.encrypt(text, aad), aad)).toBe(text);
      }),
      { numRuns: 300 },
    );
    expect(cipher.decrypt(cipher.encrypt('', AAD), AAD)).toBe('');
    expect(cipher.decrypt(cipher.encrypt('张三𠀀😀', AAD), AAD)).toBe('张三𠀀😀');
  });

  it('never shows the plaintext: ID numbers, cards and phones leave no digit run (T8, property)', () => {
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    fc.assert(
      fc.property(fc.oneof(digits(18, 18), digits(16, 19), digits(11, 11)), (value) => {
        const ciphertext = cipher.encrypt(value, AAD);
        expect(ciphertext).not.toContain(value);
        for (const shape of PLAINTEXT_SHAPES) expect(ciphertext).not.toMatch(shape);
      }),
      { numRuns: 300 },
    );
  });

  it('uses a fresh nonce each time, so equal values do not give equal ciphertexts', () => {
    const seen = new Set(Array.from({ length: 50 }, () => cipher.encrypt(ID, AAD)));
    expect(seen.size).toBe(50);
  });

  it('fails with DecryptError for another row or column (aad)', () => {
    const ciphertext = cipher.encrypt(ID, AAD);
    expectDecryptError(() => cipher.decrypt(ciphertext, 'enterprises:0b6a3c9f:legal_rep_id'));
    expectDecryptError(() => cipher.decrypt(ciphertext, 'enterprises:0b6a3c9e:legal_rep_phone'));
    expectDecryptError(() => cipher.decrypt(ciphertext, ''));
  });

  it('fails with DecryptError for any tampering, never echoing plaintext or key', () => {
    const ciphertext = cipher.encrypt(ID, AAD);
    const keyMaterial = [ID, ring.keys[0].encKey.toString('hex'), ring.keys[0].encKey.toString('base64')];
    const tampered = [
      withSegment(ciphertext, 3, (s) => flipByte(s, 0)), // nonce
      withSegment(ciphertext, 4, (s) => flipByte(s, 0)), // ciphertext body
      withSegment(ciphertext, 4, (s) => flipByte(s, -1)), // tag
      withSegment(ciphertext, 4, (s) => Buffer.from(s, 'base64url').subarray(1).toString('base64url')), // truncated
      withSegment(ciphertext, 4, (s) => `${s}AAAA`), // extended
      withSegment(ciphertext, 0, () => 'v2'),
      withSegment(ciphertext, 1, () => (alg === 'sm4gcm' ? 'aes256gcm' : 'sm4gcm')),
      withSegment(ciphertext, 3, (s) => `${s}=`), // non-canonical base64url
      withSegment(ciphertext, 3, () => Buffer.alloc(8).toString('base64url')), // short nonce
      withSegment(ciphertext, 4, () => Buffer.alloc(15).toString('base64url')), // shorter than a tag
      `${ciphertext}.extra`,
      ciphertext.split('.').slice(0, 4).join('.'),
      ID, // a plaintext mistaken for a ciphertext
      '',
    ];
    for (const bad of tampered) expectDecryptError(() => cipher.decrypt(bad, AAD), keyMaterial);
  });

  it('fails with DecryptError naming the key for an unknown key id', () => {
    const ciphertext = cipher.encrypt(ID, AAD);
    expect(() => cipher.decrypt(withSegment(ciphertext, 2, () => 'k9'), AAD)).toThrow(/k9/);
    expectDecryptError(() => cipher.decrypt(withSegment(ciphertext, 2, () => 'k9'), AAD));
    expectDecryptError(() => cipher.keyIdOf('v1.sm4gcm.../etc/passwd.AAAA.AAAA'));
  });

  it('rotates: old ciphertexts still decrypt, need re-encryption, and move to the new key (T10)', () => {
    const old = cipher.encrypt(ID, AAD);
    const rotated = rotateKeyRing(ring);
    const next = createFieldCipher(rotated);
    expect(next.decrypt(old, AAD)).toBe(ID);
    expect(next.needsReencrypt(old)).toBe(true);
    const moved = next.reencrypt(old, AAD);
    expect(next.keyIdOf(moved)).toBe('k2');
    expect(moved.startsWith(next.activePrefix)).toBe(true);
    expect(next.needsReencrypt(moved)).toBe(false);
    expect(next.decrypt(moved, AAD)).toBe(ID);
    // Re-encryption checks the row binding too.
    expectDecryptError(() => next.reencrypt(old, 'enterprises:other:legal_rep_id'));

    const shredded = createFieldCipher(retireKey(rotated, 'k1'));
    expectDecryptError(() => shredded.decrypt(old, AAD));
    expect(shredded.decrypt(moved, AAD)).toBe(ID);
    // Lookups survive rotation and retirement: the blind-index key does not rotate.
    expect(shredded.blindIndex('id_number', ID)).toBe(cipher.blindIndex('id_number', ID));
  });

  it('blind index: deterministic, normalised, separated by kind and by ring', () => {
    const index = cipher.blindIndex('id_number', ID);
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(createFieldCipher(ring).blindIndex('id_number', ID)).toBe(index);
    expect(index).toBe(hmac(profile, ring.indexKey, `id_number:${ID}`));
    expect(cipher.blindIndex('id_number', ' 11010119900307123x ')).toBe(cipher.blindIndex('id_number', '11010119900307123X'));
    expect(cipher.blindIndex('phone', '１３８１２３４５６７８')).toBe(cipher.blindIndex('phone', '13812345678'));
    expect(cipher.blindIndex('phone', ID)).not.toBe(index);
    expect(createFieldCipher(generateKeyRing(profile)).blindIndex('id_number', ID)).not.toBe(index);
    expect(() => cipher.blindIndex('id:number', ID)).toThrow(TypeError);
  });

  it('refuses text that UTF-8 cannot carry unchanged (a lone surrogate), without echoing it', () => {
    expect(() => cipher.encrypt(`${ID}\uD800`, AAD)).toThrow(/plaintext is not well-formed/);
    expect(() => cipher.encrypt(`${ID}\uD800`, AAD)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(ID) }));
    expect(() => cipher.encrypt(ID, 'row\uDC00')).toThrow(TypeError);
  });
});

describe('field cipher across profiles', () => {
  it('uses HMAC-SM3 for the gm blind index and HMAC-SHA-256 for intl', () => {
    const gm = generateKeyRing('gm');
    const intl = { ...generateKeyRing('intl'), indexKey: gm.indexKey };
    expect(createFieldCipher(gm).blindIndex('phone', '13812345678')).not.toBe(createFieldCipher(intl).blindIndex('phone', '13812345678'));
  });

  it('does not decrypt a ciphertext whose algorithm does not fit the key it names', () => {
    const intlCiphertext = createFieldCipher(generateKeyRing('intl')).encrypt(ID, AAD);
    expectDecryptError(() => createFieldCipher(generateKeyRing('gm')).decrypt(intlCiphertext, AAD));
  });

  it('refuses an invalid ring up front', () => {
    expect(() => createFieldCipher({ ...generateKeyRing('gm'), active: 'k2' })).toThrow(/active key k2/);
  });
});
