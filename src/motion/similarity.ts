import { distinctSorted, Lexicon, numberNgrams, type Holders, type PairIds } from './tokens.js';

/** Similarity is measured on n-grams of this many substantive words (stop words removed). */
export const PHRASE_LENGTH = 3;
/** At or above this similarity two motions are "nearly identical". */
export const NEARLY_IDENTICAL = 0.9;
/** At or above this share of one motion's phrases found in another, it is "contained" in it. */
export const CONTAINED = 0.9;
/** At or above this, two motions are "similar": worth reading side by side. */
export const SIMILAR = 0.5;

export type Verdict = 'identical' | 'nearly identical' | 'contained' | 'similar' | 'different';

/** How many keys two sorted arrays of distinct keys have in common. */
export function countShared(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * For every pair of texts, how many phrases they share: shared[i * n + j], from the distinct
 * phrase numbers of each text and which texts hold each phrase. Each phrase held by several
 * texts counts once for every pair of them. That is never more work than merging each pair's
 * sorted phrases: a phrase held by h of the n texts adds h(h - 1)/2 pairs, at most h(n - 1)/2,
 * where merging walks it h(n - 1) times.
 */
export function sharedCounts(phrases: readonly Int32Array[], holders: Holders): Int32Array {
  const n = phrases.length;
  const shared = new Int32Array(n * n);
  const size = holders.start.length - 1;
  const { start, holder } = holders;
  for (let x = 0; x < size; x++) {
    for (let a = start[x]!; a < start[x + 1]!; a++) {
      const i = holder[a]!;
      for (let b = a + 1; b < start[x + 1]!; b++) {
        const j = holder[b]!;
        shared[i * n + j]!++;
        shared[j * n + i]!++;
      }
    }
  }
  return shared;
}

/**
 * A text's distinct phrases (n-grams of PHRASE_LENGTH words) as sorted phrase numbers, from the
 * n-grams numbered by numberNgrams(); a text shorter than that is one phrase of its own.
 */
export function phraseIds(ids: Int32Array, threes: Int32Array, ngrams: { twoIds: PairIds; threeIds: PairIds }): Int32Array {
  if (ids.length === 0) return new Int32Array(0);
  if (ids.length >= PHRASE_LENGTH) return distinctSorted(threes);
  // Shorter: padded with a negative number no word has, so it never equals a longer phrase.
  const pad = -1 - ids.length;
  return Int32Array.of(ngrams.threeIds.id(ngrams.twoIds.id(ids[0]!, ids.length > 1 ? ids[1]! : pad), pad));
}

export interface PairMeasure {
  /** Phrases in common over phrases in either (Jaccard), 0 to 1. */
  similarity: number;
  /** Share of a's phrases that are also in b, and of b's in a. */
  aInB: number;
  bInA: number;
  verdict: Verdict;
}

/**
 * Judge a pair from the sizes of their phrase sets and the phrases they share; `sameWords`
 * says whether their word sequences are equal. The measures are written into `into` (compare
 * makes one object a pair, not two), which is returned.
 */
export function measurePair<T extends PairMeasure>(sizeA: number, sizeB: number, shared: number, sameWords: boolean, into: T): T {
  const union = sizeA + sizeB - shared;
  const similarity = union === 0 ? 0 : shared / union;
  const aInB = sizeA === 0 ? 0 : shared / sizeA;
  const bInA = sizeB === 0 ? 0 : shared / sizeB;
  into.verdict =
    sameWords && sizeA > 0
      ? 'identical'
      : similarity >= NEARLY_IDENTICAL
        ? 'nearly identical'
        : Math.max(aInB, bInA) >= CONTAINED
          ? 'contained'
          : similarity >= SIMILAR
            ? 'similar'
            : 'different';
  into.similarity = sameWords && sizeA > 0 ? 1 : similarity;
  into.aInB = aInB;
  into.bInA = bInA;
  return into;
}

/**
 * How alike two texts are, 0 to 1: the share of their three-word phrases they have in common,
 * counting only substantive words (case, punctuation, stop words and "Conference notes…"
 * ignored). 1 means the same words in the same order.
 */
export function similarity(a: string, b: string): PairMeasure {
  const lexicon = new Lexicon();
  const idsA = lexicon.tokens(a).ids;
  const idsB = lexicon.tokens(b).ids;
  const same = idsA.length === idsB.length && idsA.every((id, i) => id === idsB[i]);
  const ngrams = numberNgrams([idsA, idsB]);
  const phrasesA = phraseIds(idsA, ngrams.threes.at[0]!, ngrams);
  const phrasesB = phraseIds(idsB, ngrams.threes.at[1]!, ngrams);
  return measurePair(phrasesA.length, phrasesB.length, countShared(phrasesA, phrasesB), same, { similarity: 0, aInB: 0, bInA: 0, verdict: 'different' });
}

/** A similarity as a whole percentage, rounded down so only identical phrase sets show 100. */
export function percent(value: number): number {
  return Math.floor(value * 100 + 1e-9);
}
