import { isSubstantive } from './stopWords.js';

/** One word of a text: its normalised form and where it sits in the original. */
export interface Word {
  /** Lower case, punctuation and apostrophes removed, thousands commas dropped ("150,000" is "150000"). */
  text: string;
  /** Offsets into the original text, so a passage can be shown in its own words. */
  start: number;
  end: number;
}

// A number with a thousands comma or a decimal point ("150,000", "9.5"), or else a run of
// letters and digits joined across apostrophes ("don't", "union's"). Hyphens and slashes split words.
// Made on first use: most motions are plain ASCII.
let WORD: RegExp | undefined;
const wordPattern = () => (WORD ??= /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{N}\p{M}]+)*/gu);
// The same for ASCII text: Unicode property classes cost ~10 ms to compile on first use, which
// is most of a short compare, and most motions are plain ASCII.
const ASCII_WORD = /[0-9]+(?:[.,][0-9]+)+|[a-z0-9]+(?:'[a-z0-9]+)*/g;

/**
 * The words of a text, in order, normalised so that case and punctuation do not matter.
 * List numbers ("1.", "b)") are layout, not words: renumbered points still compare as the same.
 * `keep`, when given, chooses which normalised words to return.
 */
export function words(text: string, keep?: (word: string) => boolean): Word[] {
  // NOTE: one native regular expression over the whole text, lower-cased once: compare reads
  // every word of every motion in a process that runs once, where native code beats a
  // hand-written loop that never gets warm.
  const ascii = !NOT_ASCII.test(text);
  const lowered = text.toLowerCase();
  // A rare letter changes length when lower-cased: then lower-case word by word instead.
  const wordByWord = lowered.length !== text.length;
  const lower = wordByWord ? text : lowered;
  const out: Word[] = [];
  const pattern = ascii ? ASCII_WORD : wordPattern();
  pattern.lastIndex = 0;
  for (let match = pattern.exec(lower); match !== null; match = pattern.exec(lower)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    if (raw.length <= 4 && isListMarker(text, start, end)) continue;
    const word = normalise(wordByWord ? raw.toLowerCase() : raw, ascii);
    if (keep === undefined || keep(word)) out.push({ text: word, start, end });
  }
  return out;
}

/** A list number ("1.", "b)", "iv.") at text[start, end), at the start of its line: layout, not a word. */
export function isListMarker(text: string, start: number, end: number): boolean {
  const after = text.charCodeAt(end);
  if (after !== 46 && after !== 41) return false; // "." or ")"
  if (!/^(?:\d{1,2}|[a-h]|[ivx]{1,4})$/i.test(text.slice(start, end))) return false;
  if (!/\s/.test(text.charAt(end + 1) || ' ')) return false;
  for (let j = start - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 40) return false; // space, tab, "("
  }
  return true;
}

const NOT_ASCII = /[^\x00-\x7f]/;

/** A word as compare and keep see it: commas out of numbers, the possessive 's and apostrophes gone. */
export function normalise(word: string, ascii: boolean): string {
  if (!ascii && NOT_ASCII.test(word)) word = word.normalize('NFKC');
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return word.includes(',') ? word.replace(/,/g, '') : word;
  // The possessive 's belongs to the noun: "union's" compares as "union".
  if (word.includes("'") || word.includes('’')) word = word.replace(/['\u2019]s$/, '').replace(/['\u2019]/g, '');
  return word;
}

/** The substantive words: stop words and the motion's frame ("Conference notes") removed. */
export function substantiveWords(text: string): Word[] {
  return words(text, isSubstantive);
}

/**
 * The words a motion's length is measured in: each run of characters between spaces that has
 * a letter or digit in it. "150,000" and "low-income" are one word each, list numbers such as
 * "1." count, bullets and lone dashes do not.
 */
export function countWords(text: string): number {
  if (NOT_ASCII.test(text)) return text.match(/[^\s]*[\p{L}\p{N}][^\s]*/gu)?.length ?? 0;
  // ASCII: the same runs counted without making them. test() steps from one to the next in the
  // regular expression engine, a third of the time of a loop over the characters here.
  let count = 0;
  ASCII_RUN.lastIndex = 0;
  while (ASCII_RUN.test(text)) count++;
  return count;
}

const ASCII_RUN = /[^\s]*[A-Za-z0-9][^\s]*/g;

/** How many times `char` occurs in text. */
export function occurrences(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** A rough stem, so "homes", "home" and "housing", "houses" meet when grouping by subject. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * A word as the text writes it, for showing back to the delegate: "Give" at the start of a
 * sentence is shown as "give", names and acronyms keep their capitals.
 */
export function asWritten(text: string, word: Word): string {
  const raw = text.slice(word.start, word.end);
  if (!/^\p{Lu}\p{Ll}/u.test(raw)) return raw;
  let i = word.start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const before = i < 0 ? '\n' : text[i]!;
  const lineStart = text.lastIndexOf('\n', word.start - 1) + 1;
  const startsSentence = '.!?:;\n'.includes(before) || LIST_MARKER_ONLY.test(text.slice(lineStart, word.start));
  return startsSentence ? raw[0]!.toLowerCase() + raw.slice(1) : raw;
}

// A line that so far holds only a list marker ("2. ", "- ").
const LIST_MARKER_ONLY = /^\s*(?:\(?(?:\d{1,2}|[a-h])[.)]|[-*\u2022\u2013])?\s*$/;
