import { firstAtLeast } from '../util/firstAtLeast.js';
import { findDemandSpans, sentenceSpans } from './findParts.js';
import type { PreparedMotion } from './sharedPassages.js';
import { distinctSorted, Holders, numberNgrams, type Ngrams } from './tokens.js';
import { asWritten } from './words.js';

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
  /**
   * Where its demands were read from: its resolves; with no resolves found, the sentences that
   * ask ("Labour must …", "We call on …"); with none of those either, every sentence.
   */
  from: 'resolves' | 'asks' | 'sentences';
  demands: number;
  unique: UniqueDemand[];
}

/** A demand is found in another motion when that motion has at least this share of its word pairs. */
export const FOUND_ELSEWHERE = 0.5;

/**
 * What each motion asks for that no other does. Each demand (a point of its resolves) is
 * compared as pairs of consecutive substantive words: "150,000 council homes" and "100,000
 * social homes" share a word but no pair, so they are different demands. A demand counts as
 * unique when no single other motion has half or more of its pairs. `pairs`: the motions' 2-grams
 * (pairs of words), when the caller has numbered them already.
 */
export function uniqueDemands(
  motions: readonly PreparedMotion[],
  wordCount: number,
  pairs: Ngrams = numberNgrams(motions.map((m) => m.tokens.ids)).twos,
): MotionDemands[] {
  const pairsAt = pairs.at;
  const pairHolders = new Holders(pairsAt.map(distinctSorted), pairs.count);
  // Only needed once a demand turns out to be unique.
  let wordHolders: Holders | undefined;
  const holdersOfWords = () => (wordHolders ??= new Holders(motions.map((m) => distinctSorted(m.tokens.ids)), wordCount));
  const counts = new Int32Array(motions.length);
  // Each demand's distinct pairs, counted once each: pairSeen[pair] is the number of the
  // last demand that had it (no sorted copy made of each demand).
  const pairSeen = new Int32Array(pairs.count).fill(-1);
  let demandNumber = 0;

  return motions.map((motion, mi) => {
    const found = findDemandSpans(motion.body);
    const from: MotionDemands['from'] = found.from === 'none' ? 'sentences' : found.from;
    const demands = found.from === 'none' ? sentenceSpans(motion.body) : found.spans;
    const unique: UniqueDemand[] = [];
    for (const demand of demands) {
      // The motion's words inside the demand (its words are in order: a binary search finds them).
      const first = firstAtLeast(motion.tokens.starts, demand.start);
      const end = firstAtLeast(motion.tokens.starts, demand.end);
      if (end - first < 2) continue;
      const pairsHere = pairsAt[mi]!;
      const number = demandNumber++;
      let pairs = 0;
      counts.fill(0);
      for (let k = first; k < end - 1; k++) {
        const pair = pairsHere[k]!;
        if (pairSeen[pair] === number) continue;
        pairSeen[pair] = number;
        pairs++;
        for (let i = pairHolders.start[pair]!; i < pairHolders.start[pair + 1]!; i++) counts[pairHolders.holder[i]!]!++;
      }
      // The other motion holding most of its pairs (the first, on a tie): counted in whole
      // numbers, the share worked out once.
      let best = -1;
      for (let oi = 0; oi < motions.length; oi++) if (oi !== mi && (best === -1 || counts[oi]! > counts[best]!)) best = oi;
      const share = best === -1 ? 0 : counts[best]! / pairs;
      if (best !== -1 && share >= FOUND_ELSEWHERE) continue;
      const closest: UniqueDemand['closest'] = best === -1 ? null : { motion: motions[best]!.label, share };
      const onlyHere = new Set<string>();
      const { ids, starts, ends } = motion.tokens;
      for (let w = first; w < end; w++) {
        if (holdersOfWords().count(ids[w]!) <= 1) onlyHere.add(asWritten(motion.body, { text: '', start: starts[w]!, end: ends[w]! }));
      }
      unique.push({ text: demand.text, onlyHere: [...onlyHere], closest });
    }
    return { motion: motion.label, from, demands: demands.length, unique };
  });
}
