import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '../content/frontMatter.js';
import type { ContentPath, ContentWarning } from '../content/page.js';
import { correctQuery, type Correction } from './correctQuery.js';
import { matchingLines, type LinesSource, type MatchedLine } from './matchingLines.js';
import { expandPrefixes, formatQuery, highlightExpression, parseQuery, toMatchExpression, type ParsedQuery } from './parseQuery.js';
import { sqliteErrorCode } from './database.js';
import { isDamaged, SearchIndex, type IndexedPage, type PageFilters, type SyncProgress } from './searchIndex.js';

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
}

export interface SearchHit extends IndexedPage {
  titleMatches: Array<[number, number]>;
  lines: MatchedLine[];
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
  hits: SearchHit[];
  /** Things the delegate should know (an index rebuilt), to show on stderr. */
  notices: string[];
}

export interface SessionOptions {
  cacheDir: string;
  roots: readonly ContentPath[];
  onProgress?: (progress: SyncProgress) => void;
  /** Told when another delegate command holds the index and this search starts to wait for it. */
  onWait?: () => void;
}

/** Fewer pages than this counts as "little": the query's words are checked for typos. */
export const LITTLE = 3;
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
  notices.push(`the search index ${file} could not be used (${reason}), so it was rebuilt`);
  SearchIndex.remove(file);
  return SearchIndex.open(file, options);
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

  private constructor(
    private index: SearchIndex | undefined,
    private readonly options: SessionOptions,
  ) {}

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
    const report = await this.current.sync(this.options.roots, this.options.onProgress ? { onProgress: this.options.onProgress } : {});
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
    const parsed = parseQuery(request.query, { lenient: !!request.lenient });
    const filters = request.filters ?? {};
    const limit = request.limit ?? 10;
    const index = this.current;
    // What is matched: each prefix also as the whole words that start with it (see expandPrefixes).
    const matched = (query: ParsedQuery) => expandPrefixes(query, (prefix) => index.wordsStartingWith(prefix, MAX_WORDS_FOR_PREFIX));
    const expanded = matched(parsed);
    const expression = toMatchExpression(expanded);
    const empty = { query: request.query, searched: formatQuery(parsed), corrections: [], total: 0, hits: [] };
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
    const words = usedExpanded.clauses.flat().flatMap((term) => term.words);
    const lines = matchingLines(index.connection, sources, { expression: highlightExpression(usedExpanded), words }, request.maxLines ?? 3);
    return {
      query: request.query,
      searched: formatQuery(used),
      corrections,
      ...(uncorrectedTotal !== undefined ? { uncorrectedTotal } : {}),
      total: found.total,
      hits: found.pages.map((page, i) => ({ ...page, titleMatches: lines[i]!.title.matches, lines: lines[i]!.lines })),
    };
  }

  close(): void {
    this.index?.close();
    this.index = undefined;
  }
}

async function readLinesSource(page: IndexedPage): Promise<LinesSource> {
  try {
    const { body, bodyLine } = await splitFrontMatter(readFileSync(page.file, 'utf8'));
    return { title: page.title, body, bodyLine };
  } catch {
    return { title: page.title, body: '', bodyLine: 1 }; // changed or gone since the index saw it
  }
}
