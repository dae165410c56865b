import { describe, expect, it } from 'vitest';
import { CryptoSelfTestError, runCryptoSelfTests } from './self-test';

describe('boot known-answer tests (T9)', () => {
  it('all pass on this Node / OpenSSL / sm-crypto-v2', () => {
    expect(runCryptoSelfTests().passed).toEqual([
      'SM3("abc") (GB/T 32905)',
      'SM3 512-bit message (GB/T 32905)',
      'SM3 (sm-crypto-v2) agrees',
      'SM4-ECB (GB/T 32907, Node)',
      'SM4-ECB (GB/T 32907, sm-crypto-v2)',
      'SM4-GCM (RFC 8998 A.1, sm-crypto-v2)',
      'HMAC-SM3 (GM/T 0042 D.3, Node and sm-crypto-v2)',
      'HMAC-SHA-256 (RFC 4231 case 2)',
      'AES-256-GCM (McGrew–Viega test case 16)',
      'SM2 verify of the published signature (GB/T 32918.5 Annex A)',
      'SM2 sign/verify (GB/T 32918)',
      'field cipher round trip (gm)',
      'field cipher round trip (intl)',
    ]);
  });

  it('stops at the first failure, naming it', () => {
    const ran: string[] = [];
    const tests = [
      ['fine', () => ran.push('fine') > 0],
      ['SM4 broken', () => false],
      ['never reached', () => ran.push('never') > 0],
    ] as const;
    expect(() => runCryptoSelfTests(tests)).toThrow(CryptoSelfTestError);
    expect(() => runCryptoSelfTests(tests)).toThrow(/crypto self-test failed: SM4 broken$/);
    expect(ran).not.toContain('never');
  });

  it('treats a throwing test as failed and keeps the cause', () => {
    const boom = new Error('no sm3 in this OpenSSL');
    try {
      runCryptoSelfTests([['SM3 available', () => { throw boom; }]]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CryptoSelfTestError);
      expect((err as Error).message).toMatch(/SM3 available/);
      expect((err as Error).cause).toBe(boom);
    }
  });
});
