import { findParts, sentenceSpans, type Span } from './findParts.js';
import type { PreparedMotion } from './sharedPassages.js';
import { distinct, type Vocabulary } from './similarity.js';
import { asWritten, type Word } from './words.js';

/** A demand no other motion makes: a dividing line to expect in the meeting. */
export interface UniqueDemand {
  text: string;
  /** Its words that no other motion uses at all: often where the difference lies. */
  onlyHere: string[];
  /** The other motion nearest to making this demand, and the share of its word pairs found there. */
  closest: { motion: string; share: number } | null;
}

export interface MotionDemands {
  motion: string;
  /** Where its demands were read from: its resolves, or (with no resolves found) every sentence. */
  from: 'resolves' | 'sentences';
  demands: number;
  unique: UniqueDemand[];
}

/** A demand is found in another motion when that motion has at least this share of its word pairs. */
export const FOUND_ELSEWHERE = 0.5;

/**
 * Which motions hold each key, for many keys at once: every (key, motion) packed in one sorted
 * array, so finding the holders of a key is a binary search and nothing is allocated per key.
 */
class Holders {
  private readonly packed: Float64Array;
  private readonly scale: number;

  // NOTE: key × scale must stay below 2^53 to be exact: two-word phrase keys are below 2^35 and
  // word numbers far below, so this holds for up to 2^18 motions.
  constructor(keysByMotion: readonly Float64Array[]) {
    this.scale = 2 ** Math.max(1, Math.ceil(Math.log2(keysByMotion.length + 1)));
    this.packed = new Float64Array(keysByMotion.reduce((n, keys) => n + keys.length, 0));
    let i = 0;
    keysByMotion.forEach((keys, mi) => {
      for (const key of keys) this.packed[i++] = key * this.scale + mi;
    });
    this.packed.sort();
  }

  /** Where the holders of `key` sit: motion(i) for i from `from` up to `to`. */
  find(key: number): { from: number; to: number } {
    const low = key * this.scale;
    const first = (value: number) => {
      let lo = 0;
      let hi = this.packed.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.packed[mid]! < value) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return { from: first(low), to: first(low + this.scale) };
  }

  motion(i: number): number {
    return this.packed[i]! % this.scale;
  }
}

/** The motion's words inside a span: its words are in order, so two binary searches find them. */
function wordsIn(motion: PreparedMotion, span: Span): { words: Word[]; ids: number[] } {
  const first = (offset: number) => {
    let lo = 0;
    let hi = motion.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (motion.words[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const from = first(span.start);
  const to = first(span.end);
  return { words: motion.words.slice(from, to), ids: motion.ids.slice(from, to) };
}

/**
 * What each motion asks for that no other does. Each demand (a point of its resolves) is
 * compared as pairs of consecutive substantive words: "150,000 council homes" and "100,000
 * social homes" share a word but no pair, so they are different demands. A demand counts as
 * unique when no single other motion has half or more of its pairs.
 */
export function uniqueDemands(motions: readonly PreparedMotion[], vocabulary: Vocabulary): MotionDemands[] {
  const pairHolders = new Holders(motions.map((m) => vocabulary.phrases(m.ids, 2)));
  // Only needed once a demand turns out to be unique.
  let wordHolders: Holders | undefined;
  const holdersOfWords = () => (wordHolders ??= new Holders(motions.map((m) => distinct(Float64Array.from(m.ids).sort()))));
  const counts = new Int32Array(motions.length);

  return motions.map((motion, mi) => {
    const resolves = findParts(motion.body).demandSpans;
    const from = resolves.length > 0 ? 'resolves' : 'sentences';
    const demands = from === 'resolves' ? resolves : sentenceSpans(motion.body);
    const unique: UniqueDemand[] = [];
    for (const demand of demands) {
      const { words, ids } = wordsIn(motion, demand);
      if (words.length < 2) continue;
      const pairs = vocabulary.phrases(ids, 2);
      counts.fill(0);
      for (const pair of pairs) {
        const { from, to } = pairHolders.find(pair);
        for (let i = from; i < to; i++) counts[pairHolders.motion(i)]!++;
      }
      let closest: UniqueDemand['closest'] = null;
      for (let oi = 0; oi < motions.length; oi++) {
        if (oi === mi) continue;
        const share = counts[oi]! / pairs.length;
        if (!closest || share > closest.share) closest = { motion: motions[oi]!.label, share };
      }
      if (closest && closest.share >= FOUND_ELSEWHERE) continue;
      const onlyHere = new Set<string>();
      words.forEach((word, i) => {
        const { from, to } = holdersOfWords().find(ids[i]!);
        if (to - from <= 1) onlyHere.add(asWritten(motion.body, word));
      });
      unique.push({ text: demand.text, onlyHere: [...onlyHere], closest });
    }
    return { motion: motion.label, from, demands: demands.length, unique };
  });
}
