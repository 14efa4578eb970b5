import type { Tokens } from './tokens.js';
import { numberNgrams, type Ngrams } from './tokens.js';
import { singleSpaced } from '../util/singleSpaced.js';
import { occurrences } from './words.js';

/** A motion ready for comparison: its substantive words as numbers shared by all the motions. */
export interface PreparedMotion {
  label: string;
  body: string;
  tokens: Tokens;
}

/** A passage found in more than one motion: the common ground a composite can be drawn from. */
export interface SharedPassage {
  /** The passage as the first motion that has it words it (small words may differ elsewhere). */
  text: string;
  /** Its length in substantive words. */
  words: number;
  /** Its length as written, small words included. */
  writtenWords: number;
  /** The labels of every motion that has it. */
  motions: string[];
  /** The index in this list of a longer passage it is part of (shared by fewer motions), or null. */
  partOf: number | null;
}

/** Passages shorter than this many substantive words are not reported. */
// NOTE: the 5-grams numberNgrams() gives are the seeds: change both together.
export const MIN_PASSAGE_WORDS = 5;

/** A stretch of words repeated in two motions or more, before it is kept as a SharedPassage. */
interface Repeat {
  length: number;
  /** Each motion that holds it, and the position of its first occurrence there. */
  at: Map<number, number>;
  /** The lowest-numbered motion holding it, and where. */
  first: number;
}

/**
 * Every motion's words in one array, each motion with -1 before and after it; a place in it
 * ("g") stands for a motion and a position at once.
 */
interface Layout {
  all: Int32Array;
  /** The motion each place belongs to (-1 on the separators). */
  motionAt: Int32Array;
  /** Where each motion starts in `all`. */
  base: Int32Array;
}

function layMotionsEndToEnd(motions: readonly PreparedMotion[]): Layout {
  let size = 1;
  for (const m of motions) size += m.tokens.ids.length + 1;
  const all = new Int32Array(size).fill(-1);
  const motionAt = new Int32Array(size).fill(-1);
  const base = new Int32Array(motions.length);
  let g = 1;
  motions.forEach((m, mi) => {
    base[mi] = g;
    all.set(m.tokens.ids, g);
    motionAt.fill(mi, g, g + m.tokens.ids.length);
    g += m.tokens.ids.length + 1;
  });
  return { all, motionAt, base };
}

/** The places of each seed (k-gram), side by side: seed s at places[start[s], start[s + 1]). */
function placesBySeed(layout: Layout, fives: Ngrams): { start: Int32Array; places: Int32Array } {
  const { base } = layout;
  const size = layout.all.length;
  const seedCount = fives.count;
  const seedAt = new Int32Array(size).fill(-1);
  for (let mi = 0; mi < base.length; mi++) seedAt.set(fives.at[mi]!, base[mi]!);
  const start = new Int32Array(seedCount + 1);
  for (let i = 0; i < size; i++) if (seedAt[i]! >= 0) start[seedAt[i]! + 1]!++;
  for (let s = 0; s < seedCount; s++) start[s + 1]! += start[s]!;
  const fill = start.slice(0, seedCount);
  const places = new Int32Array(start[seedCount]!);
  for (let i = 0; i < size; i++) if (seedAt[i]! >= 0) places[fill[seedAt[i]!]!++] = i;
  return { start, places };
}

/** Of the places occ[from, to): do they lie in two motions or more? */
function manyMotions(motionAt: Int32Array, occ: ArrayLike<number>, from = 0, to = occ.length): boolean {
  const first = motionAt[occ[from]!];
  for (let i = from + 1; i < to; i++) if (motionAt[occ[i]!] !== first) return true;
  return false;
}

/** The passage is maximal on the left unless every occurrence has the same word before it. */
function leftMaximal(all: Int32Array, occ: ArrayLike<number>, from = 0, to = occ.length): boolean {
  const before = all[occ[from]! - 1]!;
  if (before === -1) return true;
  for (let i = from + 1; i < to; i++) if (all[occ[i]! - 1] !== before) return true;
  return false;
}

function report(layout: Layout, found: Repeat[], occ: ArrayLike<number>, length: number): void {
  const { motionAt, base } = layout;
  const at = new Map<number, number>();
  let first = Infinity;
  for (let i = 0; i < occ.length; i++) {
    const mi = motionAt[occ[i]!]!;
    if (!at.has(mi)) at.set(mi, occ[i]! - base[mi]!);
    if (mi < first) first = mi;
  }
  found.push({ length, at, first });
}

/**
 * Walk forward from places holding the same words, as down a suffix tree: where they part (the
 * next words differ, or a motion ends), the words so far are a passage.
 */
