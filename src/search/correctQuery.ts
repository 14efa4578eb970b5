import { editDistance } from '../util/distance.js';
import type { ParsedQuery, Term } from './parseQuery.js';

/** What the index knows about words: how many pages hold one, and every word it has. */
export interface Vocabulary {
  documentFrequency(word: string): number;
  vocabulary(minLength: number, maxLength: number): Iterable<[string, number]>;
  wordsStartingWith(prefix: string, limit: number): string[];
  /**
   * The words that start with `start`, between two lengths and without digits, with their page
   * counts (a range of the index); without it, `vocabulary` is filtered.
   */
  wordsFrom?(start: string, minLength: number, maxLength: number): ReadonlyArray<readonly [string, number]>;
}

export interface Correction {
  from: string;
  to: string;
}

/** How many typing mistakes a word of this length may carry and still be corrected. */
export function allowedDistance(length: number): number {
  if (length < 4) return 0;
  return length < 9 ? 1 : 2;
}

/** Whether `a` becomes `b` by swapping two neighbouring letters ("chiar", "chair"): one slip, not two. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Typing mistakes between two words: edit distance, with a swap of neighbouring letters as one. */
export function typoDistance(a: string, b: string, max: number): number {
  return swapped(a, b) ? 1 : editDistance(a, b, max);
}

function correctable(word: string): boolean {
  return allowedDistance(word.length) > 0 && !/^\d+$/.test(word);
}

/** The closest word the index has, nearest first and then most common; undefined if none is near. */
function closestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const max = allowedDistance(word.length);
  let best: { word: string; distance: number; docs: number } | undefined;
  for (const [candidate, docs] of vocabulary.vocabulary(word.length - max, word.length + max)) {
    if (candidate === word || /^\d+$/.test(candidate)) continue;
    const distance = typoDistance(word, candidate, max);
    if (distance > max) continue;
    if (!best || distance < best.distance || (distance === best.distance && docs > best.docs)) best = { word: candidate, distance, docs };
  }
  return best?.word;
}

/**
 * The start of a word the index has that is nearest to `prefix`, a word still being typed
 * ("refrenc" is the start of "reference" with one slip): nearest first, then most common.
 */
export function closestStart(prefix: string, vocabulary: Vocabulary): string | undefined {
  const max = allowedDistance(prefix.length);
  let best: { start: string; distance: number; docs: number } | undefined;
  for (const [candidate, docs] of vocabulary.vocabulary(prefix.length - max, Number.MAX_SAFE_INTEGER)) {
    if (/^\d+$/.test(candidate)) continue;
    for (let length = prefix.length - max; length <= Math.min(candidate.length, prefix.length + max); length++) {
      const start = candidate.slice(0, length);
      const distance = typoDistance(prefix, start, max);
      if (distance > max) continue;
      if (!best || distance < best.distance || (distance === best.distance && docs > best.docs)) best = { start, distance, docs };
    }
  }
  return best?.start;
}

/**
 * The query with each misspelled word (one no page has) replaced by the nearest word in the
 * index's own vocabulary, and each prefix no word starts with by the nearest start of a word.
 * Excluded words are left as typed, and so are the words in `asMeant` (typed with a letter beyond
 * ASCII: markedWords). Undefined when nothing changed.
 */
