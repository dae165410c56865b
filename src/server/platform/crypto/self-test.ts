import crypto from 'node:crypto';
import { sm3, sm4 } from 'sm-crypto-v2';
import { createFieldCipher } from './field-cipher';
import { generateKeyRing } from './keyring';
import { SM2_DEFAULT_USER_ID, hmac, hmacSm3, sm2KeyPair, sm2Sign, sm2Verify, sm3Hex } from './primitives';

export class CryptoSelfTestError extends Error {
  override name = 'CryptoSelfTestError';
}

export type SelfTest = readonly [name: string, run: () => boolean];

const hex = (text: string) => Buffer.from(text, 'hex');
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// GB/T 32907-2016 Appendix A.1: key = plaintext.
const SM4_KEY = '0123456789abcdeffedcba9876543210';
const SM4_ECB_EXPECTED = '681edf34d206965e86b3e94f536e4246';

// RFC 8998 Appendix A.1 (SM4-GCM).
const GCM = {
  key: hex('0123456789abcdeffedcba9876543210'),
  iv: hex('00001234567800000000abcd'),
  aad: hex('feedfacedeadbeeffeedfacedeadbeefabaddad2'),
  plaintext: hex('aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccddddddddddddddddeeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa'),
  ciphertext: '17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d',
  tag: '83de3541e4c2b58177e065a9bf7b62ec',
};

// GM/T 0042-2015 Appendix D.3, case 1 (HMAC-SM3).
const HMAC_SM3 = {
  key: Buffer.from(Array.from({ length: 32 }, (_, i) => i + 1)),
  data: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'.repeat(2),
  mac: 'ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a',
};

// GB/T 32918.5-2017 (GM/T 0003.5-2012) Annex A: a published signature, so verification is a real KAT.
const SM2_SAMPLE = {
  message: 'message digest',
  publicKey:
    '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  signature:
    'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};

const SM3_ABC = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
const ID_SAMPLE = '110101199003074514';

/** Known-answer tests run at boot: the server refuses to start if any fails (SECURITY.md item 29, T9). */
const TESTS: SelfTest[] = [
  ['SM3("abc") (GB/T 32905)', () => sm3Hex('abc') === SM3_ABC],
  ['SM3 512-bit message (GB/T 32905)', () => sm3Hex('abcd'.repeat(16)) === 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
  ['SM3 (sm-crypto-v2) agrees', () => sm3('abc') === SM3_ABC],
  [
    'SM4-ECB (GB/T 32907, Node)',
    () => {
      const cipher = crypto.createCipheriv('sm4-ecb', hex(SM4_KEY), null).setAutoPadding(false);
      return toHex(Buffer.concat([cipher.update(hex(SM4_KEY)), cipher.final()])) === SM4_ECB_EXPECTED;
    },
  ],
  ['SM4-ECB (GB/T 32907, sm-crypto-v2)', () => sm4.encrypt(hex(SM4_KEY), SM4_KEY, { padding: 'none' }) === SM4_ECB_EXPECTED],
  [
    'SM4-GCM (RFC 8998 A.1, sm-crypto-v2)',
    () => {
      const { key, iv, aad, plaintext } = GCM;
      const sealed = sm4.encrypt(plaintext, key, { mode: 'gcm', iv, associatedData: aad, output: 'array', outputTag: true });
      const opened = sm4.decrypt(hex(GCM.ciphertext), key, { mode: 'gcm', iv, associatedData: aad, tag: hex(GCM.tag), output: 'array' });
      const badTag = hex(GCM.tag).map((b, i) => (i === 0 ? b ^ 1 : b));
      let rejected = false;
      try {
        sm4.decrypt(hex(GCM.ciphertext), key, { mode: 'gcm', iv, associatedData: aad, tag: badTag, output: 'array' });
      } catch {
        rejected = true;
      }
      return toHex(sealed.output) === GCM.ciphertext && toHex(sealed.tag!) === GCM.tag && toHex(opened) === toHex(plaintext) && rejected;
    },
  ],
  [
    'HMAC-SM3 (GM/T 0042 D.3, Node and sm-crypto-v2)',
    () =>
      hmacSm3(HMAC_SM3.key, HMAC_SM3.data) === HMAC_SM3.mac &&
      hmac('gm', HMAC_SM3.key, HMAC_SM3.data) === HMAC_SM3.mac &&
      sm3(HMAC_SM3.data, { key: new Uint8Array(HMAC_SM3.key), mode: 'hmac' }) === HMAC_SM3.mac,
  ],
  [
    'HMAC-SHA-256 (RFC 4231 case 2)',
    () => hmac('intl', Buffer.from('Jefe'), 'what do ya want for nothing?') === '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  ],
  [
    'AES-256-GCM (McGrew–Viega test case 16)',
    () => {
      const cipher = crypto.createCipheriv('aes-256-gcm', hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308'), hex('cafebabefacedbaddecaf888'));
      cipher.setAAD(hex('feedfacedeadbeeffeedfacedeadbeefabaddad2'));
      const plaintext = hex('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39');
      const out = toHex(Buffer.concat([cipher.update(plaintext), cipher.final()]));
      return (
        out === '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662' &&
        toHex(cipher.getAuthTag()) === '76fc6ece0f4e1768cddf8853bb2d551b'
      );
    },
  ],
  [
    'SM2 verify of the published signature (GB/T 32918.5 Annex A)',
    () =>
      sm2Verify(SM2_SAMPLE.message, SM2_SAMPLE.signature, SM2_SAMPLE.publicKey, { userId: SM2_DEFAULT_USER_ID }) &&
      !sm2Verify(`${SM2_SAMPLE.message}!`, SM2_SAMPLE.signature, SM2_SAMPLE.publicKey),
  ],
  [
    'SM2 sign/verify (GB/T 32918)',
    () => {
      const { privateKey, publicKey } = sm2KeyPair();
      const userId = 'xindun-self-test';
      const signature = sm2Sign('XinDun self-test', privateKey, { userId });
      return (
        sm2Verify('XinDun self-test', signature, publicKey, { userId }) &&
        !sm2Verify('XinDun self-test!', signature, publicKey, { userId }) &&
        !sm2Verify('XinDun self-test', signature, publicKey, { userId: 'someone-else' })
      );
    },
  ],
  ...(['gm', 'intl'] as const).map(
    (profile): SelfTest => [
      `field cipher round trip (${profile})`,
      () => {
        const cipher = createFieldCipher(generateKeyRing(profile));
        const ciphertext = cipher.encrypt(ID_SAMPLE, 'self-test');
        let wrongAadRejected = false;
        try {
          cipher.decrypt(ciphertext, 'self-test-other-row');
        } catch {
          wrongAadRejected = true;
        }
        return cipher.decrypt(ciphertext, 'self-test') === ID_SAMPLE && !ciphertext.includes(ID_SAMPLE) && wrongAadRejected;
      },
    ],
  ),
];

/** Runs every test (or the given ones, for tests of this runner); throws naming the first failure. */
export function runCryptoSelfTests(tests: readonly SelfTest[] = TESTS): { passed: string[] } {
  const passed: string[] = [];
  for (const [name, run] of tests) {
    let ok = false;
    let cause: unknown;
    try {
      ok = run();
    } catch (err) {
      cause = err;
    }
    // The inputs are public vectors or throw-away keys, so the cause is safe to keep for diagnosis.
    if (!ok) throw new CryptoSelfTestError(`密码算法自检失败 / crypto self-test failed: ${name}`, cause === undefined ? undefined : { cause });
    passed.push(name);
  }
  return { passed };
}
