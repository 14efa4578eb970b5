import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frontMatterBody } from '../content/frontMatter.js';
import type { ContentPath, ContentWarning } from '../content/page.js';
import { closestStart, commonNeighbour, correctQuery, fixWord, type Correction, type Vocabulary } from './correctQuery.js';
import { matchingLines, type LinesSource, type MatchedLine } from './matchingLines.js';
import { asTyped, expandPrefixes, formatQuery, highlightWords, markedWords, parseQuery, termExpression, toMatchExpression, type ParsedQuery, type Term } from './parseQuery.js';
import { loadQueryWords, type QueryWords } from './queryWords.js';
import {
  canRelax,
  planQuery,
  relaxedExpression,
  relaxedPhrases,
  relaxesToPhrases,
  strictExpression,
  strictParts,
  synonymExpression,
  unitExpression,
  unitLabel,
  unitTerms,
  type ExpandTerm,
  type QueryPlan,
  type WordFix,
  type WordUnit,
} from './relaxQuery.js';
import { CHECKLIST_ID_PREFIX } from './checklistDocument.js';
import { sqliteErrorCode } from './database.js';
import { IndexDriftError, isDamaged, SearchIndex, type IndexedPage, type IndexOptions, type PageFilters, type PageMatch, type SyncProgress } from './searchIndex.js';

export type { PageFilters } from './searchIndex.js';

export interface SearchRequest {
  query: string;
  filters?: PageFilters;
  /** At most this many pages (default 10). */
  limit?: number;
  /** Matching lines shown per page (default 3). */
  maxLines?: number;
  /** Read a half-typed query as far as it makes sense (search as you type). */
  lenient?: boolean;
  /** The last word is still being typed: read it as the start of a word too. */
  typing?: boolean;
  /**
   * 'questions' (the default): question words left out, words corrected and widened by
   * synonyms, and pages ranked by how many words they have when none has all. 'exact': every
   * word must match, as before issue 11 (for the bench's before-and-after).
   */
  strategy?: 'questions' | 'exact';
}

export interface SearchHit extends IndexedPage {
  titleMatches: Array<[number, number]>;
  lines: MatchedLine[];
  /** The query's meaningful words this page has (as searched). */
  matched: string[];
  /** The query's meaningful words this page lacks (a relaxed search). */
  missing: string[];
  /** Words this page has only through a synonym. */
  synonyms: string[];
  /**
   * The command that opens the result: `delegate read <id>`, `delegate checklist <id>`, or for the
   * cheat sheet `delegate cheatsheet --section "<heading>"` of the section that matched.
   */
  command: string;
}

/** The command that opens a hit where it matched. */
export function openCommand(hit: Pick<IndexedPage, 'id' | 'kind'>, lines: readonly MatchedLine[]): string {
  if (hit.kind === 'checklist') return `delegate checklist ${hit.id}`;
  // The section most of the matching lines are in (the first of those, on a tie).
  // A matching heading counts twice: the section is about the words.
  const counts = new Map<string, number>();
  for (const line of lines) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line.text)?.[1];
    const section = line.section ?? heading;
    if (section) counts.set(section, (counts.get(section) ?? 0) + (heading ? 2 : 1));
  }
  const section = [...counts].reduce<[string, number] | undefined>((best, entry) => (!best || entry[1] > best[1] ? entry : best), undefined)?.[0];
  if (hit.kind === 'cheatsheet' && section) return `delegate cheatsheet --section "${section.replace(/["\\$`]/g, '')}"`;
  return `delegate read ${hit.id}`;
}

export interface SearchResult {
  /** The query as typed. */
  query: string;
  /** The query that was run, in the delegate's syntax (after any correction). */
  searched: string;
  /** Misspelled words replaced from the index's vocabulary; empty when none were. */
  corrections: Correction[];
  /** Pages the query as typed found, when a correction was used instead. */
  uncorrectedTotal?: number;
  /** How many pages match in all (hits holds the best `limit` of them). */
  total: number;
  /** How many pages have every meaningful word (when relaxed, fewer than total). */
  complete: number;
  /** Some results lack some of the words: no (or too few) pages had them all. */
  relaxed: boolean;
  /** Some results were found through a synonym; the groups used, as "from: to, to". */
  widened: Array<{ from: string; to: string[] }>;
  /** Question words left out. */
  dropped: string[];
  /** The query had only question words, so they were searched as typed. */
  questionOnly: boolean;
  /** Words in no page, with nothing near them: left out of the search ("no page mentions whip"). */
  unknown: string[];
  /** Words past the cap were not searched. */
  capped?: { kept: number; of: number };
  hits: SearchHit[];
  /** Things the delegate should know (an index rebuilt), to show on stderr. */
  notices: string[];
}

