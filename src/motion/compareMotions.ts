import { type MotionText } from './parseMotion.js';
import { sharedPassages, type PreparedMotion, type SharedPassage } from './sharedPassages.js';
import { measurePair, phraseIds, sharedCounts, type Verdict } from './similarity.js';
import { Holders, Lexicon, numberNgrams } from './tokens.js';
import { uniqueDemands, type MotionDemands } from './uniqueDemands.js';
import { countWords } from './words.js';

/** A motion to compare: its text, and where it came from for the delegate to recognise it. */
export interface MotionToCompare extends MotionText {
  /** How the delegate knows it: its heading, or its file's name. */
  name: string;
  /** The file it was read from. */
  source: string;
  /** The PDF page it starts on. */
  page?: number;
  /** Its words, when the reader has counted them already. */
  words?: number;
}

export interface ComparedMotion {
  /** A short label for grids and lists: M1, M2… */
  label: string;
  name: string;
  source: string;
  number: string | null;
  organisation: string | null;
  title: string | null;
  page: number | null;
  words: number;
}

export interface PairComparison {
  a: string;
  b: string;
  /** Three-word phrases in common over phrases in either, 0 to 1. */
  similarity: number;
  /** Share of a's phrases found in b, and of b's in a. */
  aInB: number;
  bInA: number;
  verdict: Verdict;
}

export interface Comparison {
  motions: ComparedMotion[];
  /** similarity[i][j] for motions i and j; 1 on the diagonal. */
  matrix: number[][];
  /** Every pair, most alike first. */
  pairs: PairComparison[];
  sharedPassages: SharedPassage[];
  uniqueDemands: MotionDemands[];
}

/** Labels M1, M2… in the order given. */
export function motionLabel(index: number): string {
  return `M${index + 1}`;
}

/**
 * Compare the motions going into one composite: how alike each pair is, the passages they
 * share, and what each asks for that no other does. Only the text below each title is compared.
 */
export function compareMotions(input: readonly MotionToCompare[]): Comparison {
  const lexicon = new Lexicon();
  const prepared: PreparedMotion[] = input.map((m, i) => ({ label: motionLabel(i), body: m.body, tokens: lexicon.tokens(m.body) }));
  const ngrams = numberNgrams(prepared.map((m) => m.tokens.ids));
  const phrases = prepared.map((m, i) => phraseIds(m.tokens.ids, ngrams.threes.at[i]!, ngrams));
  const shared = sharedCounts(phrases, new Holders(phrases, ngrams.threeIds.size));

  const n = prepared.length;
  const matrix: number[][] = [];
  for (let i = 0; i < n; i++) {
    matrix.push(new Array<number>(n).fill(0));
    matrix[i]![i] = 1;
  }
  const pairs: PairComparison[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = prepared[i]!.tokens.ids;
      const b = prepared[j]!.tokens.ids;
      let same = a.length === b.length;
      for (let k = 0; same && k < a.length; k++) same = a[k] === b[k];
      const pair: PairComparison = { a: prepared[i]!.label, b: prepared[j]!.label, similarity: 0, aInB: 0, bInA: 0, verdict: 'different' };
      measurePair(phrases[i]!.length, phrases[j]!.length, shared[i * n + j]!, same, pair);
      matrix[i]![j] = matrix[j]![i] = pair.similarity;
      pairs.push(pair);
    }
  }
  // Most alike first, then the most contained. Compared as the fractions they are (shared over
  // union, shared over the smaller size): the same order as comparing the numbers, without
  // making a number object at each step of a sort of every pair.
  const order = new Int32Array(pairs.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  const sizes = phrases.map((p) => p.length);
  const similarTop = new Int32Array(pairs.length);
  const similarBottom = new Int32Array(pairs.length);
  const containedTop = new Int32Array(pairs.length);
  const containedBottom = new Int32Array(pairs.length);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) {
      const common = shared[i * n + j]!;
      const identical = pairs[k]!.verdict === 'identical';
      similarTop[k] = identical ? 1 : common;
      similarBottom[k] = identical ? 1 : Math.max(1, sizes[i]! + sizes[j]! - common);
      containedTop[k] = common;
      containedBottom[k] = Math.max(1, Math.min(sizes[i]!, sizes[j]!));
    }
  }
  const compareFractions = (a: number, b: number, c: number, d: number) => (a * d > c * b ? 1 : a * d < c * b ? -1 : 0);
  order.sort(
    (x, y) =>
      compareFractions(similarTop[y]!, similarBottom[y]!, similarTop[x]!, similarBottom[x]!) ||
      compareFractions(containedTop[y]!, containedBottom[y]!, containedTop[x]!, containedBottom[x]!) ||
      x - y,
  );
  const sorted: PairComparison[] = [];
  for (let k = 0; k < order.length; k++) sorted.push(pairs[order[k]!]!);

  return {
    motions: input.map((m, i) => ({
      label: motionLabel(i),
      name: m.name,
      source: m.source,
      number: m.number ?? null,
      organisation: m.organisation ?? null,
      title: m.title ?? null,
      page: m.page ?? null,
      words: m.words ?? countWords(m.body),
    })),
    matrix,
    pairs: sorted,
    sharedPassages: sharedPassages(prepared, ngrams.fives),
    uniqueDemands: uniqueDemands(prepared, lexicon.words.length, ngrams.twos),
  };
}
