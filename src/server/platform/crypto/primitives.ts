import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import type { CryptoProfile } from './keyring';

export const sm3Hex = (data: string | Buffer) => crypto.createHash('sm3').update(data).digest('hex');

export const hmacSm3 = (key: Buffer, data: string | Buffer) => crypto.createHmac('sm3', key).update(data).digest('hex');

/** HMAC-SM3 in the 国密 profile, HMAC-SHA-256 otherwise. */
export function hmac(profile: CryptoProfile, key: Buffer, data: string | Buffer): string {
  return crypto.createHmac(profile === 'gm' ? 'sm3' : 'sha256', key).update(data).digest('hex');
}

/** SM2 signatures (GB/T 32918) with SM3 and the default user id; never Node's ECDSA on the SM2 curve. */
export const sm2Sign = (message: string, privateKeyHex: string) => sm2.doSignature(message, privateKeyHex, { hash: true, der: false });
export const sm2Verify = (message: string, signatureHex: string, publicKeyHex: string) =>
  sm2.doVerifySignature(message, signatureHex, publicKeyHex, { hash: true, der: false });
export const sm2KeyPair = () => sm2.generateKeyPairHex();
