import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

const draw = (rng: Rng, n = 20) => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    expect(draw(new Rng(42))).toEqual(draw(new Rng(42)));
    expect(draw(new Rng(42))).not.toEqual(draw(new Rng(43)));
    for (const x of draw(new Rng(7), 10_000)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws integers in the closed range, every value reachable', () => {
    const rng = new Rng(1);
    const seen = new Set(Array.from({ length: 2_000 }, () => rng.int(3, 9)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('picks, shuffles and flips coins', () => {
    const rng = new Rng(2);
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(RangeError);
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']); // the input is left alone
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
  });

  it('draws weighted items in proportion and never a zero-weight one', () => {
    const rng = new Rng(3);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted([['a', 3], ['b', 1], ['never', 0]] as const)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });

  it('derives named streams fixed by the seed alone, whatever the parent drew', () => {
    const used = new Rng(5);
    draw(used, 100);
    expect(draw(used.derive('workers'))).toEqual(draw(new Rng(5).derive('workers')));
    expect(draw(new Rng(5).derive('workers'))).not.toEqual(draw(new Rng(5).derive('projects')));
    expect(draw(new Rng(5).derive('workers'))).not.toEqual(draw(new Rng(6).derive('workers')));
  });
});
