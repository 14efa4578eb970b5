import type { Word } from './words.js';

/** A motion ready for comparison: its substantive words, and their numbers in a shared vocabulary. */
export interface PreparedMotion {
  label: string;
  body: string;
  words: Word[];
  ids: number[];
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
export const MIN_PASSAGE_WORDS = 5;

interface Run {
  length: number;
  /** Each motion that holds it, and the position of its first occurrence there. */
  at: Map<number, number>;
  /** The lowest-numbered motion holding it, and where. */
  first: number;
}

function hashOf(ids: readonly number[], from: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + length; i++) h = Math.imul(h ^ ids[i]!, 0x01000193);
  return h & 0x3fffffff; // a small integer, which a Map keys fastest
}

function sameRun(a: readonly number[], p: number, b: readonly number[], q: number, length: number): boolean {
  if (p + length > a.length || q + length > b.length) return false;
  for (let i = 0; i < length; i++) if (a[p + i] !== b[q + i]) return false;
  return true;
}

/**
 * The passages several motions share, longest first: maximal runs of at least `minWords`
 * substantive words that appear, in order, in two or more motions. A passage inside a longer
 * one is reported only when more motions share it than share the longer one.
 */
export function sharedPassages(motions: readonly PreparedMotion[], minWords = MIN_PASSAGE_WORDS): SharedPassage[] {
  const k = minWords;
  // Seeds: every run of k words, as (hash, where) packed in one number and sorted, so runs with
  // the same words sit side by side. Hashes can collide: matches are always checked word by word.
  const motionOf: number[] = [];
  const posOf: number[] = [];
  motions.forEach((m, mi) => {
    for (let p = 0; p + k <= m.ids.length; p++) {
      motionOf.push(mi);
      posOf.push(p);
    }
  });
  const whereBits = Math.max(1, Math.ceil(Math.log2(motionOf.length + 1)));
  const hashBits = Math.min(30, 53 - whereBits);
  const packed = new Float64Array(motionOf.length);
  for (let g = 0; g < packed.length; g++) {
    const hash = hashOf(motions[motionOf[g]!]!.ids, posOf[g]!, k) >>> (30 - hashBits);
    packed[g] = hash * 2 ** whereBits + g;
  }
  packed.sort();
  const whereOf = (value: number) => value % 2 ** whereBits;
  const hashOfPacked = (value: number) => Math.floor(value / 2 ** whereBits);

  const found: Run[] = [];
  const idAt = (occ: readonly number[], i: number, offset: number) => {
    const ids = motions[occ[i]!]!.ids;
    const at = occ[i + 1]! + offset;
    return at >= 0 && at < ids.length ? ids[at]! : -1;
  };
  const motionCount = (occ: readonly number[]) => {
    const first = occ[0];
    for (let i = 2; i < occ.length; i += 2) if (occ[i] !== first) return 2;
    return 1;
  };
  // The passage is maximal on the left unless every occurrence has the same word before it.
  const leftMaximal = (occ: readonly number[]) => {
    const before = idAt(occ, 0, -1);
    if (before === -1) return true;
    for (let i = 2; i < occ.length; i += 2) if (idAt(occ, i, -1) !== before) return true;
    return false;
  };
  const report = (occ: readonly number[], length: number) => {
    const at = new Map<number, number>();
    for (let i = 0; i < occ.length; i += 2) if (!at.has(occ[i]!)) at.set(occ[i]!, occ[i + 1]!);
    found.push({ length, at, first: Math.min(...at.keys()) });
  };
  // Walk forward from a group of occurrences of the same words, as down a suffix tree: where
  // the group splits (the next words differ, or a motion ends), the words so far are a passage.
  const descend = (occ: number[], depth: number): void => {
    for (;;) {
      const next = idAt(occ, 0, depth);
      let same = next !== -1;
      for (let i = 2; same && i < occ.length; i += 2) same = idAt(occ, i, depth) === next;
      if (!same) break;
      depth++;
    }
    if (motionCount(occ) < 2 || !leftMaximal(occ)) return;
    report(occ, depth);
    const children = new Map<number, number[]>();
    for (let i = 0; i < occ.length; i += 2) {
      const next = idAt(occ, i, depth);
      if (next === -1) continue;
      const child = children.get(next);
      if (child) child.push(occ[i]!, occ[i + 1]!);
      else children.set(next, [occ[i]!, occ[i + 1]!]);
    }
    for (const child of children.values()) if (child.length >= 4 && motionCount(child) >= 2) descend(child, depth + 1);
  };

  for (let start = 0; start < packed.length; ) {
    const hash = hashOfPacked(packed[start]!);
    let end = start + 1;
    while (end < packed.length && hashOfPacked(packed[end]!) === hash) end++;
    if (end - start >= 2) {
      const list: number[] = [];
      for (let i = start; i < end; i++) {
        const g = whereOf(packed[i]!);
        list.push(motionOf[g]!, posOf[g]!);
      }
      if (motionCount(list) >= 2 && leftMaximal(list)) {
        // Split the group by its actual words before walking it.
        const groups = new Map<string, number[]>();
        const m0 = list[0]!;
        const p0 = list[1]!;
        for (let i = 0; i < list.length; i += 2) {
          const mi = list[i]!;
          const p = list[i + 1]!;
          const key = sameRun(motions[m0]!.ids, p0, motions[mi]!.ids, p, k) ? '' : motions[mi]!.ids.slice(p, p + k).join(' ');
          const group = groups.get(key);
          if (group) group.push(mi, p);
          else groups.set(key, [mi, p]);
        }
        for (const group of groups.values()) if (group.length >= 4 && motionCount(group) >= 2 && leftMaximal(group)) descend(group, k);
      }
    }
    start = end;
  }

  // Is `inner` inside `outer`? Look where outer sits in the first motion that holds it.
  const within = (inner: Run, outer: Run) => {
    const start = outer.at.get(outer.first)!;
    const p = inner.at.get(outer.first);
    return p !== undefined && p >= start && p + inner.length <= start + outer.length;
  };

  found.sort((x, y) => y.length - x.length || y.at.size - x.at.size || x.first - y.first);
  const keptBySet = new Map<string, Run[]>();
  // Kept runs by the first motion that holds them: a run can only lie inside a longer one
  // whose first motion is among its own.
  const keptByFirst = new Map<number, Array<{ run: Run; index: number }>>();
  const passages: SharedPassage[] = [];
  for (const run of found) {
    const who = [...run.at.keys()].sort((x, y) => x - y);
    const setKey = who.join(',');
    const sameSet = keptBySet.get(setKey) ?? [];
    if (sameSet.some((longer) => within(run, longer))) continue;
    sameSet.push(run);
    keptBySet.set(setKey, sameSet);

    let partOf = -1;
    for (const mi of who) {
      for (const { run: longer, index } of keptByFirst.get(mi) ?? []) {
        if (longer.length > run.length && (partOf === -1 || index < partOf) && within(run, longer)) partOf = index;
      }
    }
    const index = passages.length;
    const list = keptByFirst.get(run.first);
    if (list) list.push({ run, index });
    else keptByFirst.set(run.first, [{ run, index }]);

    const m = motions[run.first]!;
    const pos = run.at.get(run.first)!;
    const text = m.body.slice(m.words[pos]!.start, m.words[pos + run.length - 1]!.end).replace(/\s+/g, ' ');
    passages.push({
      text,
      words: run.length,
      writtenWords: text.split(' ').length,
      motions: who.map((i) => motions[i]!.label),
      partOf: partOf === -1 ? null : partOf,
    });
  }
  return passages;
}
