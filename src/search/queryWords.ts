import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentPath } from '../content/page.js';
import { foldText, isWordCode } from './fold.js';
import { lineAt, lineBreaks } from './lineBreaks.js';
import { tokenize } from './parseQuery.js';

/**
 * The words search treats specially, kept as content a reader can open and a delegation can
 * extend: question words (left out of a question) and groups of synonyms and abbreviations.
 */
export interface QueryWords {
  questionWords: ReadonlySet<string>;
  /** Each group's members, each member as the tokenizer's words ("card-vote book" is card, vote, book). */
  readonly synonyms: ReadonlyArray<ReadonlyArray<readonly string[]>>;
  /**
   * The groups, in order, that may have a member whose first word starts with one of `starts`
   * (folded): never fewer than those, perhaps more. Without it, every group is looked at.
   */
  synonymsStarting?(starts: readonly string[]): ReadonlyArray<ReadonlyArray<readonly string[]>>;
}

/** Where the lists live in each content path: the handbook's, then the notes folder's, then DELEGATE_PATH's. */
export const QUERY_WORDS_DIR = 'search';
export const QUESTION_WORDS_FILE = 'question-words.txt';
export const SYNONYMS_FILE = 'synonyms.txt';

/** The text of a list, or undefined when there is none. */
function readList(file: string): string | undefined {
  // A folder without its own list is the usual case: asked without an exception, which costs more than the read.
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // gone or unreadable since
  }
}

/** The lines of a list that say something: comments (from #) and blank lines left out. */
function listLines(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(/\r?\n/).map(meaningful).filter(Boolean);
}

function meaningful(line: string): string {
  return line.replace(/#.*$/, '').trim();
}

/** Question words from the lines of a list: words separated by spaces or commas. */
export function parseQuestionWords(lines: readonly string[]): string[] {
  return lines.flatMap((line) => tokenize(line));
}

/** Synonym groups from the lines of a list: one group a line, members separated by commas. */
export function parseSynonyms(lines: readonly string[]): string[][][] {
  return lines
    .map((line) => line.split(',').map((member) => tokenize(member)).filter((words) => words.length > 0))
    .filter((group) => group.length > 1);
}

/** The lists of every content path, merged: a delegation's own add to the handbook's. */
export function loadQueryWords(roots: readonly ContentPath[]): QueryWords {
  const questionWords = new Set<string>();
  const lists: string[] = [];
  for (const root of roots) {
    for (const word of parseQuestionWords(listLines(readList(join(root.dir, QUERY_WORDS_DIR, QUESTION_WORDS_FILE))))) questionWords.add(word);
    const synonyms = readList(join(root.dir, QUERY_WORDS_DIR, SYNONYMS_FILE));
    if (synonyms !== undefined) lists.push(synonyms);
  }
  let all: string[][][] | undefined;
  const every = () => (all ??= lists.flatMap((text) => parseSynonyms(listLines(text))));
  const some = new SynonymLines(lists, every);
  return {
    questionWords,
    get synonyms() {
      return every();
    },
    synonymsStarting: (starts) => some.groupsStarting(starts),
  };
}

/** A line of a list as one number (lineKey), in the order of the lists: list * LINES_PER_LIST + line. */
const LINES_PER_LIST = 1_000_000;

/**
 * The synonym lists, read a line at a time: a search looks for the few groups its words may
 * start, rather than splitting and stemming every group of every list (most of a plain search's
 * work on the lists, and a tenth of what it allocates).
 */
class SynonymLines {
  private folded: Array<{ text: string; lines: string[]; breaks: number[] }> | undefined;
  /** Each line read, by lineKey(): its group, or undefined for a line that makes none. */
  private readonly parsed = new Map<number, string[][] | undefined>();
  /** The lines (lineKey()) where each start begins a word, in order. */
  private readonly linesOf = new Map<string, number[]>();

  /** `every`: all the lists' groups, parsed once (for a list lineKey() cannot number). */
  constructor(
    private readonly lists: readonly string[],
    private readonly every: () => string[][][],
  ) {}

  groupsStarting(starts: readonly string[]): string[][][] {
    this.folded ??= this.lists.map((list) => {
      const text = foldText(list);
      // Folding keeps every line break, so line i of the folded list is line i of the list.
      return { text, lines: list.split(/\r?\n/), breaks: lineBreaks(text) };
    });
    // A list of a million lines or more (a file that is no list) is read whole, as lineKey() cannot number its lines.
    if (this.folded.some((list) => list.lines.length >= LINES_PER_LIST)) return this.every();
    const every = starts.includes('');
    const wanted = new Set<number>();
    for (const start of every ? [''] : new Set(starts)) for (const key of this.linesStarting(start)) wanted.add(key);
    const groups: string[][][] = [];
    for (const key of [...wanted].sort((a, b) => a - b)) {
      if (!this.parsed.has(key)) {
        const text = this.folded[Math.floor(key / LINES_PER_LIST)]!.lines[key % LINES_PER_LIST]!;
        this.parsed.set(key, parseSynonyms([meaningful(text)].filter(Boolean))[0]);
      }
      const group = this.parsed.get(key);
      if (group) groups.push(group);
    }
    return groups;
  }

  /** The lines (lineKey()) where `start` begins a word, every line for ''. */
  private linesStarting(start: string): number[] {
    let keys = this.linesOf.get(start);
    if (keys) return keys;
    keys = [];
    this.folded!.forEach(({ text, lines, breaks }, l) => {
      if (start === '') {
        for (let i = 0; i < lines.length; i++) keys!.push(l * LINES_PER_LIST + i);
        return;
      }
      let last = -1;
      for (let at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
        // At the start of a word (a character beyond ASCII before it may be a letter: kept, to be sure).
        if (at > 0 && isWordCode(text.charCodeAt(at - 1))) continue;
        const line = lineAt(breaks, at);
        if (line !== last) keys!.push(l * LINES_PER_LIST + line);
        last = line;
      }
    });
    this.linesOf.set(start, keys);
    return keys;
  }
}