function descend(layout: Layout, found: Repeat[], occ: ArrayLike<number>, depth: number): void {
  const { all, motionAt } = layout;
  for (;;) {
    const next = all[occ[0]! + depth]!;
    if (next === -1) break;
    let same = true;
    for (let i = 1; same && i < occ.length; i++) same = all[occ[i]! + depth] === next;
    if (!same) break;
    depth++;
  }
  if (!manyMotions(motionAt, occ) || !leftMaximal(all, occ)) return;
  report(layout, found, occ, depth);
  const children = new Map<number, number[]>();
  for (let i = 0; i < occ.length; i++) {
    const next = all[occ[i]! + depth]!;
    if (next === -1) continue;
    const child = children.get(next);
    if (child) child.push(occ[i]!);
    else children.set(next, [occ[i]!]);
  }
  for (const child of children.values()) if (child.length >= 2 && manyMotions(motionAt, child)) descend(layout, found, child, depth + 1);
}

/** Every maximal stretch of at least k words found in two motions or more, grown from the seeds. */
function findRepeats(layout: Layout, fives: Ngrams, k: number): Repeat[] {
  const { all, motionAt } = layout;
  const { start, places } = placesBySeed(layout, fives);
  const found: Repeat[] = [];
  for (let s = 0; s < fives.count; s++) {
    const from = start[s]!;
    const to = start[s + 1]!;
    if (to - from >= 2 && manyMotions(motionAt, places, from, to) && leftMaximal(all, places, from, to)) descend(layout, found, places.subarray(from, to), k);
  }
  return found;
}

/** Is `inner` inside `outer`? Look where outer sits in the first motion that holds it. */
function within(inner: Repeat, outer: Repeat): boolean {
  const from = outer.at.get(outer.first)!;
  const p = inner.at.get(outer.first);
  return p !== undefined && p >= from && p + inner.length <= from + outer.length;
}

/**
 * The repeats as passages, longest first: one inside a longer repeat held by the same motions is
 * dropped; one inside a longer repeat held by fewer motions is kept and points to it.
 */
function keepPassages(found: Repeat[], motions: readonly PreparedMotion[]): SharedPassage[] {
  found.sort((x, y) => y.length - x.length || y.at.size - x.at.size || x.first - y.first || x.at.get(x.first)! - y.at.get(y.first)!);
  const keptBySet = new Map<string, Repeat[]>();
  // Every repeat kept, in the order of the passages list.
  const kept: Repeat[] = [];
  const passages: SharedPassage[] = [];
  for (const repeat of found) {
    // The motions holding it, in order. Places are kept in text order, so they come in motion
    // order already: sorted only if not (each sort() call costs V8 about 1 kB, even of 2; the
    // figure that keeps this is beside the insertion sort in findParts.ts's markers()).
    const who = [...repeat.at.keys()];
    if (who.some((m, i) => i > 0 && who[i - 1]! > m)) who.sort((x, y) => x - y);
    const setKey = who.join(',');
    const sameSet = keptBySet.get(setKey) ?? [];
    if (sameSet.some((longer) => within(repeat, longer))) continue;
    sameSet.push(repeat);
    keptBySet.set(setKey, sameSet);

    // The first kept passage, longer than this one, that holds it: a repeat can only lie inside a
    // longer one whose first motion is among its own.
    let partOf = -1;
    for (let index = 0; index < kept.length && partOf === -1; index++) {
      const longer = kept[index]!;
      if (longer.length > repeat.length && repeat.at.has(longer.first) && within(repeat, longer)) partOf = index;
    }
    kept.push(repeat);

    const m = motions[repeat.first]!;
    const pos = repeat.at.get(repeat.first)!;
    const text = singleSpaced(m.body.slice(m.tokens.starts[pos]!, m.tokens.ends[pos + repeat.length - 1]!));
    passages.push({
      text,
      words: repeat.length,
      writtenWords: occurrences(text, ' ') + 1,
      motions: who.map((i) => motions[i]!.label),
      partOf: partOf === -1 ? null : partOf,
    });
  }
  return passages;
}

/**
 * The passages several motions share, longest first: maximal stretches of at least
 * MIN_PASSAGE_WORDS substantive words that appear, in order, in two or more motions. A passage
 * inside a longer one is reported only when more motions share it than share the longer one.
 * `fives`: the motions' 5-grams, when the caller has numbered them already.
 */
export function sharedPassages(motions: readonly PreparedMotion[], fives: Ngrams = numberNgrams(motions.map((m) => m.tokens.ids)).fives): SharedPassage[] {
  const layout = layMotionsEndToEnd(motions);
  return keepPassages(findRepeats(layout, fives, MIN_PASSAGE_WORDS), motions);
}
