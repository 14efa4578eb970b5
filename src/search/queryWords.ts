import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentPath } from '../content/page.js';
import { tokenize } from './parseQuery.js';

/**
 * The words search treats specially, kept as content a reader can open and a delegation can
 * extend: question words (left out of a question) and groups of synonyms and abbreviations.
 */
export interface QueryWords {
  questionWords: ReadonlySet<string>;
  /** Each group's members, each member as the tokenizer's words ("card-vote book" is card, vote, book). */
  synonyms: ReadonlyArray<ReadonlyArray<readonly string[]>>;
}

/** Where the lists live in each content path: the handbook's, then the notes folder's, then DELEGATE_PATH's. */
export const QUERY_WORDS_DIR = 'search';
export const QUESTION_WORDS_FILE = 'question-words.txt';
export const SYNONYMS_FILE = 'synonyms.txt';

function readLines(file: string): string[] {
  // A folder without its own list is the usual case: asked without an exception, which costs more than the read.
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return []; // gone or unreadable since
  }
  return text.split(/\r?\n/).map((line) => line.replace(/#.*$/, '').trim()).filter(Boolean);
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
  const synonyms: string[][][] = [];
  for (const root of roots) {
    for (const word of parseQuestionWords(readLines(join(root.dir, QUERY_WORDS_DIR, QUESTION_WORDS_FILE)))) questionWords.add(word);
    synonyms.push(...parseSynonyms(readLines(join(root.dir, QUERY_WORDS_DIR, SYNONYMS_FILE))));
  }
  return { questionWords, synonyms };
}
