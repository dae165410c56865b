import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type CryptoProfile = 'gm' | 'intl';

export interface FieldKey {
  id: string;
  createdAt: string;
  /** 16 bytes for SM4, 32 for AES-256. */
  encKey: Buffer;
}

/**
 * Versioned encryption keys plus one blind-index key. The index key never rotates with the
 * encryption keys: exact lookups must keep finding rows encrypted under older keys.
 */
export interface KeyRing {
  profile: CryptoProfile;
  active: string;
  keys: FieldKey[];
  indexKey: Buffer;
}

export class KeyRingError extends Error {
  override name = 'KeyRingError';
}

interface KeyFile {
  profile: CryptoProfile;
  active: string;
  index: string;
  keys: { id: string; createdAt: string; enc: string }[];
}

export const encKeyLength = (profile: CryptoProfile) => (profile === 'gm' ? 16 : 32);

function fromJson(json: string, source: string, expected: CryptoProfile): KeyRing {
  let file: KeyFile;
  try {
    file = JSON.parse(json) as KeyFile;
  } catch {
    throw new KeyRingError(`${source} is not valid JSON`);
  }
  if (file.profile !== 'gm' && file.profile !== 'intl') throw new KeyRingError(`${source}: profile must be gm or intl`);
  if (file.profile !== expected) {
    throw new KeyRingError(`${source} holds ${file.profile} keys but CRYPTO_PROFILE is ${expected}`);
  }
  if (!Array.isArray(file.keys) || file.keys.length === 0) throw new KeyRingError(`${source} has no keys`);
  const keys = file.keys.map((k) => {
    const encKey = Buffer.from(k.enc ?? '', 'base64');
    if (encKey.length !== encKeyLength(file.profile)) throw new KeyRingError(`${source}: key ${k.id} must be ${encKeyLength(file.profile)} bytes`);
    return { id: String(k.id), createdAt: String(k.createdAt), encKey };
  });
  const indexKey = Buffer.from(file.index ?? '', 'base64');
  if (indexKey.length !== 32) throw new KeyRingError(`${source}: the index key must be 32 bytes`);
  if (!keys.some((k) => k.id === file.active)) throw new KeyRingError(`${source}: active key ${file.active} is missing`);
  return { profile: file.profile, active: file.active, keys, indexKey };
}

function toJson(ring: KeyRing): string {
  const file: KeyFile = {
    profile: ring.profile,
    active: ring.active,
    index: ring.indexKey.toString('base64'),
    keys: ring.keys.map((k) => ({ id: k.id, createdAt: k.createdAt, enc: k.encKey.toString('base64') })),
  };
  return JSON.stringify(file, null, 2);
}

export function generateKeyRing(profile: CryptoProfile, now = new Date()): KeyRing {
  return {
    profile,
    active: 'k1',
    keys: [{ id: 'k1', createdAt: now.toISOString(), encKey: crypto.randomBytes(encKeyLength(profile)) }],
    indexKey: crypto.randomBytes(32),
  };
}

export function saveKeyRing(ring: KeyRing, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, toJson(ring), { mode: 0o600 });
  fs.renameSync(temp, file);
}

/** Keys from FIELD_KEYS (same JSON as the file), else the key file, generated on first start when allowed. */
export function loadKeyRing(options: { profile: CryptoProfile; keyFile: string; keysFromEnv?: string; generateIfMissing: boolean }): KeyRing {
  if (options.keysFromEnv) return fromJson(options.keysFromEnv, 'FIELD_KEYS', options.profile);
  if (fs.existsSync(options.keyFile)) return fromJson(fs.readFileSync(options.keyFile, 'utf8'), options.keyFile, options.profile);
  if (!options.generateIfMissing) throw new KeyRingError(`key file ${options.keyFile} does not exist`);
  const ring = generateKeyRing(options.profile);
  saveKeyRing(ring, options.keyFile);
  return ring;
}

/** A new active key; older keys stay so existing ciphertexts remain readable until re-encrypted. */
export function rotateKeyRing(ring: KeyRing, now = new Date()): KeyRing {
  const next = Math.max(...ring.keys.map((k) => Number(k.id.replace(/\D/g, '')) || 0)) + 1;
  const key = { id: `k${next}`, createdAt: now.toISOString(), encKey: crypto.randomBytes(encKeyLength(ring.profile)) };
  return { ...ring, active: key.id, keys: [...ring.keys, key] };
}

/** Destroys a retired key (crypto-shredding): its ciphertexts can no longer be read. */
export function retireKey(ring: KeyRing, id: string): KeyRing {
  if (id === ring.active) throw new KeyRingError('the active key cannot be retired');
  return { ...ring, keys: ring.keys.filter((k) => k.id !== id) };
}
