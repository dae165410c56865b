import crypto from 'node:crypto';
import { sm4 } from 'sm-crypto-v2';
import type { KeyRing } from './keyring';
import { hmac } from './primitives';

export class DecryptError extends Error {
  override name = 'DecryptError';
}

type Algorithm = 'sm4gcm' | 'aes256gcm';
const NONCE_BYTES = 12;
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');

function seal(alg: Algorithm, key: Buffer, nonce: Buffer, plaintext: string, aad: string): Buffer {
  if (alg === 'sm4gcm') {
    const { output, tag } = sm4.encrypt(Buffer.from(plaintext, 'utf8'), key, {
      mode: 'gcm',
      iv: nonce,
      associatedData: Buffer.from(aad, 'utf8'),
      output: 'array',
      outputTag: true,
    });
    return Buffer.concat([Buffer.from(output), Buffer.from(tag!)]);
  }
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

function open(alg: Algorithm, key: Buffer, nonce: Buffer, sealed: Buffer, aad: string): string {
  if (sealed.length < 16) throw new DecryptError('ciphertext too short');
  const body = sealed.subarray(0, sealed.length - 16);
  const tag = sealed.subarray(sealed.length - 16);
  if (alg === 'sm4gcm') {
    try {
      const out = sm4.decrypt(body, key, { mode: 'gcm', iv: nonce, associatedData: Buffer.from(aad, 'utf8'), tag, output: 'array' });
      return Buffer.from(out).toString('utf8');
    } catch {
      throw new DecryptError('authentication failed');
    }
  }
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptError('authentication failed');
  }
}

/**
 * Field encryption for personal data. A ciphertext names its format version, algorithm and key:
 * `v1.<alg>.<keyId>.<nonce>.<ciphertext+tag>`, so algorithms and keys can change while old rows
 * stay readable. `aad` binds a value to its row and column: moved elsewhere, it fails to decrypt.
 */
export function createFieldCipher(ring: KeyRing) {
  const keys = new Map(ring.keys.map((k) => [k.id, k]));
  const activeAlg: Algorithm = ring.profile === 'gm' ? 'sm4gcm' : 'aes256gcm';
  const parse = (ciphertext: string) => {
    const parts = ciphertext.split('.');
    if (parts.length !== 5 || parts[0] !== 'v1' || (parts[1] !== 'sm4gcm' && parts[1] !== 'aes256gcm')) {
      throw new DecryptError('unrecognised ciphertext format');
    }
    return { alg: parts[1] as Algorithm, keyId: parts[2], nonce: Buffer.from(parts[3], 'base64url'), sealed: Buffer.from(parts[4], 'base64url') };
  };

  const encrypt = (plaintext: string, aad: string): string => {
    const key = keys.get(ring.active)!;
    const nonce = crypto.randomBytes(NONCE_BYTES);
    return ['v1', activeAlg, key.id, b64(nonce), b64(seal(activeAlg, key.encKey, nonce, plaintext, aad))].join('.');
  };

  const decrypt = (ciphertext: string, aad: string): string => {
    const { alg, keyId, nonce, sealed } = parse(ciphertext);
    const key = keys.get(keyId);
    if (!key) throw new DecryptError(`key ${keyId} is not available`);
    if (key.encKey.length !== (alg === 'sm4gcm' ? 16 : 32)) throw new DecryptError(`key ${keyId} does not fit ${alg}`);
    return open(alg, key.encKey, nonce, sealed, aad);
  };

  return {
    profile: ring.profile,
    /** Every ciphertext under the active key and algorithm starts with this. */
    activePrefix: `v1.${activeAlg}.${ring.active}.`,
    encrypt,
    decrypt,
    keyIdOf: (ciphertext: string) => parse(ciphertext).keyId,
    needsReencrypt: (ciphertext: string) => {
      const { alg, keyId } = parse(ciphertext);
      return keyId !== ring.active || alg !== activeAlg;
    },
    reencrypt: (ciphertext: string, aad: string) => encrypt(decrypt(ciphertext, aad), aad),
    /** Keyed, deterministic: equal values give equal indexes, so exact lookups work without plaintext. */
    blindIndex: (kind: string, value: string) => hmac(ring.profile, ring.indexKey, `${kind}:${value.trim().toUpperCase()}`),
  };
}

export type FieldCipher = ReturnType<typeof createFieldCipher>;