export function correctQuery(query: ParsedQuery, vocabulary: Vocabulary, asMeant: ReadonlySet<string> = new Set()): { query: ParsedQuery; corrections: Correction[] } | undefined {
  const corrections: Correction[] = [];
  const fixed = new Map<string, string | undefined>();
  const fix = (word: string): string => {
    if (!correctable(word) || asMeant.has(word)) return word;
    if (!fixed.has(word)) {
      // NOTE: only words no page has are corrected: a rare word that is really there ("black"
      // in black-sections) must not be swapped for a common neighbour ("back").
      const to = vocabulary.documentFrequency(word) > 0 ? undefined : closestWord(word, vocabulary);
      fixed.set(word, to);
      if (to) corrections.push({ from: word, to });
    }
    return fixed.get(word) ?? word;
  };
  // A prefix is misspelled when no word of the index starts with it.
  const fixStart = (prefix: string): string => {
    const key = `${prefix}*`;
    if (!correctable(prefix) || asMeant.has(prefix)) return prefix;
    if (!fixed.has(key)) {
      const to = vocabulary.wordsStartingWith(prefix, 1).length > 0 ? undefined : closestStart(prefix, vocabulary);
      fixed.set(key, to);
      if (to) corrections.push({ from: key, to: `${to}*` });
    }
    return fixed.get(key) ?? prefix;
  };
  const fixTerm = (term: Term): Term => {
    if (term.kind !== 'prefix') return { ...term, words: term.words.map(fix) };
    return { ...term, words: term.words.map((word, i) => (i === term.words.length - 1 ? fixStart(word) : fix(word))) };
  };
  const clauses = query.clauses.map((clause) => clause.map(fixTerm));
  if (corrections.length === 0) return undefined;
  return { query: { clauses, excluded: query.excluded }, corrections };
}

// Keys next to each other on a QWERTY keyboard: hitting one for the other is a typing slip.
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const VOWELS = 'aeiouy';
// NOTE: what one letter typed for another costs, for a to z: 1 for a neighbouring key or another
// vowel, 2 for anything else. A table, because slipDistance runs over thousands of words. Made when
// the module loads: made on first use instead, it saved under half a millisecond a search, but its
// mutants counted as survivors that no test could kill (a test process keeps the first table it
// makes, whatever mutant is active). Here Stryker leaves it out (ignoreStatic), and a unit test
// checks all 676 costs.
const COST = new Uint8Array(26 * 26).fill(2);
const letter = (c: string) => c.charCodeAt(0) - 97;
// The keys touching a key, as [row, column] steps, flat (indexed loops: run once, unoptimised,
// a for-of loop with destructuring allocates at every step).
const TOUCHING = [0, -1, 0, 1, -1, 0, -1, 1, 1, 0, 1, -1];
for (let r = 0; r < ROWS.length; r++) {
  for (let c = 0; c < ROWS[r]!.length; c++) {
    const key = letter(ROWS[r]![c]!);
    COST[key * 27] = 0;
    for (let t = 0; t < TOUCHING.length; t += 2) {
      const other = ROWS[r + TOUCHING[t]!]?.[c + TOUCHING[t + 1]!];
      if (other) COST[key * 26 + letter(other)] = 1;
    }
  }
}
for (let a = 0; a < VOWELS.length; a++) for (let b = 0; b < VOWELS.length; b++) if (a !== b) COST[letter(VOWELS[a]!) * 26 + letter(VOWELS[b]!)] = 1;

function substitution(a: number, b: number): number {
  if (a === b) return 0;
  const x = a - 97;
  const y = b - 97;
  return x >= 0 && x < 26 && y >= 0 && y < 26 ? COST[x * 26 + y]! : 2;
}

// Three rows of the distance table, reused: slipDistance allocates nothing.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Typing mistakes between two words: a letter missed, added, swapped with its neighbour, or
 * hit on the key next to it (or one vowel for another) count one each; any other letter for
 * another counts two, so "whip" is two from "chip" and is not taken for it. Beyond `max`, the
 * answer is `max + 1`, however far apart the words are.
 * NOTE: only the band of the table within `max` of its diagonal is worked out (a cell further
 * from it costs more than `max` to reach): 3 cells a row instead of a whole row, for the one slip
 * allowed in most words, over every word of the index that starts as the typed one does.
 */
