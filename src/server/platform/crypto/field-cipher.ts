import crypto from 'node:crypto';
import { sm4 } from 'sm-crypto-v2';
import { type CryptoProfile, type KeyRing, isKeyId, validateKeyRing } from './keyring';
import { hmac } from './primitives';

/** Messages name the failure (and at most a key id), never plaintext, aad or key bytes. */
export class DecryptError extends Error {
  override name = 'DecryptError';
}

type Algorithm = 'sm4gcm' | 'aes256gcm';

const VERSION = 'v1';
const ALGORITHM_OF: Record<CryptoProfile, Algorithm> = { gm: 'sm4gcm', intl: 'aes256gcm' };
const KEY_BYTES: Record<Algorithm, number> = { sm4gcm: 16, aes256gcm: 32 };
// 96-bit random nonces: safe for far more than 2^32 encryptions per key before collisions matter.
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const BLIND_INDEX_KIND = /^[a-z][a-z0-9_-]*$/;
// With the `u` flag a paired surrogate is one code point, so this matches lone surrogates only.
const LONE_SURROGATE = /\p{Cs}/u;

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function seal(alg: Algorithm, key: Buffer, nonce: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  if (alg === 'sm4gcm') {
    // Node's OpenSSL has no sm4-gcm, hence sm-crypto-v2 (checked against RFC 8998 at boot).
    const { output, tag } = sm4.encrypt(plaintext, key, { mode: 'gcm', iv: nonce, associatedData: aad, output: 'array', outputTag: true });
    return Buffer.concat([output, tag!]);
  }
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function open(alg: Algorithm, key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const body = sealed.subarray(0, sealed.length - TAG_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  try {
    if (alg === 'sm4gcm') {
      // sm-crypto-v2 checks the tag only when one is passed: it always is, and always 16 bytes.
      return Buffer.from(sm4.decrypt(body, key, { mode: 'gcm', iv: nonce, associatedData: aad, tag, output: 'array' }));
    }
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new DecryptError('authentication failed: wrong key, wrong aad or tampered ciphertext');
  }
}

/** Canonical base64url only, so one ciphertext has exactly one spelling. */
function fromBase64Url(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw new DecryptError('malformed ciphertext');
  return bytes;
}

function parse(ciphertext: string) {
  const parts = typeof ciphertext === 'string' ? ciphertext.split('.') : [];
  const [version, alg, keyId, nonceText, sealedText] = parts;
  if (parts.length !== 5 || version !== VERSION || (alg !== 'sm4gcm' && alg !== 'aes256gcm') || !isKeyId(keyId)) {
    throw new DecryptError('malformed ciphertext');
  }
  const nonce = fromBase64Url(nonceText);
  const sealed = fromBase64Url(sealedText);
  if (nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) throw new DecryptError('malformed ciphertext');
  return { alg: alg as Algorithm, keyId, nonce, sealed };
}

function assertWellFormed(text: string, what: string): void {
  // UTF-8 would silently turn a lone surrogate into U+FFFD, and decrypt would return other text.
  if (LONE_SURROGATE.test(text)) throw new TypeError(`${what} is not well-formed Unicode`);
}

/**
 * Field encryption for personal data. A ciphertext is self-describing ASCII,
 * `v1.<alg>.<keyId>.<b64url nonce>.<b64url ciphertext‖tag>`, so keys and algorithms can change while
 * old rows stay readable by any ring that still holds their key. `aad` binds a value to its row and
 * column (`enterprises:<id>:legal_rep_id`): copied anywhere else, it fails to decrypt.
 */
export function createFieldCipher(ring: KeyRing) {
  validateKeyRing(ring);
  // A snapshot: a ring rotated later needs a new cipher, never a half-updated one.
  const { profile, active, indexKey } = ring;
  const keys = new Map(ring.keys.map((k) => [k.id, k.encKey]));
  const activeKey = keys.get(active)!;
  const activeAlg = ALGORITHM_OF[profile];
  const indexCache = new Map<string, string>();

  const encrypt = (plaintext: string, aad: string): string => {
    assertWellFormed(plaintext, 'plaintext');
    assertWellFormed(aad, 'aad');
    const nonce = crypto.randomBytes(NONCE_BYTES);
    const sealed = seal(activeAlg, activeKey, nonce, utf8(plaintext), utf8(aad));
    return [VERSION, activeAlg, active, nonce.toString('base64url'), sealed.toString('base64url')].join('.');
  };

  const decrypt = (ciphertext: string, aad: string): string => {
    const { alg, keyId, nonce, sealed } = parse(ciphertext);
    const key = keys.get(keyId);
    if (!key) throw new DecryptError(`key ${keyId} is not in the key ring (retired or never loaded)`);
    if (key.length !== KEY_BYTES[alg]) throw new DecryptError(`key ${keyId} does not fit ${alg}`);
    return open(alg, key, nonce, sealed, utf8(aad)).toString('utf8');
  };

  return {
    profile,
    /** Every ciphertext under the active key and algorithm starts with this (for SQL filters). */
    activePrefix: `${VERSION}.${activeAlg}.${active}.`,
    encrypt,
    decrypt,
    hasKey: (keyId: string): boolean => keys.has(keyId),
    keyIdOf: (ciphertext: string): string => parse(ciphertext).keyId,
    /** True when not under the active key and algorithm: the re-encryption job's filter. */
    needsReencrypt: (ciphertext: string): boolean => {
      const { alg, keyId } = parse(ciphertext);
      return keyId !== active || alg !== activeAlg;
    },
    /** Decrypts (checking aad) and encrypts again under the active key, with a fresh nonce. */
    reencrypt: (ciphertext: string, aad: string): string => encrypt(decrypt(ciphertext, aad), aad),
    /**
     * Keyed and deterministic, so exact lookups work without plaintext. The kind is MACed with the
     * value, so an ID number and a phone never share an index. Values are NFKC-normalised (full-width
     * digits from Chinese IMEs), trimmed and upper-cased (the ID check character x/X).
     */
    blindIndex: (kind: string, value: string): string => {
      if (!BLIND_INDEX_KIND.test(kind)) throw new TypeError('blind index kind must be lower-case letters, digits, _ or -');
      const input = `${kind}:${value.normalize('NFKC').trim().toUpperCase()}`;
      // HMAC-SM3 in JavaScript costs ~50 µs; site devices send the same people every day. The cache
      // is keyed by a native SHA-256 of the input, so it holds no personal data in clear, and it
      // dies with this cipher (a rotated ring builds a new one).
      const cacheKey = crypto.createHash('sha256').update(input).digest('base64');
      const hit = indexCache.get(cacheKey);
      if (hit !== undefined) {
        indexCache.delete(cacheKey);
        indexCache.set(cacheKey, hit);
        return hit;
      }
      const index = hmac(profile, indexKey, input);
      indexCache.set(cacheKey, index);
      if (indexCache.size > BLIND_INDEX_CACHE_SIZE) indexCache.delete(indexCache.keys().next().value!);
      return index;
    },
  };
}

/** Least-recently-used entries beyond this are dropped: about 15 MB at the limit. */
const BLIND_INDEX_CACHE_SIZE = 100_000;

export type FieldCipher = ReturnType<typeof createFieldCipher>;

/**
 * A cipher that follows key rotation while the process runs: meeting a key id it does not hold,
 * it reloads the key ring once (rotate-keys has added a key) and continues under the new active
 * key, so rotating needs no restart.
 */
export function createReloadingFieldCipher(initial: KeyRing, reload: () => KeyRing): FieldCipher {
  let current = createFieldCipher(initial);
  const withReload = <T>(use: (cipher: FieldCipher) => T, keyId: string): T => {
    if (!current.hasKey(keyId)) current = createFieldCipher(reload());
    return use(current);
  };
  return {
    get profile() {
      return current.profile;
    },
    get activePrefix() {
      return current.activePrefix;
    },
    hasKey: (keyId) => current.hasKey(keyId),
    encrypt: (plaintext, aad) => current.encrypt(plaintext, aad),
    decrypt: (ciphertext, aad) => withReload((c) => c.decrypt(ciphertext, aad), current.keyIdOf(ciphertext)),
    keyIdOf: (ciphertext) => current.keyIdOf(ciphertext),
    needsReencrypt: (ciphertext) => current.needsReencrypt(ciphertext),
    reencrypt: (ciphertext, aad) => withReload((c) => c.reencrypt(ciphertext, aad), current.keyIdOf(ciphertext)),
    blindIndex: (kind, value) => current.blindIndex(kind, value),
  };
}
