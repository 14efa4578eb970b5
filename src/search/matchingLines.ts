import type { HighlightWord } from './parseQuery.js';
import { BEYOND_PLAIN, foldText, isWordCode } from './fold.js';
import { lineAt, lineBreaks } from './lineBreaks.js';
import { stem } from './porter.js';

/** A line of a page that matched, with where in the line the matched words are. */
export interface MatchedLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line (or a window of a long one, marked with …). */
  text: string;
  /** [start, end) offsets of matched words in `text`. */
  matches: Array<[number, number]>;
  /** The heading of the section the line is in, if any. */
  section?: string;
}

/** The text of one page to find matching lines in. */
export interface LinesSource {
  title: string;
  body: string;
  /** 1-based file line where `body` starts. */
  bodyLine: number;
}

export interface PageLines {
  title: { text: string; matches: Array<[number, number]> };
  lines: MatchedLine[];
}

/** The longest line shown whole; a longer one is cut to a window around its first match. */
export const LINE_WINDOW = 160;

/**
 * The lines of each page that contain a searched word, as the index matched it: a word of the
 * line that starts like a searched word is folded and stemmed as SQLite's tokenizer does
 * (porter.ts), so "referred" is marked for a search for "reference", and the start of a word for
 * "refer*". No SQLite: a temporary FTS5 table did this before, at more cost on Node 20.
 */
export function matchingLines(sources: readonly LinesSource[], query: { words: readonly HighlightWord[]; counted?: readonly string[] }, maxLines: number): PageLines[] {
  const results: PageLines[] = sources.map((s) => ({ title: { text: s.title, matches: [] }, lines: [] }));
  if (query.words.length === 0) return results;
  // Only lines holding the first letters of a searched word can match (stemming changes the ends
  // of words, not their starts), so only those are split into words.
  // Each start once: a prefix's whole words share it (vot*: vote, votes, voted...), and each
  // repeat was one more alternative the pattern of starts tried at every word of every page.
  const starts = [...new Set(query.words.map((w) => w.word.slice(0, 3)))];
  const counts = (query.counted ?? query.words.map((w) => w.word)).map((w) => w.slice(0, 3));
  const marker = new WordMarker(query.words);
  let anyStart: RegExp | undefined; // made for the first page that can use it
  const countedOn = new Int32Array(counts.length); // the tally of the line each word was last counted on
  let tally = 0; // lines tallied so far, over all pages: each line's own number in countedOn
  sources.forEach((source, page) => {
    const title = marker.spans(source.title);
    if (title.length > 0) results[page]!.title = { text: source.title, matches: title };
    const lines = candidateLines(source.body.replace(/\r(?=\n|$)/g, ''), starts, () => (anyStart ??= startsPattern(starts)));
    // First how many of the searched words each line holds (composite and compositing are one
    // word; with `counted`, only those words count: a synonym is marked but does not make a line
    // better), then only the lines shown are marked and cut: a page may have hundreds of lines
    // with a searched word, and marking each cost more than all the rest of a search.
    const best: Array<{ line: CandidateLine; words: number }> = [];
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l]!;
      const found = marker.scan(line.text);
      if (found === 0) continue;
      tally++;
      let words = 0;
      for (let m = 0; m < found; m++) {
        const i = countedAt(counts, marker, line.text, marker.starts[m]!, marker.ends[m]!);
        if (i >= 0 && countedOn[i] !== tally) {
          countedOn[i] = tally; // counted once on this line
          words++;
        }
      }
      // The lines with the most different searched words, the first of them when as many.
      if (best.length >= maxLines && (best.length === 0 || words <= best[best.length - 1]!.words)) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.words < words) at--;
      best.splice(at, 0, { line, words });
      if (best.length > maxLines) best.pop();
    }
    // Shown in file order.
    results[page]!.lines = best
      .sort((a, b) => a.line.index - b.line.index)
      .map(({ line: { text, index, section } }) => ({
        line: source.bodyLine + index,
        ...windowAround(text, marker.spans(text), LINE_WINDOW),
        ...(section !== undefined ? { section } : {}),
      }));
  });
  return results;
}

