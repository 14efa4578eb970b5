import { countShared, measurePair, percent, sharedCounts, type PairMeasure } from '../../src/motion/similarity.js';
import { Holders } from '../../src/motion/tokens.js';

// The measures behind `motion compare`'s grid and verdicts, on numbers small enough to check by hand.

const sorted = (...values: number[]) => Int32Array.from(values);

/** Every pair's shared count the plain way, for comparison with sharedCounts. */
function naive(phrases: Int32Array[]): number[] {
  const n = phrases.length;
  const out = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) out[i * n + j] = countShared(phrases[i]!, phrases[j]!);
  return out;
}

describe('countShared', () => {
  test('counts the keys two sorted arrays have in common', () => {
    expect(countShared(sorted(1, 3, 5, 7), sorted(2, 3, 4, 7, 9))).toBe(2);
    expect(countShared(sorted(1, 2, 3), sorted(1, 2, 3))).toBe(3);
    expect(countShared(sorted(1, 2), sorted(3, 4))).toBe(0);
    expect(countShared(sorted(), sorted(1))).toBe(0);
    expect(countShared(sorted(5), sorted(1, 2, 3, 4, 5))).toBe(1);
  });
});

describe('sharedCounts', () => {
  test('each pair of texts, both ways round, when few texts share each phrase', () => {
    const phrases = [sorted(0, 1, 2, 3), sorted(2, 3, 4), sorted(4, 5, 6, 7, 8, 9), sorted(0, 9)];
    const counts = sharedCounts(phrases, new Holders(phrases, 10));
    expect(Array.from(counts)).toEqual(naive(phrases));
    expect(Array.from(counts)).toEqual([0, 2, 0, 1, 2, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0]);
  });

  test('the same when many texts hold the same phrases (near-copies of one motion)', () => {
    const model = sorted(0, 1, 2, 3, 4, 5, 6, 7);
    const phrases = [model, model, model, sorted(0, 1, 2, 3, 8), model, sorted(5, 6, 7, 9)];
    const counts = sharedCounts(phrases, new Holders(phrases, 10));
    expect(Array.from(counts)).toEqual(naive(phrases));
    expect(counts[0 * 6 + 1]).toBe(8);
    expect(counts[3 * 6 + 5]).toBe(0);
    expect(counts[5 * 6 + 0]).toBe(3);
  });
});

describe('measurePair', () => {
  const measure = (a: number, b: number, shared: number, same = false): PairMeasure =>
    measurePair(a, b, shared, same, { similarity: -1, aInB: -1, bInA: -1, verdict: 'different' });

  test('similarity is shared over the union; aInB and bInA over each size', () => {
    expect(measure(10, 10, 5)).toEqual({ similarity: 5 / 15, aInB: 0.5, bInA: 0.5, verdict: 'different' });
    expect(measure(4, 8, 2)).toEqual({ similarity: 0.2, aInB: 0.5, bInA: 0.25, verdict: 'different' });
  });

  test('verdicts at their thresholds', () => {
    expect(measure(10, 10, 10, true).verdict).toBe('identical');
    expect(measure(10, 10, 10, true).similarity).toBe(1);
    expect(measure(19, 19, 18)).toMatchObject({ similarity: 0.9, verdict: 'nearly identical' });
    expect(measure(10, 30, 9)).toMatchObject({ aInB: 0.9, verdict: 'contained' });
    expect(measure(30, 10, 9)).toMatchObject({ bInA: 0.9, verdict: 'contained' });
    expect(measure(6, 6, 4)).toMatchObject({ similarity: 0.5, verdict: 'similar' });
    expect(measure(11, 11, 7).verdict).toBe('different');
  });

  test('empty texts: nothing shared, never identical', () => {
    expect(measure(0, 0, 0, true)).toEqual({ similarity: 0, aInB: 0, bInA: 0, verdict: 'different' });
    expect(measure(0, 5, 0)).toEqual({ similarity: 0, aInB: 0, bInA: 0, verdict: 'different' });
  });
});

describe('percent', () => {
  test('rounds down, so only identical phrase sets show 100, and is not fooled by binary fractions', () => {
    expect(percent(1)).toBe(100);
    expect(percent(0.999)).toBe(99);
    expect(percent(0.29)).toBe(29);
    expect(percent(0)).toBe(0);
  });
});