export interface SessionOptions extends IndexOptions {
  cacheDir: string;
  roots: readonly ContentPath[];
  onProgress?: (progress: SyncProgress) => void;
}

/** Fewer pages than this counts as "little": the query's words are checked for typos, and relaxed. */
export const LITTLE = 3;
/** A relaxed search ranks the best this many pages (by bm25 of any word) by how many words they have. */
const RELAXED_POOL = 200;
/** A prefix also matches this many of the most common whole words that start with it. */
const MAX_WORDS_FOR_PREFIX = 30;
export const INDEX_FILE = 'search.db';

// ENOENT: a folder on the way that the system will not create (as under /proc).
const CANNOT_WRITE = new Set(['EACCES', 'EROFS', 'EPERM', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'ENOENT']);

function cannotWrite(error: unknown): string | undefined {
  const code = sqliteErrorCode(error) ?? (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (CANNOT_WRITE.has(code) || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL') return code;
  return undefined;
}

/**
 * The index to use after `error` made the one in `file` unusable: a fresh file in place of a
 * damaged or foreign one, or one in memory when the cache folder cannot be written.
 */
function replacement(error: unknown, file: string, options: SessionOptions, notices: string[]): SearchIndex {
  const { cacheDir } = options;
  const code = cannotWrite(error);
  if (code) {
    notices.push(`cannot keep the search index in ${cacheDir} (${code}); searching without one, which is slower`);
    return SearchIndex.open(':memory:', options);
  }
  if (!isDamaged(error)) throw error;
  // Not `instanceof Error`: node:sqlite's errors may come from another realm (as under jest).
  const { message } = error as { message?: unknown };
  const reason = typeof message === 'string' ? message : String(error);
  if (!(error instanceof IndexDriftError)) notices.push(`the search index ${file} could not be used (${reason}), so it was rebuilt`);
  SearchIndex.remove(file);
  return SearchIndex.open(file, options);
}

/** Pages with every meaningful word (see SearchSession.strict), and which of them have the words as typed. */
interface StrictPages {
  total: number;
  pages: IndexedPage[];
  exact: Set<number>;
}

/** One query's search, as runQuestions sets it up. */
interface StrictSearch {
  parsed: ParsedQuery;
  typing: boolean;
  /** The words typed with a letter beyond ASCII (markedWords): never corrected. */
  marked: ReadonlySet<string>;
  fix: (word: string, typing?: boolean) => WordFix;
  /** Whether a page has the word, as written or by its stem. */
  inSomePage: (word: string) => boolean;
  expand: ExpandTerm;
  filters: PageFilters;
  limit: number;
}

/** The query's words a page has, lacks, and has only through a synonym. */
interface Coverage {
  matched: string[];
  missing: string[];
  synonyms: string[];
}

/** Which pages of a pool have each word of a plan as typed, and each synonym span (see wordsAmong()). */
interface WordsAmong {
  units: Array<Set<number>>;
  spans: Array<Set<number>>;
  spansOf: number[][];
}

/**
 * The FTS5 expression for the pages with one word of a plan: a word or phrase as scores() writes
 * it (so the index can answer from the scoring it has just done), a prefix with its whole words.
 */
function amongExpression(unit: WordUnit, expand: ExpandTerm): string {
  const terms = unitTerms(unit, expand);
  return terms.length === 1 ? termExpression(terms[0]!) : unitExpression(unit, expand);
}

/** How a page has the plan's word `u`: as typed, only through a synonym, or not at all ('skipped' for a word no page has). */
function howCovered(plan: QueryPlan, among: WordsAmong, docId: number, u: number): 'typed' | 'synonym' | 'missing' | 'skipped' {
  if (plan.units[u]!.missing) return 'skipped';
  if (among.units[u]!.has(docId)) return 'typed';
  // NOTE: a loop, not some(): called per page and word, a callback each time was allocated.
  const spans = among.spansOf[u]!;
  for (let s = 0; s < spans.length; s++) if (among.spans[spans[s]!]!.has(docId)) return 'synonym';
  return 'missing';
}

/** Which of the plan's words a page has (as typed, or through a synonym) and which it lacks. */
function coverOf(plan: QueryPlan, among: WordsAmong, docId: number): Coverage {
  const cover: Coverage = { matched: [], missing: [], synonyms: [] };
  for (let u = 0; u < plan.units.length; u++) {
    const how = howCovered(plan, among, docId, u);
    if (how === 'skipped') continue;
    const label = unitLabel(plan.units[u]!);
    if (how === 'missing') cover.missing.push(label);
    else cover.matched.push(label);
    if (how === 'synonym') cover.synonyms.push(label);
  }
  return cover;
}

/**
 * Search over every content path: opens the index in the cache directory, brings it in step
 * with the files, and answers queries (many, for search as you type). A damaged or foreign
 * index file is replaced; an unwritable cache falls back to an index in memory.
 */
export class SearchSession {
  /** Files that could not be read as pages at the last sync. */
  readonly warnings: ContentWarning[] = [];
  /** Things the delegate should know (an index rebuilt), to show on stderr. */
  readonly notices: string[] = [];
  /** How many files the last sync read afresh (every page, when it built the index). */
  indexed = 0;

  private queryWordsLoaded: QueryWords | undefined;

  private constructor(
    private index: SearchIndex | undefined,
    private readonly options: SessionOptions,
  ) {}

  private vocabularyLoaded: Vocabulary | undefined;

  /**
   * The index's words for corrections, read once per session: each correction would otherwise
   * scan every word of the index again (the words table cannot be searched by length).
   */
  private get vocabulary(): Vocabulary {
    if (!this.vocabularyLoaded) {
      const index = this.current;
      let all: Array<[string, number]> | undefined;
      const frequency = new Map<string, number>();
      this.vocabularyLoaded = {
        documentFrequency: (word) => {
          let docs = frequency.get(word);
          if (docs === undefined) frequency.set(word, (docs = index.documentFrequency(word)));
          return docs;
        },
        *vocabulary(minLength, maxLength) {
          all ??= [...index.vocabulary(1, Number.MAX_SAFE_INTEGER)];
          for (const entry of all) if (entry[0].length >= minLength && entry[0].length <= maxLength) yield entry;
        },
        wordsStartingWith: (prefix, limit) => index.wordsStartingWith(prefix, limit),
        wordsFrom: (start, minLength, maxLength) => index.wordsFrom(start, minLength, maxLength),
      };
    }
    return this.vocabularyLoaded;
  }

  /** The question words and synonyms of every content path, read once per session. */
  private get queryWords(): QueryWords {
    return (this.queryWordsLoaded ??= loadQueryWords(this.options.roots));
  }

  static async open(options: SessionOptions): Promise<SearchSession> {
    const session = new SearchSession(undefined, options);
    const file = join(options.cacheDir, INDEX_FILE);
    try {
      session.index = SearchIndex.open(file, options);
    } catch (error) {
      session.index = replacement(error, file, options, session.notices);
    }
    await session.retrying(() => session.sync(), { syncs: true });
    return session;
  }

  private get current(): SearchIndex {
    if (!this.index) throw new Error('the search session is closed');
    return this.index;
  }

  private async sync(): Promise<void> {
    this.vocabularyLoaded = undefined; // the words change with the pages
    const report = await this.current.sync(this.options.roots, this.options.onProgress ? { onProgress: this.options.onProgress } : {});
    this.indexed = report.indexed;
    this.warnings.splice(0, this.warnings.length, ...report.warnings);
  }

  /**
   * Run `work`; if the index file turns out unusable, replace it and run `work` again (after
   * bringing the new index up to date, unless `work` does that itself).
   */
  private async retrying<T>(work: () => Promise<T>, options: { syncs?: boolean } = {}): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const { file } = this.current;
      if (file === ':memory:') throw error;
      this.current.close();
      this.index = replacement(error, file, this.options, this.notices);
      this.vocabularyLoaded = undefined;
      if (!options.syncs) await this.sync();
      return work();
    }
  }

  /**
   * The best pages for what the delegate typed, with their matching lines. When the query
   * finds little, its misspelled words are corrected and it runs again.
   * Throws QueryError for a query that cannot be read.
   */
  async find(request: SearchRequest): Promise<SearchResult> {
    const noticesBefore = this.notices.length;
    const result = await this.retrying(() => this.run(request));
    return { ...result, notices: this.notices.slice(noticesBefore) };
  }

  private async run(request: SearchRequest): Promise<Omit<SearchResult, 'notices'>> {
    return request.strategy === 'exact' ? this.runExact(request) : this.runQuestions(request);
  }

  private async runQuestions(request: SearchRequest): Promise<Omit<SearchResult, 'notices'>> {
    const parsed = parseQuery(request.query, { lenient: !!request.lenient });
    const filters = request.filters ?? {};
    const limit = request.limit ?? 10;
    const marked = markedWords(request.query);
    const { expand, fix, inSomePage } = this.wordHelpers(marked);
    const search: StrictSearch = { parsed, typing: !!request.typing, marked, fix, inSomePage, expand, filters, limit };
    const { plan, found, fixedCorrections, uncorrectedTotal: uncorrectedFound } = this.searchCorrected(search);
    const complete = found.total;
    const { pages, total, cover: relaxedCover } = this.relaxedIfLittle(plan, found, search);
    // A page the words as typed found has them all: only the others are looked at word by word
    // (a relaxed search has done so already, for the pages it shows).
    const searchedUnits = plan.units.filter((u) => !u.missing);
    const whole = { matched: searchedUnits.map(unitLabel), missing: [], synonyms: [] };
    const cover =
      relaxedCover ??
      this.coverage(
        plan,
        expand,
        pages.filter((p) => !found.exact.has(p.docId)).map((p) => p.docId),
      );
    for (const page of pages) if (found.exact.has(page.docId)) cover.set(page.docId, whole);
    const corrections: Correction[] = [
      ...plan.units
        .filter((u) => !u.missing && (u.typing ? u.typed.join(' ') !== u.words.join(' ') : u.prefix || u.typed.join(' ') !== u.words.join(' ')))
        .map((u) => ({ from: u.typed.join(' '), to: unitLabel(u) })),
      ...fixedCorrections,
    ];
    let uncorrectedTotal = uncorrectedFound;
    if (corrections.length > 0 && uncorrectedTotal === undefined) uncorrectedTotal = 0;

    const hits = await this.hitsWithLines(plan, expand, pages, cover, request.maxLines ?? 3);
    const used = new Set(hits.flatMap((h) => h.synonyms));
    const searchedTerms: Term[][] = searchedUnits.map((u) => [{ kind: u.prefix ? 'prefix' : u.words.length > 1 ? 'phrase' : 'word', words: u.words }]);
    return {
      query: request.query,
      searched: formatQuery({ clauses: [...searchedTerms, ...plan.fixed], excluded: plan.excluded }),
      corrections,
      ...(uncorrectedTotal !== undefined && corrections.length > 0 ? { uncorrectedTotal } : {}),
      total,
      complete,
      relaxed: hits.some((h) => h.missing.length > 0),
      widened: plan.spans
        .filter((s) => s.units.some((u) => used.has(unitLabel(plan.units[u]!))))
        .map((s) => ({ from: s.matched, to: s.alternatives.map((t) => t.words.join(' ')) })),
      dropped: plan.dropped,
      questionOnly: plan.questionOnly,
      unknown: plan.units.filter((u) => u.missing).map((u) => asTyped(request.query, u.typed)),
      ...(plan.capped ? { capped: plan.capped } : {}),
      hits,
    };
  }

  /**
   * For one query: `expand` reads a prefix as the whole words that start with it, `fix`
   * corrects a word from the index's vocabulary, and `inSomePage` says whether a page has a word
   * (as written or by its stem); each remembers what it worked out.
   */
  private wordHelpers(marked: ReadonlySet<string>): { expand: ExpandTerm; fix: (word: string, typing?: boolean) => WordFix; inSomePage: (word: string) => boolean } {
    const index = this.current;
    const expansions = new Map<string, Term[]>();
    const expand: ExpandTerm = (term) => {
      if (term.kind !== 'prefix') return [term];
      const key = term.words.join(' ');
      let terms = expansions.get(key);
      if (!terms) {
        terms = expandPrefixes({ clauses: [[term]], excluded: [] }, (prefix) => index.wordsStartingWith(prefix, MAX_WORDS_FOR_PREFIX)).clauses[0]!;
        expansions.set(key, terms);
      }
      return terms;
    };
    const found = new Map<string, boolean>();
    const inSomePage = (word: string): boolean => {
      let has = found.get(word);
      if (has === undefined) found.set(word, (has = index.anyMatch(termExpression({ kind: 'word', words: [word] }))));
      return has;
    };
    const vocabulary = this.vocabulary;
    const repairs = new Map<string, WordFix>();
    const fix = (word: string, typing = false): WordFix => {
      // The word still being typed is the start of a word: corrected only when no word starts so.
      if (typing) {
        if (index.wordsStartingWith(word, 1).length > 0 || word.length < 4 || marked.has(word)) return undefined;
        const start = closestStart(word, vocabulary);
        return start ? { to: start, prefix: true } : undefined;
      }
      if (!repairs.has(word)) {
        const repair = fixWord(word, vocabulary, inSomePage, !marked.has(word));
        repairs.set(word, repair === undefined ? undefined : repair.kind === 'missing' ? 'missing' : { to: repair.to, prefix: repair.kind === 'prefix' });
      }
      return repairs.get(word);
    };
    return { expand, fix, inSomePage };
  }

  /**
   * The pages with every word, after the corrections that find more: rare words read as the
   * common words next to them, then quoted phrases and prefixes corrected.
   */
  private searchCorrected(search: StrictSearch): { plan: QueryPlan; found: StrictPages; fixedCorrections: Correction[]; uncorrectedTotal: number | undefined } {
    const { parsed, typing, marked, fix, inSomePage, expand, filters, limit } = search;
    const vocabulary = this.vocabulary;
    let plan: QueryPlan | undefined;
    let found: StrictPages | undefined;
    // The words as typed first: when some page has them all as typed (not through a synonym),
    // fix() would leave every one as it is (it changes only a word no page has, as written or by
    // its stem), so that is the plan, found without asking the vocabulary about each word. When a
    // word is in no page, neither are they all, and the pages are not asked: the plan below is
    // searched either way, so this never changes what is found. NOTE: not for the word still
    // being typed, which fix() reads as written.
    if (!typing) {
      const asTyped = planQuery(parsed, this.queryWords, {});
      if (!asTyped.units.some((u) => u.words.length === 1 && !inSomePage(u.words[0]!))) {
        // Only its pages with every word as typed decide: none, and the synonyms need not be searched.
        const foundAsTyped = this.strict(asTyped, expand, filters, limit, false);
        if (foundAsTyped.exact.size > 0) [plan, found] = [asTyped, foundAsTyped];
      }
    }
    if (!plan || !found) {
      plan = planQuery(parsed, this.queryWords, { typing, fix });
      found = this.strict(plan, expand, filters, limit);
    }
    const fixedCorrections: Correction[] = [];
    let uncorrectedTotal: number | undefined;
    // Every word is in some page, but not together: a rare word may be a slip for a common one.
    if (found.total === 0 && plan.units.filter((u) => !u.missing).length > 1) {
      const near = new Map<string, string>();
      for (const unit of plan.units) {
        if (unit.missing || unit.prefix || unit.words.length !== 1 || marked.has(unit.words[0]!)) continue;
        const to = commonNeighbour(unit.words[0]!, vocabulary);
        if (to) near.set(unit.typed[0]!, to);
      }
      if (near.size > 0) {
        const again = planQuery(parsed, this.queryWords, { typing, fix: (w, t) => (near.has(w) && !t ? { to: near.get(w)!, prefix: false } : fix(w, t)) });
        const foundAgain = this.strict(again, expand, filters, limit);
        if (foundAgain.total > 0) {
          uncorrectedTotal = 0;
          plan = again;
          found = foundAgain;
        }
      }
    }
    // Quoted phrases and prefixes as typed find little: correct them as before (refrenc* is referenc*).
    if (found.total < LITTLE && plan.fixed.length > 0) {
      const corrected = correctQuery({ clauses: plan.fixed, excluded: [] }, this.current, marked);
      if (corrected) {
        const again: QueryPlan = { ...plan, fixed: corrected.query.clauses };
        const foundAgain = this.strict(again, expand, filters, limit);
        if (foundAgain.total > found.total) {
          uncorrectedTotal ??= found.total;
          plan = again;
          found = foundAgain;
          fixedCorrections.push(...corrected.corrections);
        }
      }
    }
    return { plan, found, fixedCorrections, uncorrectedTotal };
  }

  /**
   * When few pages have every word: the pages with most of them, best first, and (`cover`, only
   * when the search was relaxed) which words each of those pages has and lacks.
   */
  private relaxedIfLittle(plan: QueryPlan, found: StrictPages, search: StrictSearch): { pages: IndexedPage[]; total: number; cover?: Map<number, Coverage> } {
    const { expand, filters, limit } = search;
    if (found.total >= LITTLE || !canRelax(plan)) return { pages: found.pages, total: found.total };
    const pool = relaxesToPhrases(plan)
      ? this.current.matchesAny(relaxedPhrases(plan, expand), filters, RELAXED_POOL)
      : this.current.matches(relaxedExpression(plan, expand), filters, RELAXED_POOL);
    if (pool.total <= found.total) return { pages: found.pages, total: found.total };
    const ids = pool.matches.map((m) => m.docId);
    // NOTE: scored first: the index keeps which pages each word's term matched, and wordsAmong()
    // then asks SQLite only about the words scored otherwise (a prefix, a synonym span).
    const score = this.scores(plan, expand, ids, true);
    const among = this.wordsAmong(plan, expand, ids);
    // Most words first, then fewest through a synonym, then the best score. NOTE: counted into
    // arrays by place in the pool: a coverage of lists for each of up to 200 pages cost more.
    const matched = new Int32Array(ids.length);
    const viaSynonym = new Int32Array(ids.length);
    const scored = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      for (let u = 0; u < plan.units.length; u++) {
        const how = howCovered(plan, among, ids[i]!, u);
        if (how === 'typed') matched[i]!++;
        else if (how === 'synonym') {
          matched[i]!++;
          viaSynonym[i]!++;
        }
      }
      scored[i] = score.get(ids[i]!)!;
    }
    const order = ids.map((_, i) => i).sort((a, b) => matched[b]! - matched[a]! || viaSynonym[a]! - viaSynonym[b]! || scored[b]! - scored[a]!);
    const best = order.slice(0, limit).map((i) => pool.matches[i]!);
    const cover = new Map(best.map((m) => [m.docId, coverOf(plan, among, m.docId)]));
    return { pages: this.current.pagesOf(best), total: pool.total, cover };
  }

  /** The pages as hits: each with its matching lines, highlighted, and the words it has and lacks. */
  private async hitsWithLines(plan: QueryPlan, expand: ExpandTerm, pages: IndexedPage[], cover: Map<number, Coverage>, maxLines: number): Promise<SearchHit[]> {
    const searchedUnits = plan.units.filter((u) => !u.missing);
    // What to highlight: every word looked for, its synonyms, and the operator clauses.
    const highlight: ParsedQuery = {
      clauses: [...searchedUnits.map((u) => unitTerms(u, expand)), ...plan.spans.map((s) => s.alternatives), ...plan.fixed.map((c) => c.flatMap(expand))],
      excluded: [],
    };
    const sources = await Promise.all(pages.map((page) => readLinesSource(page)));
    const counted = [...searchedUnits.flatMap((u) => unitTerms(u, expand)), ...plan.fixed.flat()].flatMap((term) => term.words);
    const lines = matchingLines(sources, { words: highlightWords(highlight), counted }, maxLines);
    return pages.map((page, i) => {
      const c = cover.get(page.docId)!;
      const shown = { ...page, id: shownId(page) };
      const pageLines = lines[i]?.lines ?? [];
      return { ...shown, titleMatches: lines[i]?.title.matches ?? [], lines: pageLines, matched: c.matched, missing: c.missing, synonyms: c.synonyms, command: openCommand(shown, pageLines) };
    });
  }

  /**
   * Pages with every meaningful word: first those with each word as typed (bm25), then those
   * that have some only through a synonym, so a synonym never outranks the words typed.
   * With `widenAlone` false, the synonyms are not searched when no page has every word as typed
   * (the caller wants to know only that).
   */
  private strict(plan: QueryPlan, expand: ExpandTerm, filters: PageFilters, limit: number, widenAlone = true): StrictPages {
    const index = this.current;
    const matches = (expression: string, synonyms: boolean) =>
      this.noneHasAll(plan, expand, synonyms) ? { total: 0, matches: [] } : index.matches(expression, filters, RELAXED_POOL);
    const exact = plan.units.some((u) => u.missing) && plan.spans.length > 0 ? '' : strictExpression(plan, expand, false);
    const first = exact ? this.ranked(plan, expand, matches(exact, false), limit, false) : { total: 0, pages: [] };
    const asTyped = new Set(first.pages.map((p) => p.docId));
    if (!widenAlone && asTyped.size === 0) return { ...first, exact: asTyped };
    // NOTE: synonyms are searched only when the words as typed fill fewer places than asked for:
    // a page found through a synonym always comes after them, so it would not be shown (and
    // total then counts the pages with the words as typed).
    if (plan.spans.length === 0 || first.pages.length >= limit) return { ...first, exact: asTyped };
    const widened = strictExpression(plan, expand, true);
    if (!widened) return { ...first, exact: asTyped };
    const second = this.ranked(plan, expand, matches(widened, true), limit + first.pages.length, true);
    return {
      total: Math.max(first.total, second.total),
      pages: [...first.pages, ...second.pages.filter((p) => !asTyped.has(p.docId))].slice(0, limit),
      exact: asTyped,
    };
  }

  /**
   * Whether no page can have every part strictExpression() asks for together, told from the
   * pages each part matches, which a small index keeps (SearchIndex.pagesWith()): then the
   * search need not be run. The operator clauses, exclusions and filters only take pages away,
   * so they are not looked at. False when the index is not small, or some page has them all.
   * NOTE: a question seldom has every word in one page; on the handbook its search cost 0.9 ms,
   * and the pages read here are the ones the relaxed search that follows asks about.
   */
  private noneHasAll(plan: QueryPlan, expand: ExpandTerm, synonyms: boolean): boolean {
    const index = this.current;
    const pagesOf = (u: number): ReadonlySet<number> | undefined => {
      const unit = plan.units[u]!;
      return index.pagesWith(amongExpression(unit, expand), unitTerms(unit, expand).length === 1);
    };
    const parts: Array<ReadonlySet<number>> = [];
    for (const { span, units } of strictParts(plan, synonyms)) {
      if (!span) {
        const pages = pagesOf(units[0]!);
        if (!pages) return false;
        parts.push(pages);
        continue;
      }
      const viaSynonym = index.pagesWith(synonymExpression(span), false);
      if (!viaSynonym) return false;
      // The span's own words all as typed (none, when one is in no page), or its synonym.
      const typed = units.some((u) => plan.units[u]!.missing) ? [] : units.map(pagesOf);
      if (typed.some((pages) => !pages)) return false;
      const part = new Set(viaSynonym);
      if (typed.length > 0) for (const id of typed[0]!) if (typed.every((pages) => pages!.has(id))) part.add(id);
      parts.push(part);
    }
    if (parts.length === 0) return false;
    const [smallest] = [...parts].sort((a, b) => a.size - b.size);
    for (const id of smallest!) if (parts.every((pages) => pages.has(id))) return false;
    return true;
  }

  /** The best `limit` of `found`, by scores(), with their pages' columns. */
  private ranked(plan: QueryPlan, expand: ExpandTerm, found: { total: number; matches: PageMatch[] }, limit: number, synonyms: boolean): { total: number; pages: IndexedPage[] } {
    const score = this.scores(plan, expand, found.matches.map((m) => m.docId), synonyms);
    const order = new Map(found.matches.map((m, i) => [m.docId, i]));
    const best = [...found.matches].sort((a, b) => score.get(b.docId)! - score.get(a.docId)! || order.get(a.docId)! - order.get(b.docId)!).slice(0, limit);
    return { total: found.total, pages: this.current.pagesOf(best) };
  }

  /**
   * Each page's score for the terms searched (with the synonyms when `synonyms`): bm25 as FTS5
   * computes it (field weights, term frequency, page length), summed over the terms, but with an
   * IDF that stays above zero for a word in more than half the pages, log(1 + (N - n + 0.5) /
   * (n + 0.5)) as Lucene has it. FTS5's own IDF is floored at 1e-6 for such a word, so in a
   * handbook of forty pages "compositing" in a title counted for nothing beside a rarer word.
   */
  private scores(plan: QueryPlan, expand: ExpandTerm, docIds: number[], synonyms: boolean): Map<number, number> {
    const index = this.current;
    const total = new Map<number, number>(docIds.map((d) => [d, 0]));
    if (docIds.length === 0) return total; // nothing to score: no term need be counted
    const terms = [
      // A prefix is scored as one term (vot*), not as each of the up to 30 words it is expanded to.
      ...plan.units.filter((u) => !u.missing).flatMap((u) => (u.prefix ? [{ kind: 'prefix', words: u.words } as Term] : unitTerms(u, expand))),
      ...(synonyms ? plan.spans.flatMap((s) => s.alternatives) : []),
      ...plan.fixed.flat(),
    ];
    const seen = new Set<string>();
    for (const term of terms) {
      const expression = termExpression(term);
      if (seen.has(expression)) continue;
      seen.add(expression);
      const { matches, rows, scores } = index.termScores(expression, docIds);
      if (matches === 0) continue;
      const ratio = (rows - matches + 0.5) / (matches + 0.5);
      const idf = Math.log(1 + ratio) / Math.max(Math.log(ratio), 1e-6);
      scores.forEach((score, docId) => total.set(docId, total.get(docId)! + score * idf));
    }
    return total;
  }

  /** For each page, which of the plan's words it has (as typed, or through a synonym) and which it lacks. */
  private coverage(plan: QueryPlan, expand: ExpandTerm, docIds: number[]): Map<number, Coverage> {
    const among = this.wordsAmong(plan, expand, docIds);
    return new Map(docIds.map((docId) => [docId, coverOf(plan, among, docId)]));
  }

  /** Which of `docIds` have each word of the plan as typed, and each synonym span. */
  private wordsAmong(plan: QueryPlan, expand: ExpandTerm, docIds: number[]): WordsAmong {
    const index = this.current;
    return {
      units: plan.units.map((unit) => (unit.missing ? new Set<number>() : index.matchingAmong(amongExpression(unit, expand), docIds))),
      spans: plan.spans.map((span) => index.matchingAmong(synonymExpression(span), docIds)),
      // The synonym spans each word is in, by their place in plan.spans.
      spansOf: plan.units.map((_, u) => plan.spans.flatMap((span, s) => (span.units.includes(u) ? [s] : []))),
    };
  }

  private async runExact(request: SearchRequest): Promise<Omit<SearchResult, 'notices'>> {
    const parsed = parseQuery(request.query, { lenient: !!request.lenient });
    const filters = request.filters ?? {};
    const limit = request.limit ?? 10;
    const index = this.current;
    // What is matched: each prefix also as the whole words that start with it (see expandPrefixes).
    const matched = (query: ParsedQuery) => expandPrefixes(query, (prefix) => index.wordsStartingWith(prefix, MAX_WORDS_FOR_PREFIX));
    const expanded = matched(parsed);
    const expression = toMatchExpression(expanded);
    const plain = { complete: 0, relaxed: false, widened: [], dropped: [], questionOnly: false, unknown: [] };
    const empty = { query: request.query, searched: formatQuery(parsed), corrections: [], total: 0, hits: [], ...plain };
    if (!expression) return empty;

    let used: ParsedQuery = parsed;
    let usedExpanded = expanded;
    let found = index.pages(expression, filters, limit);
    let corrections: Correction[] = [];
    let uncorrectedTotal: number | undefined;
    if (found.total < LITTLE) {
      const corrected = correctQuery(parsed, index);
      if (corrected) {
        const correctedExpanded = matched(corrected.query);
        const again = index.pages(toMatchExpression(correctedExpanded), filters, limit);
        if (again.total > found.total) {
          uncorrectedTotal = found.total;
          found = again;
          used = corrected.query;
          usedExpanded = correctedExpanded;
          corrections = corrected.corrections;
        }
      }
    }
    const sources = await Promise.all(found.pages.map((page) => readLinesSource(page)));
    const lines = matchingLines(sources, { words: highlightWords(usedExpanded) }, request.maxLines ?? 3);
    return {
      query: request.query,
      searched: formatQuery(used),
      corrections,
      ...(uncorrectedTotal !== undefined ? { uncorrectedTotal } : {}),
      total: found.total,
      ...plain,
      complete: found.total,
      hits: found.pages.map((page, i) => {
        const shown = { ...page, id: shownId(page) };
        return { ...shown, titleMatches: lines[i]!.title.matches, lines: lines[i]!.lines, matched: [], missing: [], synonyms: [], command: openCommand(shown, lines[i]!.lines) };
      }),
    };
  }

  close(): void {
    this.index?.close();
    this.index = undefined;
  }
}

/** A page's id as the delegate uses it: a checklist's without the prefix that keeps it apart from pages. */
function shownId(page: IndexedPage): string {
  return page.kind === 'checklist' && page.id.startsWith(CHECKLIST_ID_PREFIX) ? page.id.slice(CHECKLIST_ID_PREFIX.length) : page.id;
}

async function readLinesSource(page: IndexedPage): Promise<LinesSource> {
  try {
    const { body, bodyLine } = frontMatterBody(readFileSync(page.file, 'utf8'));
    return { title: page.title, body, bodyLine };
  } catch {
    return { title: page.title, body: '', bodyLine: 1 }; // changed or gone since the index saw it
  }
}