/** Which of `counts` (the first letters of the words counted) the word at [start, end) that `marker` last found in `text` is, or -1. */
function countedAt(counts: readonly string[], marker: WordMarker, text: string, start: number, end: number): number {
  const lower = marker.lower;
  if (lower !== undefined) {
    // Lowercasing was all the folding the line needed: its words are read in place.
    for (let i = 0; i < counts.length; i++) if (counts[i]!.length <= end - start && lower.startsWith(counts[i]!, start)) return i;
    return -1;
  }
  const found = foldText(text.slice(start, end));
  return counts.findIndex((c) => found.startsWith(c));
}

// A word as SQLite's unicode61 tokenizer reads one: letters, numbers and private-use characters,
// with the accents (marks) that folding removes. NOTE: compiled on first use (a Unicode class
// costs a millisecond or two to compile): most lines need only the ASCII path of wordMarker.
let unicodeWord: RegExp | undefined;

/** The words of `text` as [start, end) offsets, each folded as the index folds it. */
function wordsOf(text: string): Array<[number, number, string]> {
  const pattern = (unicodeWord ??= /[\p{L}\p{N}\p{Co}\p{M}]+/gu);
  const words: Array<[number, number, string]> = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const folded = foldText(m[0]);
    if (folded !== '') words.push([m.index, m.index + m[0].length, folded]);
  }
  return words;
}

/**
 * For a line: the [start, end) offsets of its words that match one of `words`, as the index
 * matches them. Only words that start with the first three letters of a searched word are
 * stemmed (stemming changes the ends of words, not their starts), found in the line with
 * indexOf; a line with letters beyond ASCII is split into words and folded first.
 */
export function wordMarker(words: readonly HighlightWord[]): (text: string) => Array<[number, number]> {
  const marker = new WordMarker(words);
  return (text) => marker.spans(text);
}

/**
 * wordMarker's work, with the offsets of the last line scanned kept in arrays it reuses, so that
 * the lines of a page can be counted without making a pair of numbers per word found.
 */
class WordMarker {
  /** Where each word the last scan() found starts and ends, in line order: as many as it returned. */
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  /** The line scan() read, lowercased, when that was all its folding took (else undefined). */
  lower: string | undefined;
  private readonly whole: Set<string>;
  private readonly prefixes: string[];
  private readonly wordStarts: string[];
  // NOTE: a line's words repeat from line to line (and the stemmer allocates as it goes), so
  // each word is stemmed once per marker.
  private readonly known = new Map<string, boolean>();

  constructor(words: readonly HighlightWord[]) {
    this.whole = new Set(words.filter((w) => !w.prefix).map((w) => stem(foldText(w.word))));
    this.prefixes = words.filter((w) => w.prefix).map((w) => stem(foldText(w.word)));
    this.wordStarts = [...new Set(words.map((w) => foldText(w.word).slice(0, 3)))];
  }

  /** The matched words of `text` as [start, end) pairs. */
  spans(text: string): Array<[number, number]> {
    const found = this.scan(text);
    const spans: Array<[number, number]> = [];
    for (let m = 0; m < found; m++) spans.push([this.starts[m]!, this.ends[m]!]);
    return spans;
  }

  /** Find the matched words of `text` and say how many there are; their offsets are the first of `starts` and `ends`. */
  scan(text: string): number {
    if (BEYOND_PLAIN.test(text)) {
      this.lower = undefined;
      let count = 0;
      for (const [start, end, folded] of wordsOf(text)) {
        if (this.wordStarts.some((s) => folded.startsWith(s)) && this.matches(folded)) count = this.add(count, start, end);
      }
      return count;
    }
    // Lowercasing ASCII keeps every offset, and the punctuation beyond it separates words.
    // NOTE: indexed loops here and below: run a few hundred times a search, too few for V8 to
    // optimise them, a for-of loop allocates at every step.
    const line = (this.lower = text.toLowerCase());
    let count = 0;
    for (let s = 0; s < this.wordStarts.length; s++) {
      const start = this.wordStarts[s]!;
      for (let at = line.indexOf(start); at >= 0; at = line.indexOf(start, at + 1)) {
        if (at > 0 && isWordCode(line.charCodeAt(at - 1))) continue;
        let end = at + start.length;
        while (end < line.length && isWordCode(line.charCodeAt(end))) end++;
        if (this.matches(line.slice(at, end))) count = this.add(count, at, end);
        at = end - 1;
      }
    }
    return count;
  }

