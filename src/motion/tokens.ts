import { isSubstantive } from './stopWords.js';
import { isListMarker, normalise, words } from './words.js';

// NOTE: compare reads every word of dozens of motions in a process that runs once, so its code
// never gets warm: what costs is work per word and memory per word (the garbage collector
// copies whatever is still alive). Here every word is a number in typed arrays, and words,
// phrases and their holders are counted without one object per word.

/** A text's substantive words: word numbers, and where each sits in the text. */
export interface Tokens {
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** Numbers each distinct substantive word of a set of texts: 0, 1, 2… */
export class Lexicon {
  /** Each token as found (lower case) → its word number, or -1 for a stop word. */
  private readonly byToken = new Map<string, number>();
  private readonly byWord = new Map<string, number>();
  /** The normalised word of each number. */
  readonly words: string[] = [];

  /** The number of a normalised word, given one if it is new. */
  word(text: string): number {
    let id = this.byWord.get(text);
    if (id === undefined) {
      id = this.words.length;
      this.byWord.set(text, id);
      this.words.push(text);
    }
    return id;
  }

  /** The substantive words of a text, as words() finds and normalises them. */
  tokens(text: string): Tokens {
    // Plain ASCII, perhaps with typographic quotes and dashes (most motions, even pasted from a
    // report): one pass over the text. Any other letter or symbol: words().
    if (NOT_ASCII_OR_PUNCTUATION.test(text)) return this.fromWords(text);
    const lower = text.toLowerCase();
    const cap = (text.length >> 1) + 1;
    const ids = new Int32Array(cap);
    const starts = new Int32Array(cap);
    const ends = new Int32Array(cap);
    let n = 0;
    const length = lower.length;
    // NOTE: sticky regular expressions step from word to word (test() makes no match object);
    // a loop over the characters runs in the interpreter here and costs half as much again.
    for (let i = 0; ; ) {
      BETWEEN_WORDS.lastIndex = i;
      BETWEEN_WORDS.test(lower);
      const start = BETWEEN_WORDS.lastIndex;
      if (start >= length) break;
      // A number with thousands commas or a decimal point ("150,000", "9.5"), or else letters
      // and digits joined across apostrophes ("don't", "union's").
      let end: number;
      NUMBER.lastIndex = start;
      if (isDigit(lower.charCodeAt(start)) && NUMBER.test(lower)) end = NUMBER.lastIndex;
      else {
        LETTERS.lastIndex = start;
        LETTERS.test(lower);
        end = LETTERS.lastIndex;
      }
      i = end;
      if (end - start <= 4 && isListMarker(text, start, end)) continue;
      const token = lower.slice(start, end);
      let id = this.byToken.get(token);
      if (id === undefined) {
        const word = normalise(token, true);
        id = isSubstantive(word) ? this.word(word) : -1;
        this.byToken.set(token, id);
      }
      if (id < 0) continue;
      ids[n] = id;
      starts[n] = start;
      ends[n] = end;
      n++;
    }
    return { ids: ids.subarray(0, n), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
  }

  private fromWords(text: string): Tokens {
    const found = words(text, isSubstantive);
    const ids = new Int32Array(found.length);
    const starts = new Int32Array(found.length);
    const ends = new Int32Array(found.length);
    found.forEach((w, k) => {
      ids[k] = this.word(w.text);
      starts[k] = w.start;
      ends[k] = w.end;
    });
    return { ids, starts, ends };
  }
}

// Outside ASCII, only quotes, dashes, ellipsis, bullets, pound and euro signs: none is part of
// a word but ’.
const NOT_ASCII_OR_PUNCTUATION = /[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00a0\u00a3\u20ac]/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// The words of lower-cased ASCII text (see words() in words.ts), from a given place.
const BETWEEN_WORDS = /[^a-z0-9]*/y;
const NUMBER = /[0-9]+(?:[.,][0-9]+)+/y;
const LETTERS = /[a-z0-9]+(?:['\u2019][a-z0-9]+)*/y;

/** Numbers each distinct pair of numbers (x, y): 0, 1, 2… in order of first appearance. */
export class PairIds {
  private slots = new Int32Array(2048);
  private pairs = new Int32Array(2048);
  size = 0;

  id(x: number, y: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashPair(x, y) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) {
        const id = this.size++;
        if (this.pairs.length < this.size * 2) {
          const grown = new Int32Array(this.pairs.length * 2);
          grown.set(this.pairs);
          this.pairs = grown;
        }
        this.pairs[id * 2] = x;
        this.pairs[id * 2 + 1] = y;
        this.slots[slot] = id + 1;
        if (this.size * 2 > this.slots.length) this.grow();
        return id;
      }
      if (this.pairs[(held - 1) * 2] === x && this.pairs[(held - 1) * 2 + 1] === y) return held - 1;
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = hashPair(this.pairs[id * 2]!, this.pairs[id * 2 + 1]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the two numbers, its high bits folded into the low ones the table uses. */
function hashPair(x: number, y: number): number {
  const h = Math.imul(Math.imul(0x811c9dc5 ^ x, 0x01000193) ^ y, 0x01000193);
  return h ^ (h >>> 15);
}

/** The n-grams of one length in a set of texts: at[t][p] is the number of the n-gram at place p of text t. */
export interface Ngrams {
  at: Int32Array[];
  /** How many distinct n-grams: each number is below it. */
  count: number;
}

/**
 * The n-grams of two, three and five words at each place of each text, each length numbered
 * across all the texts. A 3-gram is numbered as the pair (the number of its first two words, its
 * third word), a 5-gram as (the number of its first three, the number of its last two): one
 * lookup of two numbers a place for each length, where numbering them word by word took three.
 * The tables stay with the n-grams, to number a short text's one padded phrase (similarity.ts).
 */
export function numberNgrams(texts: readonly Int32Array[]): { twos: Ngrams; threes: Ngrams; fives: Ngrams; twoIds: PairIds; threeIds: PairIds } {
  const twoIds = new PairIds();
  const threeIds = new PairIds();
  const fiveIds = new PairIds();
  const link = (table: PairIds, left: Int32Array, right: Int32Array, offset: number) => {
    const out = new Int32Array(Math.max(0, right.length - offset));
    for (let p = 0; p < out.length; p++) out[p] = table.id(left[p]!, right[p + offset]!);
    return out;
  };
  const twos = texts.map((ids) => link(twoIds, ids, ids, 1));
  const threes = texts.map((ids, t) => link(threeIds, twos[t]!, ids, 2));
  const fives = texts.map((_, t) => link(fiveIds, threes[t]!, twos[t]!, 3));
  return {
    twos: { at: twos, count: twoIds.size },
    threes: { at: threes, count: threeIds.size },
    fives: { at: fives, count: fiveIds.size },
    twoIds,
    threeIds,
  };
}

/** Sorted, without repeats (a new array). */
export function distinctSorted(values: Int32Array): Int32Array {
  const sorted = Int32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/**
 * Which texts hold each number (a word or an n-gram), for all numbers below `size` at
 * once: the holders of x are holder[start[x]] up to holder[start[x + 1]], in order of text.
 */
export class Holders {
  readonly start: Int32Array;
  readonly holder: Int32Array;

  /** `distinct[t]`: the distinct numbers text t holds. */
  constructor(distinct: readonly Int32Array[], size: number) {
    const start = new Int32Array(size + 1);
    let total = 0;
    for (const values of distinct) {
      total += values.length;
      for (let i = 0; i < values.length; i++) start[values[i]! + 1]!++;
    }
    for (let x = 0; x < size; x++) start[x + 1]! += start[x]!;
    const fill = start.slice(0, size);
    const holder = new Int32Array(total);
    distinct.forEach((values, t) => {
      for (let i = 0; i < values.length; i++) holder[fill[values[i]!]!++] = t;
    });
    this.start = start;
    this.holder = holder;
  }

  count(x: number): number {
    return this.start[x + 1]! - this.start[x]!;
  }
}
