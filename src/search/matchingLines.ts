import type { Database } from './database.js';
import { TOKENIZER } from './indexSchema.js';

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

const OPEN = '\u0001';
const CLOSE = '\u0002';
/** The longest line shown whole; a longer one is cut to a window around its first match. */
export const LINE_WINDOW = 160;

/**
 * The lines of each page that contain a searched word, found with the same tokenizer (and so
 * the same stemming) as the index: each line goes into a temporary FTS5 table and SQLite's
 * highlight() marks the words.
 */
export function matchingLines(
  db: Database,
  sources: readonly LinesSource[],
  query: { expression: string; words: readonly string[]; counted?: readonly string[] },
  maxLines: number,
): PageLines[] {
  // Only lines holding the first letters of a searched word can match (stemming changes the ends
  // of words, not their starts), so only those go to the tokenizer.
  const starts = query.words.map((w) => w.slice(0, 3));
  const counts = (query.counted ?? query.words).map((w) => w.slice(0, 3));
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.lines USING fts5(text, page UNINDEXED, line UNINDEXED, ${TOKENIZER})`);
  db.exec('DELETE FROM temp.lines');
  const insert = db.prepare('INSERT INTO temp.lines(text, page, line) VALUES (?, ?, ?)');
  const sections = sources.map(() => new Map<number, string>());
  db.transaction(() => {
    sources.forEach((source, page) => {
      insert.run(clean(source.title), page, 0);
      for (const { text, index, section } of candidateLines(clean(source.body.replace(/\r(?=\n|$)/g, '')), starts)) {
        const line = source.bodyLine + index;
        if (section !== undefined) sections[page]!.set(line, section);
        insert.run(text, page, line);
      }
    });
  });
  const results: PageLines[] = sources.map((s) => ({ title: { text: s.title, matches: [] }, lines: [] }));
  if (!query.expression) return results;
  const rows = db
    .prepare(`SELECT page, line, highlight(lines, 0, '${OPEN}', '${CLOSE}') AS marked FROM temp.lines WHERE lines MATCH ? ORDER BY page, line`)
    .all(query.expression) as unknown as Array<{ page: number; line: number; marked: string }>;
  const candidates = sources.map(() => [] as Array<MatchedLine & { words: number }>);
  for (const row of rows) {
    const { text, matches } = unmark(row.marked);
    if (row.line === 0) {
      results[row.page]!.title = { text, matches };
      continue;
    }
    // How many of the searched words the line holds (composite and compositing are one word);
    // with `counted`, only those words count (a synonym is marked but does not make a line better).
    const words = new Set(
      matches
        .map(([s, e]) => {
          const found = fold(text.slice(s, e));
          return counts.findIndex((start) => found.startsWith(start));
        })
        .filter((i) => i >= 0),
    ).size;
    const section = sections[row.page]!.get(row.line);
    candidates[row.page]!.push({ line: row.line, ...windowAround(text, matches, LINE_WINDOW), ...(section ? { section } : {}), words });
  }
  // The lines with the most different searched words, shown in file order.
  candidates.forEach((lines, page) => {
    results[page]!.lines = lines
      .sort((a, b) => b.words - a.words || a.line - b.line)
      .slice(0, maxLines)
      .sort((a, b) => a.line - b.line)
      .map(({ words: _words, ...line }) => line);
  });
  db.exec('DELETE FROM temp.lines');
  return results;
}

/** A line that may hold a searched word: its text, its 0-based index in the body, its section. */
interface CandidateLine {
  text: string;
  index: number;
  section: string | undefined;
}

// Lines that open or close a code fence, and headings, found over the whole body at once: each
// alternative starts at a line's start and stays within the line (\n only: lines are split on it).
// NOTE: [^\S\n] is \s without the line break.
const STRUCTURE = /(?<![^\n])[^\S\n]*(?:```|~~~)|(?<![^\n])#{1,6}[^\S\n]+(.+?)[^\S\n]*#*[^\S\n]*(?![^\n])/g;

/**
 * The non-blank lines of `body` whose folded text holds one of `starts`, with the heading of the
 * section each is in (headings inside code fences do not count, and a heading line has none).
 * The body is searched whole (folding, the starts, the headings) rather than line by line: a
 * page of 150 lines then costs a few native searches instead of 150 rounds of regular expressions.
 */
function candidateLines(body: string, starts: readonly string[]): CandidateLine[] {
  const quick = foldsAsLowerCase(body, starts);
  const folded = quick ? body.toLowerCase() : fold(body);
  // Folding keeps every line break (NFKD and dropping marks never touch one), so line i of the
  // folded body is line i folded; offsets agree where lowercasing was all it took.
  const breaks = lineBreaks(folded);
  const lines = body.split('\n');
  const wanted = new Set<number>();
  if (starts.includes('')) for (let index = 0; index < lines.length; index++) wanted.add(index);
  else {
    for (const start of starts) {
      for (let at = folded.indexOf(start); at >= 0; at = folded.indexOf(start, at + 1)) {
        const index = lineAt(breaks, at);
        wanted.add(index);
        at = index < breaks.length ? breaks[index]! : folded.length; // on to the next line
      }
    }
  }
  if (wanted.size === 0) return [];
  let last = 0;
  for (const index of wanted) if (index > last) last = index;
  const bodyBreaks = quick ? breaks : lineBreaks(body);
  const structure = new Map<number, string | null>(); // line index → its heading, or null for a fence
  for (const match of body.matchAll(STRUCTURE)) structure.set(lineAt(bodyBreaks, match.index!), match[1] ?? null);
  const found: CandidateLine[] = [];
  let section: string | undefined;
  let fenced = false;
  for (let index = 0; index <= last; index++) {
    const heading = structure.get(index);
    let isHeading = false;
    if (heading === null) fenced = !fenced;
    else if (heading !== undefined && !fenced) {
      section = heading;
      isHeading = true;
    }
    if (!wanted.has(index)) continue;
    const text = lines[index]!;
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
  return !/[^\x00-\x7f\u2000-\u206f]/.test(body) && starts.every((start) => /^[a-z0-9]*$/.test(start));
}

/** The offsets of the line breaks in `text`. */
function lineBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) breaks.push(at);
  return breaks;
}

/** The 0-based line that offset `at` is on, given the line breaks' offsets. */
function lineAt(breaks: readonly number[], at: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (breaks[mid]! < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Lowercase, accents removed: as the tokenizer compares words. */
function fold(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : text.toLowerCase();
}

// The marker characters cannot come from a file: any in the text become U+FFFD first.
function clean(text: string): string {
  return text.replace(/[\u0001\u0002]/g, '\ufffd');
}

function unmark(marked: string): { text: string; matches: Array<[number, number]> } {
  let text = '';
  const matches: Array<[number, number]> = [];
  let start = -1;
  let from = 0;
  for (let at = nextMarker(marked, 0); at >= 0; at = nextMarker(marked, from)) {
    text += marked.slice(from, at);
    from = at + 1;
    if (marked.charCodeAt(at) === 1) start = text.length;
    else {
      if (start >= 0 && text.length > start) matches.push([start, text.length]);
      start = -1;
    }
  }
  return { text: text + marked.slice(from), matches };
}

/** The offset of the next OPEN or CLOSE marker at or after `from`, or -1. */
function nextMarker(text: string, from: number): number {
  const open = text.indexOf(OPEN, from);
  const close = text.indexOf(CLOSE, from);
  return open < 0 ? close : close < 0 ? open : Math.min(open, close);
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
    matches: matches.filter(([s, e]) => s >= from && e <= to).map(([s, e]) => [s + shift, e + shift] as [number, number]),
  };
}
