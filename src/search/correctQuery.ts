import { editDistance } from '../util/distance.js';
import type { ParsedQuery, Term } from './parseQuery.js';

/** What the index knows about words: how many pages hold one, and every word it has. */
export interface Vocabulary {
  documentFrequency(word: string): number;
  vocabulary(minLength: number, maxLength: number): Iterable<[string, number]>;
  wordsStartingWith(prefix: string, limit: number): string[];
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
function closestStart(prefix: string, vocabulary: Vocabulary): string | undefined {
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
 * Excluded words are left as typed. Undefined when nothing changed.
 */
export function correctQuery(query: ParsedQuery, vocabulary: Vocabulary): { query: ParsedQuery; corrections: Correction[] } | undefined {
  const corrections: Correction[] = [];
  const fixed = new Map<string, string | undefined>();
  const fix = (word: string): string => {
    if (!correctable(word)) return word;
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
    if (!correctable(prefix)) return prefix;
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
