import { BEYOND_PLAIN, foldText } from './fold.js';

/** One thing to look for: a word, a "quoted phrase", or the start of a word (prefix*). */
export interface Term {
  kind: 'word' | 'phrase' | 'prefix';
  /** The words as the tokenizer will see them: letters and digits, lowercased. */
  words: string[];
  /** Typed inside "quotes": always searched exactly as typed, never left out or widened. */
  quoted?: boolean;
}

/**
 * A parsed search: every clause must match (AND); a clause matches when any of its terms does
 * (OR); a page with any excluded term is dropped.
 */
export interface ParsedQuery {
  clauses: Term[][];
  excluded: Term[];
}

/** A query the delegate typed that cannot be searched, with a message that says why in plain words. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

// NOTE: the same characters SQLite's unicode61 tokenizer keeps (letters, numbers, private use);
// everything else separates words. Made on first use (unicodeToken()): V8 reads a pattern with
// Unicode property classes when the expression is evaluated, and the first costs 0.3 ms (its
// Unicode tables) when the code comes from the kept code (Node 24, 3 December 2026).
let token: RegExp | undefined;
const unicodeToken = (): RegExp => (token ??= /[\p{L}\p{N}\p{Co}]+/gu);
// The same for ASCII text, which most queries are (with punctuation and symbols beyond it that
// separate words: BEYOND_PLAIN): the Unicode property classes above are not made at all.
const ASCII_TOKEN = /[a-z0-9]+/g;

/** The words the index sees in `text`: folded as the index folds them (lowercase, Latin accents removed). */
export function tokenize(text: string): string[] {
  if (!BEYOND_PLAIN.test(text)) return text.toLowerCase().match(ASCII_TOKEN) ?? [];
  return (foldText(text).match(unicodeToken()) ?? []) as string[];
}

/** The words of a query as typed: with the case and the marks of their letters. */
function typedWords(query: string): string[] {
  return (BEYOND_PLAIN.test(query) ? query.match(/[\p{L}\p{N}\p{Co}\p{M}]+/gu) : query.match(/[A-Za-z0-9]+/g)) ?? [];
}

/**
 * The words of `query` that tokenize() made `words` of, as the delegate typed them (case,
 * accents, a final sigma: "Café", "λόγος"), to name them back; `words` joined when no run of
 * typed words folds to them.
 */
export function asTyped(query: string, words: readonly string[]): string {
  const typed = typedWords(query);
  const folded = typed.map((word) => tokenize(word));
  for (let start = 0; start < typed.length; start++) {
    const found: string[] = [];
    for (let end = start; end < typed.length && found.length < words.length; end++) {
      found.push(...folded[end]!);
      if (found.length === words.length && found.every((w, i) => w === words[i])) return typed.slice(start, end + 1).join(' ');
    }
  }
  return words.join(' ');
}

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * The words of a query typed with a letter beyond ASCII (café, Müller, λόγος), as the index
 * folds them. Such a word is written as meant, so it is never read as a slip for another word:
 * "café" is not a mistyped "care", though f and r are neighbouring keys. (A word typed with an
 * accent and a slip as well is then left as typed: in an English handbook, the rarer loss.)
 */
export function markedWords(query: string): ReadonlySet<string> {
  if (!BEYOND_PLAIN.test(query)) return NO_WORDS;
  const words = new Set<string>();
  for (const typed of typedWords(query)) {
    if (/[^\x00-\x7f]/.test(typed)) for (const word of tokenize(typed)) words.add(word);
  }
  return words;
}

/**
 * Search as you type: the last word, while it is still being typed (nothing follows it), is
 * read as the start of a word, so "composi" already finds compositing. A quoted phrase still
 * open, OR, AND, and a word already ending in * are left as typed.
 */