export function slipDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
    rowC = new Int32Array(b.length + 1);
  }
  const far = max + 1; // any cell outside the band: more than max
  let before = rowA; // row i - 2
  let previous = rowB; // row i - 1
  let current = rowC;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= max ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current[0] = i <= max ? i : far;
    if (from > 1) current[from - 1] = far; // the cells just outside the band, as the next row reads them
    if (to < b.length) current[to + 1] = far;
    let rowMin = current[0]!;
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + substitution(ca, cb));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return far;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[b.length]!, far);
}

/**
 * The nearest word of the index by slipDistance (then the most common), other than `word` itself.
 * NOTE: only words that start with the same letter, or with the first two letters swapped, are
 * looked at: a range of the index's sorted words, not a scan of all of them (at 1,000 notes a
 * scan costs tens of milliseconds). A slip in the first letter is rare, and is the slip that
 * makes unrelated words (whip, chip).
 */
function nearestWord(word: string, vocabulary: Vocabulary, max: number, minDocs = 1): string | undefined {
  let best: { word: string; distance: number; docs: number } | undefined;
  const starts = word.length > 1 && word[1] !== word[0] ? [word[0]!, word[1]! + word[0]!] : [word[0]!];
  for (const start of starts) {
    // A word with digits is never the one meant by a word without (w123, 2024): wordsFrom leaves them out.
    const candidates = vocabulary.wordsFrom
      ? vocabulary.wordsFrom(start, word.length - max, word.length + max)
      : [...vocabulary.vocabulary(word.length - max, word.length + max)].filter(([w]) => w.startsWith(start) && !/\d/.test(w));
    // NOTE: an indexed loop: it runs over hundreds of words, too few for V8 to optimise, and a
    // for-of loop with destructuring allocates at every step.
    for (let c = 0; c < candidates.length; c++) {
      const candidate = candidates[c]![0];
      const docs = candidates[c]![1];
      if (candidate === word || docs < minDocs) continue;
      const distance = slipDistance(word, candidate, max);
      if (distance > max || (best && distance > best.distance)) continue;
      if (!best || distance < best.distance || docs > best.docs) best = { word: candidate, distance, docs };
    }
  }
  return best?.word;
}

/** What to do with a word no page has, as written (see fixWord). */
export type WordRepair = { kind: 'prefix'; to: string } | { kind: 'correct'; to: string } | { kind: 'missing' } | undefined;

/**
 * A meaningful word of a question, before it is searched: left alone when a page has it (as
 * written, or by its stem: `stemMatches`); read as the start of a word when it starts a
 * handbook word ("vot" is vot*: vote, votes, voting); else corrected to the nearest word a slip
 * away ("refrence" is reference), unless `mayCorrect` is false; else in no page at all ("whip":
 * never swapped for "chip").
 */
export function fixWord(word: string, vocabulary: Vocabulary, stemMatches: (word: string) => boolean, mayCorrect = true): WordRepair {
  // A number, or a word with digits in it (2024, 3iii), is searched as typed: nothing is near it.
  if (word.length < 3 || /\d/.test(word)) return undefined;
  if (vocabulary.documentFrequency(word) > 0 || stemMatches(word)) return undefined;
  const starts = vocabulary.wordsStartingWith(word, 1)[0];
  if (starts !== undefined && (word.length >= 5 || vocabulary.documentFrequency(starts) >= 2)) return { kind: 'prefix', to: word };
  const max = mayCorrect ? allowedDistance(word.length) : 0;
  const near = max > 0 ? nearestWord(word, vocabulary, max) : undefined;
  if (near) return { kind: 'correct', to: near };
  return { kind: 'missing' };
}

/**
 * A word that is in a page or two and is probably a slip for a far more common word ("cars vote"
 * for "card vote"): asked only when the words as typed are in no page together.
 */
export function commonNeighbour(word: string, vocabulary: Vocabulary): string | undefined {
  const max = allowedDistance(word.length);
  if (max === 0 || /^\d+$/.test(word)) return undefined;
  const docs = vocabulary.documentFrequency(word);
  if (docs > 2) return undefined;
  return nearestWord(word, vocabulary, max, Math.max(4, docs * 4));
}
