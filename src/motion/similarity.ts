import { distinctSorted, type Holders, type RunIds } from './tokens.js';
import { substantiveWords } from './words.js';

/** Similarity is measured on runs of this many substantive words (stop words removed). */
export const PHRASE_LENGTH = 3;
/** At or above this similarity two motions are "nearly identical". */
export const NEARLY_IDENTICAL = 0.9;
/** At or above this share of one motion's phrases found in another, it is "contained" in it. */
export const CONTAINED = 0.9;
/** At or above this, two motions are "similar": worth reading side by side. */
export const SIMILAR = 0.5;

export type Verdict = 'identical' | 'nearly identical' | 'contained' | 'similar' | 'different';

// A phrase of up to three words whose word numbers are below 2^17 gets an exact numeric key
// (2^34 and up for two words, 2^51 and up for three: inside a double's exact range, and far
// above the small numbers interned phrases get); the leading 1 keeps the lengths apart.
const BASE = 2 ** 17;

/** Gives each distinct word, and each distinct phrase, a number shared across all motions. */
export class Vocabulary {
  private readonly wordIds = new Map<string, number>();
  private readonly phraseIds = new Map<string, number>();

  word(text: string): number {
    let id = this.wordIds.get(text);
    if (id === undefined) this.wordIds.set(text, (id = this.wordIds.size));
    return id;
  }

  /**
   * The distinct phrases (runs of `length` word ids) in a sequence, as sorted keys; a shorter
   * sequence is one phrase. Sorted typed arrays, not sets: compare makes thousands of these,
   * and merging two sorted arrays allocates nothing.
   */
  phrases(ids: readonly number[], length = PHRASE_LENGTH): Float64Array {
    const n = Math.min(length, ids.length);
    const keys = new Float64Array(n === 0 ? 0 : ids.length - n + 1);
    for (let i = 0; i < keys.length; i++) {
      let key = 1;
      for (let j = 0; j < n && key > 0; j++) {
        const id = ids[i + j]!;
        key = n <= 3 && id < BASE ? key * BASE + id : -1;
      }
      if (key > 0) keys[i] = key;
      else {
        const text = ids.slice(i, i + n).join(' ');
        let id = this.phraseIds.get(text);
        if (id === undefined) this.phraseIds.set(text, (id = this.phraseIds.size));
        keys[i] = id;
      }
    }
    return distinct(keys.sort());
  }
}

/** A sorted array without its repeats (reusing its memory). */
export function distinct(sorted: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/** How many keys two sorted arrays of distinct keys have in common. */
export function countShared(a: Float64Array | Int32Array, b: Float64Array | Int32Array): number {
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
 * texts counts once for every pair of them; when phrases are held by many texts at once
 * (near-copies of one model motion), merging each pair's sorted phrases is cheaper, and that
 * is done instead.
 */
export function sharedCounts(phrases: readonly Int32Array[], holders: Holders): Int32Array {
  const n = phrases.length;
  const shared = new Int32Array(n * n);
  let total = 0;
  for (const keys of phrases) total += keys.length;
  let work = 0;
  const size = holders.start.length - 1;
  for (let x = 0; x < size; x++) {
    const held = holders.count(x);
    work += (held * (held - 1)) / 2;
  }
  // Merging every pair walks each text's phrases n - 1 times.
  if (work > (n - 1) * total) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) shared[i * n + j] = shared[j * n + i] = countShared(phrases[i]!, phrases[j]!);
    return shared;
  }
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
 * The distinct phrases of `length` words in a text's word numbers, as sorted phrase numbers;
 * a text shorter than that is one phrase. Phrases are numbered by `runs`, shared by all texts.
 */
export function phraseIds(ids: Int32Array, runs: RunIds): Int32Array {
  const length = runs.n;
  if (ids.length === 0) return new Int32Array(0);
  if (ids.length >= length) return distinctSorted(runs.all(ids));
  // Shorter: pad with negative numbers no word has, so it never equals a longer phrase.
  const padded = new Int32Array(length).fill(-1 - ids.length);
  padded.set(ids);
  return Int32Array.of(runs.id(padded, 0));
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
 * says whether their word sequences are equal.
 */
export function measurePair(sizeA: number, sizeB: number, shared: number, sameWords: boolean): PairMeasure {
  const union = sizeA + sizeB - shared;
  const similarity = union === 0 ? 0 : shared / union;
  const aInB = sizeA === 0 ? 0 : shared / sizeA;
  const bInA = sizeB === 0 ? 0 : shared / sizeB;
  const verdict: Verdict =
    sameWords && sizeA > 0
      ? 'identical'
      : similarity >= NEARLY_IDENTICAL
        ? 'nearly identical'
        : Math.max(aInB, bInA) >= CONTAINED
          ? 'contained'
          : similarity >= SIMILAR
            ? 'similar'
            : 'different';
  return { similarity: sameWords && sizeA > 0 ? 1 : similarity, aInB, bInA, verdict };
}

/**
 * How alike two texts are, 0 to 1: the share of their three-word phrases they have in common,
 * counting only substantive words (case, punctuation, stop words and "Conference notes…"
 * ignored). 1 means the same words in the same order.
 */
export function similarity(a: string, b: string): PairMeasure {
  const vocabulary = new Vocabulary();
  const ids = (text: string) => substantiveWords(text).map((w) => vocabulary.word(w.text));
  const idsA = ids(a);
  const idsB = ids(b);
  const same = idsA.length === idsB.length && idsA.every((id, i) => id === idsB[i]);
  const phrasesA = vocabulary.phrases(idsA);
  const phrasesB = vocabulary.phrases(idsB);
  return measurePair(phrasesA.length, phrasesB.length, countShared(phrasesA, phrasesB), same);
}

/** A similarity as a whole percentage, rounded down so only identical phrase sets show 100. */
export function percent(value: number): number {
  return Math.floor(value * 100 + 1e-9);
}
