import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type KeyRing, KeyRingError, generateKeyRing, loadKeyRing, retireKey, rotateKeyRing, saveKeyRing, validateKeyRing } from './keyring';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xd-keyring-')), 'nested', 'keys.json');
const b64 = (bytes: number, fill = 7) => Buffer.alloc(bytes, fill).toString('base64');
const fileJson = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    profile: 'gm',
    active: 'k1',
    index: b64(32, 1),
    keys: [{ id: 'k1', createdAt: '2026-01-01T00:00:00.000Z', enc: b64(16, 2) }],
    ...overrides,
  });
const fromEnv = (json: string, profile: 'gm' | 'intl' = 'gm') => loadKeyRing({ profile, keyFile: '/nonexistent/keys.json', keysFromEnv: json, generateIfMissing: false });

describe('loadKeyRing', () => {
  it.each(['gm', 'intl'] as const)('generates a %s key file with mode 0600 (mkdir -p) and reloads it identically', (profile) => {
    const file = tempFile();
    const ring = loadKeyRing({ profile, keyFile: file, generateIfMissing: true });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ring.keys[0].encKey).toHaveLength(profile === 'gm' ? 16 : 32);
    expect(ring.indexKey).toHaveLength(32);
    expect(loadKeyRing({ profile, keyFile: file, generateIfMissing: false })).toEqual(ring);
    // A second start with generation allowed must load, never regenerate.
    expect(loadKeyRing({ profile, keyFile: file, generateIfMissing: true })).toEqual(ring);
  });

  it('refuses a missing file when generation is not allowed', () => {
    const file = tempFile();
    expect(() => loadKeyRing({ profile: 'gm', keyFile: file, generateIfMissing: false })).toThrow(KeyRingError);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('prefers FIELD_KEYS over the key file and never writes a file for it', () => {
    const file = tempFile();
    const ring = loadKeyRing({ profile: 'gm', keyFile: file, keysFromEnv: fileJson(), generateIfMissing: true });
    expect(ring.indexKey.equals(Buffer.alloc(32, 1))).toBe(true);
    expect(ring.keys[0]).toEqual({ id: 'k1', createdAt: '2026-01-01T00:00:00.000Z', encKey: Buffer.alloc(16, 2) });
    expect(fs.existsSync(file)).toBe(false);
  });

  it.each([
    ['not JSON', '{nope', /not valid JSON/],
    ['not an object', 'null', /JSON object/],
    ['an array', '[]', /JSON object/],
    ['unknown profile', fileJson({ profile: 'des' }), /profile must be/],
    ['no keys', fileJson({ keys: [] }), /non-empty array/],
    ['a key entry that is not an object', fileJson({ keys: [null] }), /keys\[0\]/],
    ['an SM4 key of 8 bytes', fileJson({ keys: [{ id: 'k1', createdAt: '2026-01-01', enc: b64(8) }] }), /k1 must be 16 bytes/],
    ['an AES-sized key in a gm ring', fileJson({ keys: [{ id: 'k1', createdAt: '2026-01-01', enc: b64(32) }] }), /k1 must be 16 bytes/],
    ['a key that is not base64', fileJson({ keys: [{ id: 'k1', createdAt: '2026-01-01', enc: 'not base64!' }] }), /key k1 is not valid base64/],
    ['a missing index key', fileJson({ index: undefined }), /index key is not valid base64/],
    ['a short index key', fileJson({ index: b64(16) }), /index key must be 32 bytes/],
    ['an active key not in the ring', fileJson({ active: 'k2' }), /active key k2/],
    ['a key id that would break the ciphertext format', fileJson({ active: 'k.1', keys: [{ id: 'k.1', createdAt: '2026-01-01', enc: b64(16) }] }), /look like k1/],
    ['a bad createdAt', fileJson({ keys: [{ id: 'k1', createdAt: 'yesterday', enc: b64(16) }] }), /createdAt/],
    [
      'a duplicated key id',
      fileJson({ keys: [{ id: 'k1', createdAt: '2026-01-01', enc: b64(16) }, { id: 'k1', createdAt: '2026-01-02', enc: b64(16, 3) }] }),
      /appears twice/,
    ],
  ])('rejects %s with a KeyRingError', (_case, json, message) => {
    expect(() => fromEnv(json)).toThrow(KeyRingError);
    expect(() => fromEnv(json)).toThrow(message);
  });

  it('rejects a profile mismatch, naming both profiles', () => {
    const file = tempFile();
    loadKeyRing({ profile: 'gm', keyFile: file, generateIfMissing: true });
    expect(() => loadKeyRing({ profile: 'intl', keyFile: file, generateIfMissing: true })).toThrow(/holds gm keys .* is intl/);
  });

  it('never puts key material into error messages', () => {
    const secret = b64(8, 0x5a);
    try {
      fromEnv(fileJson({ keys: [{ id: 'k1', createdAt: '2026-01-01', enc: secret }] }));
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain(secret);
    }
  });
});

describe('rotation and retirement (T10)', () => {
  it('rotates to a new active key with the next id, keeping older keys and the index key', () => {
    const k1 = generateKeyRing('gm');
    const k2 = rotateKeyRing(k1);
    const k3 = rotateKeyRing(k2);
    expect(k3.active).toBe('k3');
    expect(k3.keys.map((k) => k.id)).toEqual(['k1', 'k2', 'k3']);
    expect(new Set(k3.keys.map((k) => k.encKey.toString('hex'))).size).toBe(3);
    expect(k3.indexKey.equals(k1.indexKey)).toBe(true);
    expect(k1.keys).toHaveLength(1); // the input ring is not mutated
    // Ids keep increasing after a retirement, so an id is never reused for a different key.
    expect(rotateKeyRing(retireKey(k3, 'k2')).active).toBe('k4');
  });

  it('retires (shreds) an old key, but never the active or an unknown one', () => {
    const ring = rotateKeyRing(generateKeyRing('intl'));
    expect(retireKey(ring, 'k1').keys.map((k) => k.id)).toEqual(['k2']);
    expect(() => retireKey(ring, 'k2')).toThrow(/active/);
    expect(() => retireKey(ring, 'k7')).toThrow(KeyRingError);
  });

  it('saves atomically with mode 0600, leaves no temp files, and reloads the saved ring', () => {
    const file = tempFile();
    const first = loadKeyRing({ profile: 'gm', keyFile: file, generateIfMissing: true });
    const rotated = rotateKeyRing(first);
    saveKeyRing(rotated, file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['keys.json']);
    expect(loadKeyRing({ profile: 'gm', keyFile: file, generateIfMissing: false })).toEqual(rotated);
  });

  it('refuses to save an invalid ring', () => {
    const ring: KeyRing = { ...generateKeyRing('gm'), active: 'k9' };
    expect(() => validateKeyRing(ring)).toThrow(KeyRingError);
    const file = tempFile();
    expect(() => saveKeyRing(ring, file)).toThrow(KeyRingError);
    expect(fs.existsSync(file)).toBe(false);
  });
});
