import { describe, expect, it } from 'vitest';
import { cellDateTime, cellTime } from './excel';

describe('time and date-time cells', () => {
  it('reads Excel times, day fractions and written times; refuses impossible ones', () => {
    expect(cellTime(new Date('1899-12-30T07:30:00Z'))).toBe('07:30:00');
    expect(cellTime(0.5)).toBe('12:00:00');
    expect(cellTime('8:05')).toBe('08:05:00');
    expect(cellTime('17时30分')).toBe('17:30:00');
    expect(cellTime('24:00')).toBeNull();
    expect(cellTime(1.2)).toBeNull();
  });

  it('reads a Beijing date-time from text or an Excel date, and refuses what does not exist', () => {
    expect(cellDateTime('2026-03-01 10:23:45')).toBe('2026-03-01T10:23:45+08:00');
    expect(cellDateTime('2026/3/1 8:05')).toBe('2026-03-01T08:05:00+08:00');
    expect(cellDateTime('2026-03-01')).toBe('2026-03-01T00:00:00+08:00');
    expect(cellDateTime(new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-01T10:00:00+08:00');
    expect(cellDateTime('2026-02-30 10:00')).toBeNull();
    expect(cellDateTime('2026-03-01 10:00 extra')).toBeNull();
    expect(cellDateTime(null)).toBeNull();
  });
});
