import crypto from 'node:crypto';
import { sm3, sm4 } from 'sm-crypto-v2';
import { createFieldCipher } from './field-cipher';
import { generateKeyRing } from './keyring';
import { hmacSm3, sm2KeyPair, sm2Sign, sm2Verify, sm3Hex } from './primitives';

export class CryptoSelfTestError extends Error {
  override name = 'CryptoSelfTestError';
}

const SM4_KEY = '0123456789abcdeffedcba9876543210';

/** Known-answer tests run at boot: the server refuses to start if any fails (SECURITY.md item 29). */
const TESTS: [string, () => boolean][] = [
  ['SM3("abc") (GB/T 32905)', () => sm3Hex('abc') === '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
  ['SM3 (sm-crypto-v2) agrees', () => sm3('abc') === '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
  [
    'SM4-ECB (GB/T 32907, Node)',
    () => {
      const c = crypto.createCipheriv('sm4-ecb', Buffer.from(SM4_KEY, 'hex'), null).setAutoPadding(false);
      return Buffer.concat([c.update(Buffer.from(SM4_KEY, 'hex')), c.final()]).toString('hex') === '681edf34d206965e86b3e94f536e4246';
    },
  ],
  ['SM4-ECB (GB/T 32907, sm-crypto-v2)', () => sm4.encrypt(Buffer.from(SM4_KEY, 'hex'), SM4_KEY, { padding: 'none' }) === '681edf34d206965e86b3e94f536e4246'],
  [
    'HMAC-SM3: two implementations agree',
    () => {
      const key = Buffer.from('7869e38d5e9b3a61c4d2f0a8b7e6d5c4', 'hex');
      return hmacSm3(key, 'XinDun audit chain') === sm3('XinDun audit chain', { key: new Uint8Array(key), mode: 'hmac' });
    },
  ],
  [
    'HMAC-SHA-256 (RFC 4231 case 2)',
    () =>
      crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex') ===
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  ],
  [
    'AES-256-GCM (McGrew–Viega case 14)',
    () => {
      const c = crypto.createCipheriv('aes-256-gcm', Buffer.alloc(32), Buffer.alloc(12));
      const out = Buffer.concat([c.update(Buffer.alloc(16)), c.final()]).toString('hex');
      return out === 'cea7403d4d606b6e074ec5d3baf39d18' && c.getAuthTag().toString('hex') === 'd0d1c8a799996bf0265b98b5d48ab919';
    },
  ],
  [
    'SM2 sign/verify (GB/T 32918)',
    () => {
      const { privateKey, publicKey } = sm2KeyPair();
      const signature = sm2Sign('XinDun self-test', privateKey);
      return sm2Verify('XinDun self-test', signature, publicKey) && !sm2Verify('XinDun self-test!', signature, publicKey);
    },
  ],
  ...(['gm', 'intl'] as const).map((profile): [string, () => boolean] => [
    `field cipher round trip (${profile})`,
    () => {
      const cipher = createFieldCipher(generateKeyRing(profile));
      const ct = cipher.encrypt('110101199003074514', 'self-test');
      return cipher.decrypt(ct, 'self-test') === '110101199003074514' && !ct.includes('110101199003074514');
    },
  ]),
];

export function runCryptoSelfTests(tests: [string, () => boolean][] = TESTS): { passed: string[] } {
  const passed: string[] = [];
  for (const [name, test] of tests) {
    let ok = false;
    try {
      ok = test();
    } catch {
      ok = false;
    }
    if (!ok) throw new CryptoSelfTestError(`密码算法自检失败 / crypto self-test failed: ${name}`);
    passed.push(name);
  }
  return { passed };
}