  private matches(word: string): boolean {
    let match = this.known.get(word);
    if (match === undefined) {
      const stemmed = stem(word);
      match = this.whole.has(stemmed) || this.prefixes.some((p) => stemmed.startsWith(p));
      this.known.set(word, match);
    }
    return match;
  }

  /** Put [start, end) among the first `count` offsets, in order, unless a word starts there already; the new count. */
  private add(count: number, start: number, end: number): number {
    let at = count;
    while (at > 0 && this.starts[at - 1]! > start) at--;
    if (at > 0 && this.starts[at - 1] === start) return count;
    if (count === this.starts.length) {
      const starts = new Int32Array(count * 2);
      const ends = new Int32Array(count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts.copyWithin(at + 1, at, count);
    this.ends.copyWithin(at + 1, at, count);
    this.starts[at] = start;
    this.ends[at] = end;
    return count + 1;
  }
}

/** A line that may hold a searched word: its text, its 0-based index in the body, its section. */
interface CandidateLine {
  text: string;
  index: number;
  section: string | undefined;
}

/**
 * Any of `starts` (letters and digits) at the start of a word, in either case: where lowercasing is
 * all the folding a page needs. A start inside a word ("sen" in "present") is no match (scan()
 * would find none there), so its line is not looked at.
 */
function startsPattern(starts: readonly string[]): RegExp {
  // NOTE: each letter as a class of its two cases ("[rR][eE][fF]") rather than the i flag: V8
  // took 0.3 to 0.4 ms to compile the i form with its lookbehind, at every search, against 0.08
  // ms for this one (Node 24, 4 December 2026). The same matches: the starts are ASCII letters and
  // digits, and these bodies have nothing beyond ASCII but punctuation (foldsAsLowerCase).
  const either = (start: string) => start.replace(/[^a-z0-9]/g, '\\$&').replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
  return new RegExp(`(?<![A-Za-z0-9])(?:${starts.map(either).join('|')})`, 'g');
}

// A line that opens or closes a code fence, and a heading (its text captured), each tried only
// at the start of a line (sticky), a fence first; each stays within its line (\n only: lines
// are split on it). NOTE: [^\S\n] is \s without the line break. Tried line by line, only on the
// lines that start as one can: a pattern run over each whole body cost 0.3 ms of a search.
const FENCE = /[^\S\n]*(?:```|~~~)/y;
const HEADING = /#{1,6}[^\S\n]+(.+?)[^\S\n]*#*[^\S\n]*(?![^\n])/y;
const HASH = 0x23;

/** What the line starting at `from` is: its heading's text, null for a code fence, or undefined. */
export function structureAt(body: string, from: number): string | null | undefined {
  const first = body.charCodeAt(from);
  // Only #, ` and ~ can start either, after spaces for a fence (\s: beyond ASCII too).
  const space = first === 0x20 || (first >= 0x09 && first <= 0x0d) || (first >= 0x80 && /\s/.test(body[from]!));
  if (first !== HASH && first !== 0x60 && first !== 0x7e && !space) return undefined;
  FENCE.lastIndex = from;
  if (FENCE.test(body)) return null;
  if (first !== HASH) return undefined;
  HEADING.lastIndex = from;
  return HEADING.exec(body)?.[1];
}

/**
 * The non-blank lines of `body` whose folded text holds one of `starts`, with the heading of the
 * section each is in (headings inside code fences do not count, and a heading line has none).
 * The body is searched whole for the starts (folded first when lowercasing is not enough) rather
 * than line by line: a page of 150 lines then costs a native search or a few, not 150 rounds of
 * regular expressions; headings and fences are told line by line (structureAt), only up to the
 * last line wanted.
 */
function candidateLines(body: string, starts: readonly string[], anyStart: () => RegExp): CandidateLine[] {
  const quick = foldsAsLowerCase(body, starts);
  // Where lowercasing is all the folding it takes, the starts are found in the body itself, in
  // any case (a copy of each body lowercased cost more). NOTE: test() and lastIndex: no match
  // is made, only where the next search begins.
  const folded = quick ? body : foldText(body);
  // Folding keeps every line break (it touches only letters and the marks after them), so line
  // i of the folded body is line i folded.
  const breaks = lineBreaks(folded);
  const lineCount = breaks.length + 1;
  // Which lines hold a start: a byte per line, and the last of them.
  const wanted = new Uint8Array(lineCount);
  let last = -1;
  if (starts.includes('')) {
    wanted.fill(1);
    last = lineCount - 1;
  } else if (quick) {
    const pattern = anyStart();
    pattern.lastIndex = 0;
    while (pattern.test(body)) {
      const index = lineAt(breaks, pattern.lastIndex - 1); // a start holds no line break
      wanted[index] = 1;
      last = index;
      if (index >= breaks.length) break;
      pattern.lastIndex = breaks[index]! + 1; // on to the next line
    }
  } else {
    for (let s = 0; s < starts.length; s++) {
      const start = starts[s]!;
      for (let at = folded.indexOf(start); at >= 0; at = folded.indexOf(start, at + 1)) {
        const index = lineAt(breaks, at);
        wanted[index] = 1;
        if (index > last) last = index;
        at = index < breaks.length ? breaks[index]! : folded.length; // on to the next line
      }
    }
  }
  if (last < 0) return [];
  const bodyBreaks = quick ? breaks : lineBreaks(body);
  const found: CandidateLine[] = [];
  let section: string | undefined;
  let fenced = false;
  for (let index = 0; index <= last; index++) {
    const heading = structureAt(body, index === 0 ? 0 : bodyBreaks[index - 1]! + 1);
    let isHeading = false;
    if (heading === null) fenced = !fenced;
    else if (heading !== undefined && !fenced) {
      section = heading;
      isHeading = true;
    }
    if (wanted[index] === 0) continue;
    // Only the lines wanted are cut from the body (splitting it all made a string per line).
    const from = index === 0 ? 0 : bodyBreaks[index - 1]! + 1;
    const to = index < bodyBreaks.length ? bodyBreaks[index] : body.length;
    const text = body.slice(from, to);
    if (text.trim() === '') continue;
    found.push({ text, index, section: isHeading ? undefined : section });
  }
  return found;
}

/**
 * Whether lowercasing `body` finds the same words' starts as folding it: when the starts are
 * plain letters and digits and the body has no character beyond ASCII but punctuation (curly
 * quotes, dashes, the ellipsis: U+2000 to U+206F, none of which folds to a letter or a digit).
 * It saves Unicode normalisation, whose first use costs 2 to 5 ms in a process.
 */
function foldsAsLowerCase(body: string, starts: readonly string[]): boolean {
  return !BEYOND_PLAIN.test(body) && starts.every((start) => /^[a-z0-9]*$/.test(start));
}

/** A line cut to at most `size` characters around its first match (… marks a cut), offsets moved to suit. */
export function windowAround(text: string, matches: Array<[number, number]>, size: number): { text: string; matches: Array<[number, number]> } {
  if (text.length <= size) return { text, matches };
  const room = Math.max(1, size - 2); // for the … at either end
  const first = matches[0]?.[0] ?? 0;
  let from = Math.max(0, Math.min(first - Math.floor(room / 3), text.length - room));
  // Do not cut a surrogate pair in half.
  if (from > 0 && /[\udc00-\udfff]/.test(text[from]!)) from--;
  let to = Math.min(text.length, from + room);
  if (to < text.length && /[\udc00-\udfff]/.test(text[to]!)) to--;
  const lead = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  const shift = lead.length - from;
  return {
    text: lead + text.slice(from, to) + tail,
    matches: matches.filter((m) => m[0] >= from && m[1] <= to).map((m) => [m[0] + shift, m[1] + shift] as [number, number]),
  };
}