export function asYouType(input: string): string {
  if ((input.match(/"/g)?.length ?? 0) % 2 === 1) return input;
  const last = /(?:^|\s)-?([^\s"]+)$/.exec(input)?.[1];
  if (last === undefined || last.endsWith('*') || last === 'OR' || last === 'AND') return input;
  const words = tokenize(last);
  // Only when the word itself ends the input ("vote," is a finished word).
  return words.length > 0 && tokenize(last.slice(-1)).length > 0 ? `${input}*` : input;
}

interface Token {
  type: 'term' | 'or';
  term?: Term;
  negated?: boolean;
}

function lex(input: string, lenient: boolean): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let negated = false;
    if (c === '-') {
      const next = input[i + 1];
      if (next === undefined || /\s/.test(next)) {
        if (lenient) {
          i++;
          continue;
        }
        throw new QueryError('"-" on its own excludes nothing: put it straight before the word to leave out, as in -emergency');
      }
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1 && !lenient) throw new QueryError('a quote is opened but never closed: put a " at the end of the phrase');
      const end = close === -1 ? input.length : close;
      const text = input.slice(i + 1, end);
      i = end + 1;
      let prefix = false;
      if (input[i] === '*') {
        prefix = true;
        while (input[i] === '*') i++;
      }
      const words = tokenize(text);
      if (words.length > 0) tokens.push({ type: 'term', negated, term: { kind: prefix ? 'prefix' : words.length > 1 ? 'phrase' : 'word', words, quoted: true } });
      else if (!lenient && text.trim() === '') throw new QueryError('an empty pair of quotes has nothing to search for');
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/.test(input[end]!) && input[end] !== '"') end++;
    const raw = input.slice(i, end);
    i = end;
    if (!negated && raw === 'OR') {
      tokens.push({ type: 'or' });
      continue;
    }
    if (!negated && raw === 'AND') continue; // words are ANDed already
    const prefix = raw.endsWith('*');
    const words = tokenize(raw);
    if (words.length === 0) {
      if (raw.replace(/\*/g, '') === '' && !lenient) throw new QueryError('"*" goes at the end of the start of a word, as in composit*');
      continue; // punctuation on its own: nothing the index could match
    }
    tokens.push({ type: 'term', negated, term: { kind: prefix ? 'prefix' : words.length > 1 ? 'phrase' : 'word', words } });
  }
  return tokens;
}

/**
 * Parse what the delegate typed: words (ANDed), "quoted phrases", OR between alternatives,
 * -excluded words, and prefix*. `lenient` is for search-as-you-type: a half-typed query is
 * read as far as it makes sense instead of being refused.
 */
export function parseQuery(input: string, options: { lenient?: boolean } = {}): ParsedQuery {
  const lenient = !!options.lenient;
  const tokens = lex(input, lenient);
  const clauses: Term[][] = [];
  const excluded: Term[] = [];
  let joinNext = false;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.type === 'or') {
      const before = tokens[t - 1];
      const after = tokens[t + 1];
      const ok = before?.type === 'term' && !before.negated && after?.type === 'term' && !after.negated;
      if (!ok) {
        if (lenient) continue;
        throw new QueryError('OR needs a word to look for on each side, as in: amendment OR remit');
      }
      joinNext = true;
      continue;
    }
    if (token.negated) excluded.push(token.term!);
    else if (joinNext && clauses.length > 0) clauses[clauses.length - 1]!.push(token.term!);
    else clauses.push([token.term!]);
    joinNext = false;
  }
  if (clauses.length === 0 && !lenient) {
    throw new QueryError(
      excluded.length > 0 ? 'give at least one word to look for; a -word only leaves pages out' : 'there are no words to search for',
    );
  }
  return { clauses, excluded };
}

// Every word reaches SQLite inside double quotes, so nothing the delegate types is read as
// FTS5 syntax; the tokenizer (with stemming) still applies inside the quotes.
function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** One term as FTS5 syntax: a quoted string, with * for a prefix. */
export function termExpression(term: Term): string {
  const phrase = quote(term.words.join(' '));
  return term.kind === 'prefix' ? `${phrase}*` : phrase;
}

/**
 * The query with each prefix term also matching, as whole words, the words of the index that
 * start with it: `words(prefix)` gives them. NOTE: the pages are indexed with stemming, and
 * SQLite matches a prefix against the stems: "referen*" finds nothing, because "reference" is
 * kept as "refer". Each word found is stemmed as the pages were, so it matches.
 */
export function expandPrefixes(query: ParsedQuery, words: (prefix: string) => readonly string[]): ParsedQuery {
  const expand = (term: Term): Term[] => {
    if (term.kind !== 'prefix') return [term];
    const start = term.words.slice(0, -1);
    const whole = words(term.words.at(-1)!).map((word): Term => ({ kind: start.length > 0 ? 'phrase' : 'word', words: [...start, word] }));
    return [term, ...whole];
  };
  return { clauses: query.clauses.map((clause) => clause.flatMap(expand)), excluded: query.excluded.flatMap(expand) };
}

/** The FTS5 MATCH expression for a parsed query; empty when there is nothing to look for. */
export function toMatchExpression(query: ParsedQuery): string {
  if (query.clauses.length === 0) return '';
  const must = query.clauses.map((clause) => `(${clause.map(termExpression).join(' OR ')})`).join(' AND ');
  if (query.excluded.length === 0) return must;
  return `(${must}) NOT (${query.excluded.map(termExpression).join(' OR ')})`;
}

/** A word to mark where it matched: a whole word (any word with its stem), or the start of words. */
export interface HighlightWord {
  word: string;
  prefix: boolean;
}

/** Each word of the query's terms once, to mark in the lines shown (a phrase's words one by one). */
export function highlightWords(query: ParsedQuery): HighlightWord[] {
  const seen = new Map<string, HighlightWord>();
  for (const term of query.clauses.flat()) {
    term.words.forEach((word, i) => {
      const prefix = term.kind === 'prefix' && i === term.words.length - 1;
      const key = `${word}${prefix ? '*' : ''}`;
      if (!seen.has(key)) seen.set(key, { word, prefix });
    });
  }
  return [...seen.values()];
}

/** The query written back out in the syntax the delegate uses (to say what was searched). */
export function formatQuery(query: ParsedQuery): string {
  const term = (t: Term) => (t.kind === 'phrase' ? `"${t.words.join(' ')}"` : t.kind === 'prefix' ? `${t.words.length > 1 ? `"${t.words.join(' ')}"` : t.words[0]}*` : t.words[0]!);
  return [...query.clauses.map((c) => c.map(term).join(' OR ')), ...query.excluded.map((t) => `-${term(t)}`)].join(' ');
}
