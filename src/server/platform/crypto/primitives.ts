import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import type { CryptoProfile } from './keyring';

type Bytes = string | Uint8Array;

/** SM3 (GB/T 32905) from Node's OpenSSL. */
export const sm3Hex = (data: Bytes): string => crypto.createHash('sm3').update(data).digest('hex');

export const hmacSm3 = (key: Uint8Array, data: Bytes): string => crypto.createHmac('sm3', key).update(data).digest('hex');

/** The profile's MAC: HMAC-SM3 for 国密, HMAC-SHA-256 otherwise (blind indexes, audit hash chain). */
export function hmac(profile: CryptoProfile, key: Uint8Array, data: Bytes): string {
  return crypto.createHmac(profile === 'gm' ? 'sm3' : 'sha256', key).update(data).digest('hex');
}

/** Default SM2 user id of GB/T 32918 / GM/T 0009; banks usually keep it. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

export interface Sm2Options {
  userId?: string;
  /** DER-encoded signature instead of raw r‖s hex (both are common in bank SDKs). */
  der?: boolean;
}

export const sm2KeyPair = (): { publicKey: string; privateKey: string } => sm2.generateKeyPairHex();

/**
 * SM2 signature (GB/T 32918) over SM3(Z‖M), Z from the user id and public key, via sm-crypto-v2.
 * Never Node's ECDSA on the SM2 curve: that skips Z and is not an SM2 signature.
 */
export function sm2Sign(message: Bytes, privateKeyHex: string, options: Sm2Options = {}): string {
  return sm2.doSignature(message, privateKeyHex, { hash: true, der: options.der ?? false, userId: options.userId ?? SM2_DEFAULT_USER_ID });
}

/** False for a wrong signature and for malformed input alike: callers treat both as "not authentic". */
export function sm2Verify(message: Bytes, signatureHex: string, publicKeyHex: string, options: Sm2Options = {}): boolean {
  try {
    return sm2.doVerifySignature(message, signatureHex, publicKeyHex, {
      hash: true,
      der: options.der ?? false,
      userId: options.userId ?? SM2_DEFAULT_USER_ID,
    });
  } catch {
    return false;
  }
}
