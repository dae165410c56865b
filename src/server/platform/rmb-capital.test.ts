import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, rmbCapital, yuanCapital, yuanFigures } from './rmb-capital';

const yuan = (n: number) => n * 100;

describe('rmbCapital (大写金额)', () => {
  it('the amounts of the brief: 0, 10, 10.05 and 100,000,000 yuan', () => {
    expect(rmbCapital(0)).toBe('人民币零元整');
    expect(rmbCapital(yuan(10))).toBe('人民币壹拾元整');
    expect(rmbCapital(1_005)).toBe('人民币壹拾元零伍分');
    expect(rmbCapital(yuan(100_000_000))).toBe('人民币壹亿元整');
  });

  it('whole yuan close with 整; 角 alone with 整; 分 without', () => {
    expect(rmbCapital(yuan(32_000))).toBe('人民币叁万贰仟元整');
    expect(rmbCapital(150)).toBe('人民币壹元伍角整');
    expect(rmbCapital(156)).toBe('人民币壹元伍角陆分');
    expect(rmbCapital(50)).toBe('人民币伍角整');
    expect(rmbCapital(5)).toBe('人民币伍分');
    expect(rmbCapital(105)).toBe('人民币壹元零伍分');
  });

  it('zeros inside the figure are one 零, also across a whole group of four', () => {
    expect(rmbCapital(yuan(1_005))).toBe('人民币壹仟零伍元整');
    expect(rmbCapital(yuan(1_050))).toBe('人民币壹仟零伍拾元整');
    expect(rmbCapital(yuan(10_500))).toBe('人民币壹万零伍佰元整');
    expect(rmbCapital(yuan(100_005))).toBe('人民币壹拾万零伍元整');
    expect(rmbCapital(yuan(1_000_500))).toBe('人民币壹佰万零伍佰元整');
    expect(rmbCapital(yuan(100_010_000))).toBe('人民币壹亿零壹万元整');
    expect(rmbCapital(yuan(100_000_001))).toBe('人民币壹亿零壹元整');
    expect(rmbCapital(yuan(1_010) + 10)).toBe('人民币壹仟零壹拾元壹角整');
    expect(rmbCapital(yuan(1_000) + 5)).toBe('人民币壹仟元零伍分');
    expect(rmbCapital(yuan(123_456_789) + 12)).toBe('人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分');
  });

  it('the penalty ranges as they are written on a decision', () => {
    expect(rmbCapital(2_000_000)).toBe('人民币贰万元整');
    expect(rmbCapital(10_000_000)).toBe('人民币壹拾万元整');
    expect(rmbCapital(200_000)).toBe('人民币贰仟元整');
  });

  it('up to 万亿; refuses what is not whole, non-negative fen', () => {
    expect(yuanCapital(1_000_000_000_000)).toBe('壹万亿');
    expect(yuanCapital(1_200_000_000_003)).toBe('壹万贰仟亿零叁');
    expect(() => rmbCapital(-1)).toThrow(RangeError);
    expect(() => rmbCapital(1.5)).toThrow(RangeError);
    expect(() => rmbCapital(Number.NaN)).toThrow(RangeError);
  });

  it('every amount reads back to itself (a parser of the capitals, over random amounts)', () => {
    const value: Record<string, number> = Object.fromEntries(['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'].map((c, i) => [c, i]));
    const place: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
    const readYuan = (s: string): number => {
      let total = 0;
      let section = 0;
      let digit = 0;
      for (const ch of s) {
        if (ch in value) digit = value[ch];
        else if (ch in place) {
          section += digit * place[ch];
          digit = 0;
        } else if (ch === '万') {
          total += (section + digit) * 10_000;
          section = digit = 0;
        } else if (ch === '亿') {
          total = (total + section + digit) * 100_000_000;
          section = digit = 0;
        }
      }
      return total + section + digit;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_99 }), (fen) => {
        const text = rmbCapital(fen).replace('人民币', '');
        const [y, rest = ''] = text.includes('元') ? text.split('元') : ['', text];
        const jiao = /(.)角/.exec(rest)?.[1];
        const fenDigit = /(.)分/.exec(rest)?.[1];
        const back = readYuan(y) * 100 + (jiao ? value[jiao] * 10 : 0) + (fenDigit ? value[fenDigit] : 0);
        expect(back).toBe(fen);
        expect(text.endsWith('分') !== text.endsWith('整')).toBe(true);
        expect(text).not.toMatch(/零零/);
      }),
    );
  });
});

describe('yuanFigures and amountInWords', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(yuanFigures(0)).toBe('0.00');
    expect(yuanFigures(3_200_000)).toBe('32,000.00');
    expect(yuanFigures(1_005)).toBe('10.05');
    expect(yuanFigures(10_000_000_000)).toBe('100,000,000.00');
    expect(amountInWords(3_200_000)).toBe('人民币32,000.00元（大写：人民币叁万贰仟元整）');
  });
});
