import { describe, expect, it } from 'vitest';
import { SM2_DEFAULT_USER_ID, hmac, hmacSm3, sm2KeyPair, sm2Sign, sm2Verify, sm3Hex } from './primitives';

describe('hashes and MACs', () => {
  it('SM3 matches GB/T 32905 examples 1 and 2', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex(Buffer.from('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('HMAC-SM3 matches GM/T 0042-2015 D.3 case 1', () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i + 1));
    const data = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'.repeat(2);
    expect(hmacSm3(key, data)).toBe('ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a');
  });

  it('hmac() is HMAC-SM3 for gm and HMAC-SHA-256 (RFC 4231 case 2) for intl', () => {
    const key = Buffer.from('Jefe');
    const data = 'what do ya want for nothing?';
    expect(hmac('gm', key, data)).toBe(hmacSm3(key, data));
    expect(hmac('intl', key, data)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('SM2 signatures (GB/T 32918, sm-crypto-v2)', () => {
  const sample = {
    message: 'message digest',
    publicKey:
      '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
    signature:
      'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
  };

  it('verifies the published GB/T 32918.5 Annex A signature with the default user id', () => {
    expect(SM2_DEFAULT_USER_ID).toBe('1234567812345678');
    expect(sm2Verify(sample.message, sample.signature, sample.publicKey)).toBe(true);
    expect(sm2Verify(Buffer.from(sample.message), sample.signature, sample.publicKey)).toBe(true);
    expect(sm2Verify(sample.message, sample.signature, sample.publicKey, { userId: 'ALICE123@YAHOO.COM' })).toBe(false);
  });

  it('round-trips with a user id, raw and DER, and rejects a changed message, user id or key', () => {
    const { privateKey, publicKey } = sm2KeyPair();
    const other = sm2KeyPair();
    const body = Buffer.from('{"serial":"B20260101001","amountFen":123456}');
    for (const der of [false, true]) {
      const signature = sm2Sign(body, privateKey, { userId: 'bank-icbc', der });
      expect(sm2Verify(body, signature, publicKey, { userId: 'bank-icbc', der })).toBe(true);
      expect(sm2Verify(Buffer.from(body.toString().replace('123456', '123457')), signature, publicKey, { userId: 'bank-icbc', der })).toBe(false);
      expect(sm2Verify(body, signature, publicKey, { der })).toBe(false);
      expect(sm2Verify(body, signature, other.publicKey, { userId: 'bank-icbc', der })).toBe(false);
    }
    expect(sm2Sign(body, privateKey)).toMatch(/^[0-9a-f]{128}$/);
  });

  it('returns false, never throws, for malformed signatures or keys', () => {
    expect(sm2Verify(sample.message, 'zz', sample.publicKey)).toBe(false);
    expect(sm2Verify(sample.message, '', sample.publicKey)).toBe(false);
    expect(sm2Verify(sample.message, sample.signature, '04abcd')).toBe(false);
    expect(sm2Verify(sample.message, sample.signature, sample.publicKey, { der: true })).toBe(false);
  });
});
