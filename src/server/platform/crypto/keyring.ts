import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type CryptoProfile = 'gm' | 'intl';

export interface FieldKey {
  /** `k1`, `k2`, …: written into every ciphertext, so it must never contain the `.` separator. */
  id: string;
  createdAt: string;
  /** 16 bytes for SM4 (gm), 32 for AES-256 (intl). */
  encKey: Buffer;
}

/**
 * Versioned encryption keys plus ONE blind-index key per ring. The index key deliberately does not
 * rotate with the encryption keys: exact lookups (and the audit-chain key derived from it) must keep
 * matching rows written under older keys. Replacing it means recomputing every blind index.
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

/** The key file, and `FIELD_KEYS`: key bytes in base64. */
interface KeyFile {
  profile: CryptoProfile;
  active: string;
  index: string;
  keys: { id: string; createdAt: string; enc: string }[];
}

const INDEX_KEY_BYTES = 32;
const KEY_ID = /^k[1-9]\d{0,5}$/;

export const encKeyLength = (profile: CryptoProfile) => (profile === 'gm' ? 16 : 32);
export const isKeyId = (id: string) => KEY_ID.test(id);

/** Throws a KeyRingError naming what is wrong; messages name keys by id, never by value. */
export function validateKeyRing(ring: KeyRing, source = 'key ring'): void {
  const fail = (problem: string) => new KeyRingError(`${source}: ${problem}`);
  if (ring.profile !== 'gm' && ring.profile !== 'intl') throw fail('profile must be "gm" or "intl"');
  if (ring.keys.length === 0) throw fail('there are no keys');
  const seen = new Set<string>();
  for (const key of ring.keys) {
    if (!isKeyId(key.id)) throw fail(`key id ${JSON.stringify(key.id).slice(0, 20)} must look like k1, k2, …`);
    if (seen.has(key.id)) throw fail(`key id ${key.id} appears twice`);
    seen.add(key.id);
    if (Number.isNaN(Date.parse(key.createdAt))) throw fail(`key ${key.id} has no valid createdAt`);
    const want = encKeyLength(ring.profile);
    if (key.encKey.length !== want) throw fail(`key ${key.id} must be ${want} bytes for the ${ring.profile} profile, not ${key.encKey.length}`);
  }
  if (!seen.has(ring.active)) throw fail(`the active key ${String(ring.active).slice(0, 20)} is not in the ring`);
  if (ring.indexKey.length !== INDEX_KEY_BYTES) throw fail(`the index key must be ${INDEX_KEY_BYTES} bytes, not ${ring.indexKey.length}`);
}

/** Strict base64, so a mistyped key fails here instead of decoding to different bytes. */
function decodeKey(value: unknown, what: string, source: string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (typeof value !== 'string' || value === '' || bytes.toString('base64') !== value) {
    throw new KeyRingError(`${source}: ${what} is not valid base64`);
  }
  return bytes;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseKeyFile(json: string, source: string, expected: CryptoProfile): KeyRing {
  let file: unknown;
  try {
    file = JSON.parse(json);
  } catch {
    throw new KeyRingError(`${source} is not valid JSON`);
  }
  if (!isRecord(file)) throw new KeyRingError(`${source}: expected a JSON object`);
  if (file.profile !== 'gm' && file.profile !== 'intl') throw new KeyRingError(`${source}: profile must be "gm" or "intl"`);
  if (file.profile !== expected) {
    throw new KeyRingError(`${source} holds ${file.profile} keys but the configured profile (CRYPTO_PROFILE) is ${expected}`);
  }
  if (!Array.isArray(file.keys) || file.keys.length === 0) throw new KeyRingError(`${source}: keys must be a non-empty array`);
  const keys = file.keys.map((entry: unknown, i): FieldKey => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.createdAt !== 'string') {
      throw new KeyRingError(`${source}: keys[${i}] needs string id, createdAt and enc`);
    }
    return { id: entry.id, createdAt: entry.createdAt, encKey: decodeKey(entry.enc, `key ${entry.id}`, source) };
  });
  const ring: KeyRing = { profile: file.profile, active: String(file.active), keys, indexKey: decodeKey(file.index, 'the index key', source) };
  validateKeyRing(ring, source);
  return ring;
}

function serialize(ring: KeyRing): string {
  const file: KeyFile = {
    profile: ring.profile,
    active: ring.active,
    index: ring.indexKey.toString('base64'),
    keys: ring.keys.map((k) => ({ id: k.id, createdAt: k.createdAt, enc: k.encKey.toString('base64') })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Writes and fsyncs a new 0600 file; `wx` fails if the path exists, so nothing is ever half-replaced. */
function writeNewSecretFile(file: string, contents: string): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.fchmodSync(fd, 0o600); // independent of the process umask
    fs.writeFileSync(fd, contents);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Losing a key file after rows were encrypted under it loses those rows: make the rename durable. */
function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function generateKeyRing(profile: CryptoProfile, now = new Date()): KeyRing {
  return {
    profile,
    active: 'k1',
    keys: [{ id: 'k1', createdAt: now.toISOString(), encKey: crypto.randomBytes(encKeyLength(profile)) }],
    indexKey: crypto.randomBytes(INDEX_KEY_BYTES),
  };
}

/** Atomically replaces `file` (write temp, fsync, rename): a crash leaves the old or the new ring, never a mix. */
export function saveKeyRing(ring: KeyRing, file: string): void {
  validateKeyRing(ring);
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    writeNewSecretFile(temp, serialize(ring));
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  fsyncDir(dir);
}

/**
 * Keys from `FIELD_KEYS` (same JSON as the file) when given, else from the key file. A missing file
 * is generated (mode 0600) only when allowed; creation is exclusive, so two instances starting at
 * once cannot each encrypt under a different freshly generated ring.
 */
export function loadKeyRing(options: { profile: CryptoProfile; keyFile: string; keysFromEnv?: string; generateIfMissing: boolean }): KeyRing {
  const { profile, keyFile, keysFromEnv, generateIfMissing } = options;
  if (keysFromEnv) return parseKeyFile(keysFromEnv, 'FIELD_KEYS', profile);
  if (!fs.existsSync(keyFile)) {
    if (!generateIfMissing) throw new KeyRingError(`key file ${keyFile} does not exist`);
    fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    const ring = generateKeyRing(profile);
    try {
      writeNewSecretFile(keyFile, serialize(ring));
      fsyncDir(path.dirname(keyFile));
      return ring;
    } catch (err) {
      // Another process created it first: use theirs, never overwrite.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return parseKeyFile(fs.readFileSync(keyFile, 'utf8'), keyFile, profile);
}

/** Appends a new active key (next id); older keys stay so existing ciphertexts remain readable until re-encrypted. */
export function rotateKeyRing(ring: KeyRing, now = new Date()): KeyRing {
  const next = Math.max(...ring.keys.map((k) => Number(k.id.slice(1)))) + 1;
  const key: FieldKey = { id: `k${next}`, createdAt: now.toISOString(), encKey: crypto.randomBytes(encKeyLength(ring.profile)) };
  return { ...ring, active: key.id, keys: [...ring.keys, key] };
}

/** Drops a key (crypto-shredding): whatever is still encrypted under it becomes unreadable. */
export function retireKey(ring: KeyRing, id: string): KeyRing {
  if (id === ring.active) throw new KeyRingError(`key ${id} is active and cannot be retired; rotate first`);
  if (!ring.keys.some((k) => k.id === id)) throw new KeyRingError(`key ${String(id).slice(0, 20)} is not in the ring`);
  return { ...ring, keys: ring.keys.filter((k) => k.id !== id) };
}
