import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { FrontMatterError } from '../content/frontMatter.js';
import { MAX_PAGE_BYTES, parsePage } from '../content/loadPages.js';
import type { ContentPath, ContentWarning, Origin, Page, PageKind } from '../content/page.js';
import { ensureDir } from '../util/ensureDir.js';
import { ChecklistFormatError } from '../checklist/parseChecklist.js';
import { checklistAsPage } from './checklistDocument.js';
import { openDatabase, sqliteErrorCode, type Database, type SqlValue, type Statement } from './database.js';
import { IndexDamagedError, IndexDriftError, prepareSchema } from './indexSchema.js';
import { foldersFrom, foldersText, listContent, listedFiles, type ContentListing, type ListedFile } from './listContent.js';
import { diffListing, statsToStore, unchangedSince, type IndexedFile, type StoredListing } from './listingDiff.js';

export { IndexDamagedError, IndexDriftError, SCHEMA_VERSION, TOKENIZER } from './indexSchema.js';

/** Another process held the index for longer than we are willing to wait. */
export class IndexBusyError extends Error {
  constructor() {
    super('the search index is busy');
    this.name = 'IndexBusyError';
  }
}

/** Whether an error means the index file is unusable and should be rebuilt. */
export function isDamaged(error: unknown): boolean {
  if (error instanceof IndexDamagedError) return true;
  const code = sqliteErrorCode(error);
  return code === 'SQLITE_NOTADB' || !!code?.startsWith('SQLITE_CORRUPT');
}

function isBusy(error: unknown): boolean {
  const code = sqliteErrorCode(error);
  return !!code && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** How far FTS5's count of pages may drift from the true count before the index is rebuilt (see checkTotals). */
const MAX_DRIFT_ROWS = 20;
const MAX_DRIFT_SHARE = 0.1;

/** The first value of a SQLite varint sequence (big-endian, 7 bits a byte, the high bit for "more"). */
function firstVarint(bytes: Uint8Array): number {
  let value = 0;
  for (let i = 0; i < Math.min(bytes.length, 8); i++) {
    value = value * 128 + (bytes[i]! & 0x7f);
    if ((bytes[i]! & 0x80) === 0) break;
  }
  return value;
}

/** How long SQLite waits on its own for a lock before it answers SQLITE_BUSY, in ms. */
const SQLITE_TIMEOUT = 250;
/** How long a search waits for another delegate command to finish with the index, in ms. */
const PATIENCE = 60_000;

/**
 * Run `work`, and again while it fails with SQLITE_BUSY, for up to PATIENCE: some steps (switching
 * to WAL) get SQLITE_BUSY at once, without SQLite's own wait. `onWait` is told once, when the
 * first wait begins.
 */
function whileBusy<T>(work: () => T, onWait: (() => void) | undefined): T {
  const giveUpAt = Date.now() + PATIENCE;
  let pause = 5;
  let told = false;
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= giveUpAt) throw new IndexBusyError();
      if (!told) onWait?.();
      told = true;
      // A synchronous sleep: every SQLite call here is synchronous, and nothing else is waiting to run.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
      pause = Math.min(pause * 2, 100);
    }
  }
}

export interface IndexOptions {
  /** Told when the index is locked by another delegate command and this one starts to wait. */
  onWait?: () => void;
  /** Up to this many pages, the index keeps its words' page counts in a table of their own (KEPT_VOCABULARY_PAGES). */
  keptVocabularyPages?: number;
}

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncReport {
  /** Files read and (re)indexed. */
  indexed: number;
  removed: number;
  /** Files that could not be read as pages (kept out of results until fixed). */
  warnings: ContentWarning[];
}

/**
 * "Only these rows" (a JSON array of rowids as the last parameter), as a filter SQLite applies to
 * the rows FTS5 finds rather than a constraint FTS5 is given: given `rowid IN (...)`, FTS5 looks up
 * each rowid apart and works out bm25's document counts again for each, 5 to 15 times slower at
 * 10,000 notes. The + keeps the constraint from FTS5; the rank is then worked out only for the rows
 * that pass, with the same values (checked on "reference", "back", "reference back" and refer*).
 */
const AMONG = '+rowid IN (SELECT value FROM json_each(?))';
/**
 * Up to this many pages, the words of the index and their page counts are kept in a table
 * (vocab), made afresh after each sync that changed a page; beyond, corrections read them from
 * FTS5 (words_vocab), which counts a word's pages at each look-up. NOTE: on the bundled handbook
 * the 25 look-ups of a question took 2.2 ms from FTS5 and 0.3 ms from the table, and making the
 * table takes 1.2 ms; at 1,000 notes 9 ms, at 10,000 57 ms, at every search after a change
 * (Node 24, 3 December 2026).
 */
const KEPT_VOCABULARY_PAGES = 2000;
/** Up to this many pages in the index, termScores() reads each term's every page (wholeTermScores()). */
const WHOLE_TERM_PAGES = 300;

/**
 * What termScores() found among the last `rowids` it was given (that very array): the pages of
 * them each expression matches, with their scores; the array as json_each() reads it, and as a
 * set, each made when first wanted.
 */
interface Among {
  rowids: readonly number[];
  json?: string;
  set?: Set<number>;
  found: Map<string, Map<number, number>>;
}

/** What a search finds: a page of any kind, or a checklist. */
export type IndexedKind = PageKind | 'checklist';

export interface IndexedPage {
  docId: number;
  id: string;
  title: string;
  kind: IndexedKind;
  origin: Origin;
  file: string;
  tags: string[];
  /** bm25 with column weights: lower is better. */
  score: number;
}

/** A page that matched, before its columns are read: its row and its bm25 (lower is better). */
export interface PageMatch {
  docId: number;
  score: number;
}

type PageRow = Omit<IndexedPage, 'tags'> & { tags: string };
const PAGE_COLUMNS = 'd.id AS docId, d.page_id AS id, d.title, d.kind, d.origin, d.path AS file, d.tags';
/** What matches() reads: the page's id alone, which FTS5 has without docs. */
const MATCH_COLUMNS = 'd.id AS docId';

function toPage({ tags, ...row }: PageRow): IndexedPage {
  return { ...row, tags: tags.split(',').filter(Boolean) };
}

export interface PageFilters {
  kind?: IndexedKind;
  tag?: string;
  source?: 'bundled' | 'personal';
}

/** How recently a file may have changed and still be read again at the next search. */
const RACY_MS = 2000;

/**
 * The search index: a cache of every content page in SQLite FTS5, kept in step with the files
 * by path, size and mtime. Deleting its file loses nothing.
 */
export class SearchIndex {
  private readonly statements = new Map<string, Statement>();
  /** How many pages the index holds, counted once between syncs (each term's score needs it). */
  private pageCount: number | undefined;
  /** How many pages match each term's expression, counted once between syncs (a question asks again and again). */
  private readonly termCounts = new Map<string, number>();
  /** See Among: matchingAmong() asked about the same pages and expression reads it instead of SQLite (a relaxed search asks both of its pool). */
  private among: Among | undefined;
  /** Every page each term's expression matches, with its score, between syncs: termScores() on a small index. */
  private readonly termPages = new Map<string, SqlValue[][]>();
  /** The pages each expression matches, between syncs: pagesWith() on a small index. */
  private readonly pageIds = new Map<string, ReadonlySet<number>>();

  /** Where the words and their page counts are read from, found once between syncs (see keepVocabulary). */
  private vocabTable: 'vocab' | 'words_vocab' | undefined;

  private constructor(
    private readonly db: Database,
    readonly file: string,
    private readonly onWait: (() => void) | undefined,
    private readonly keptVocabularyPages: number,
  ) {}

  /** A prepared statement, prepared once per connection (indexing runs them per file). */
  private sql(source: string): Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  /**
   * Open (or create) the index at `file`, or in memory for ':memory:'. Throws IndexDamagedError
   * when the file is not a delegate index of this version; the caller removes it and opens again.
   */
  static open(file: string, options: IndexOptions = {}): SearchIndex {
    if (file !== ':memory:') ensureDir(dirname(file));
    const db = openDatabase(file, { timeout: SQLITE_TIMEOUT });
    try {
      const index = new SearchIndex(db, file, options.onWait, options.keptVocabularyPages ?? KEPT_VOCABULARY_PAGES);
      whileBusy(() => prepareSchema(db, file === ':memory:'), options.onWait);
      return index;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Delete an index file and its WAL companions. */
  static remove(file: string): void {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  }

  close(): void {
    this.db.close();
  }

  /**
   * Bring the index in step with the files under `roots`: stat every page file, read only those
   * whose size or mtime changed, drop those gone, all in one transaction.
   */
  async sync(roots: readonly ContentPath[], options: { onProgress?: (progress: SyncProgress) => void } = {}): Promise<SyncReport> {
    const startedAt = Date.now();
    this.pageCount = undefined;
    this.termCounts.clear();
    this.termPages.clear();
    this.pageIds.clear();
    this.among = undefined;
    this.vocabTable = undefined;
    // The folders unchanged since the last listing are not read again: their page files are the
    // ones it found (listContent), each stat'd as ever.
    const last = this.storedListing();
    const lastFolders = this.meta('folders');
    const listing = listContent(roots, {
      // NOTE: the folders only with the listing they name the page files of (a damaged index may lack it).
      folders: last ? foldersFrom(lastFolders) : [],
      fingerprint: last?.fingerprint,
      racyAfter: startedAt - RACY_MS,
      files: last ? Math.floor(last.stats.length / 16) : 0,
    });
    const folders = foldersText(listing.walked);
    if (unchangedSince(listing, last)) {
      // A folder read again (a file other than a page added, or one read too soon after a change
      // last time) is kept as now found, so that the next search need not read it.
      if (folders !== lastFolders) this.keepFolders(folders, listing);
      return { indexed: 0, removed: 0, warnings: this.warnings() };
    }

    whileBusy(() => this.db.exec('BEGIN IMMEDIATE'), this.onWait);
    try {
      // Read under the write lock: another search may have just done this work.
      const stored = this.storedListing();
      const { changed, removed, files, sameFiles } = diffListing(listing, stored, () => this.indexedFiles());
      // Page ids whose files changed: only these can change which file wins an id.
      const touched = new Set<string>();
      for (const path of removed) {
        const pageId = this.removeFile(path);
        if (pageId) touched.add(pageId);
      }
      // A file changed just before we read it may change again within the same clock tick
      // without its mtime moving ("racy git"), so it is read again at the next search.
      const racyAfter = startedAt - RACY_MS;
      let done = 0;
      for (const file of changed) {
        for (const pageId of await this.indexFile(file, file.mtime > racyAfter ? -1 : file.mtime)) touched.add(pageId);
        done++;
        if (options.onProgress && (done % 100 === 0 || done === changed.length)) options.onProgress({ done, total: changed.length });
      }
      this.markShadowed(() => files ?? listedFiles(listing), touched);
      const setMeta = this.setMeta();
      if (!sameFiles) setMeta.run('fingerprint', listing.fingerprint);
      setMeta.run('stats', statsToStore(listing, racyAfter));
      setMeta.run('folders', folders);
      if (changed.length + removed.length > 0) this.keepVocabulary();
      this.db.exec('COMMIT');
      if (changed.length + removed.length > 0) this.checkTotals();
      return { indexed: changed.length, removed: removed.length, warnings: this.warnings() };
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw isBusy(error) ? new IndexBusyError() : error;
    }
  }

  /**
   * After a sync that changed a page, in its transaction: the words of a small index and their
   * page counts copied into vocab, and meta's 'vocabulary' set to say the table holds them; for a
   * larger one, the table emptied and the key removed (KEPT_VOCABULARY_PAGES).
   */
  private keepVocabulary(): void {
    this.sql('DELETE FROM vocab').run();
    this.pageCount = undefined;
    if (this.countPages() <= this.keptVocabularyPages) {
      this.sql('INSERT INTO vocab(term, doc) SELECT term, doc FROM words_vocab').run();
      this.setMeta().run('vocabulary', 'kept');
    } else {
      this.sql("DELETE FROM meta WHERE key = 'vocabulary'").run();
    }
  }

  /** The table the words and their page counts are read from: vocab when it holds them. */
  private vocabSource(): 'vocab' | 'words_vocab' {
    return (this.vocabTable ??= this.meta('vocabulary') === 'kept' ? 'vocab' : 'words_vocab');
  }

  /**
   * NOTE: the SQLite that better-sqlite3 12 bundles (3.53) leaves FTS5's count of rows and of
   * words as they were when a row of a contentless-delete table is deleted, so each page indexed
   * again (a note edited) is counted twice from then on in bm25's number of pages and average
   * length, and the ranking drifts; Node 24's SQLite (3.54) keeps them right. FTS5's count is read
   * from its averages record (a varint, the first value); at a drift of a tenth of the pages (and
   * at least 20), the index is rebuilt.
   */
  private checkTotals(): void {
    if (this.file === ':memory:') return;
    const averages = this.sql('SELECT block FROM pages_data WHERE id = 1').value();
    if (!(averages instanceof Uint8Array)) return;
    const counted = firstVarint(averages);
    const pages = this.countPages();
    if (counted - pages >= Math.max(MAX_DRIFT_ROWS, pages * MAX_DRIFT_SHARE)) {
      throw new IndexDriftError(`its count of pages had drifted to ${counted} for ${pages}, a fault of the SQLite that better-sqlite3 bundles`);
    }
  }

  /** How many pages the index holds (files read as pages), counted once between syncs. */
  private countPages(): number {
    return (this.pageCount ??= this.sql('SELECT count(*) FROM docs WHERE page_id IS NOT NULL').value() as number);
  }

  /**
   * Keep what a listing found of its folders when its files were as the index holds them. When
   * that cannot be done (another search holds the index past the wait, or it is read-only), only
   * time is lost: the next search reads those folders again.
   */
  private keepFolders(folders: string, listing: ContentListing): void {
    try {
      this.db.exec('BEGIN IMMEDIATE');
      // NOTE: only beside the listing they were found with: another search may have stored one
      // since (made before a file was added, say), and folders found later would then vouch for it.
      if (unchangedSince(listing, this.storedListing())) {
        this.setMeta().run('folders', folders);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      if (!isBusy(error) && sqliteErrorCode(error) !== 'SQLITE_READONLY') throw error;
    }
  }

  /** The listing the index last saw, when it holds one. */
  private storedListing(): StoredListing | undefined {
    const fingerprint = this.meta('fingerprint');
    const stats = this.meta('stats');
    return fingerprint instanceof Uint8Array && stats instanceof Uint8Array ? { fingerprint, stats } : undefined;
  }

  /** The statement that sets a value of meta (run with its key and value). */
  private setMeta(): Statement {
    return this.sql('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  private meta(key: string): SqlValue | undefined {
    return this.sql('SELECT value FROM meta WHERE key = ?').value(key);
  }

  private indexedFiles(): IndexedFile[] {
    return this.sql('SELECT path, origin, size, mtime FROM docs').all() as unknown as IndexedFile[];
  }

  /** Drop a file from the index; returns the page id it had, if any. */
  private removeFile(path: string): string | undefined {
    const row = this.sql('SELECT id, page_id AS pageId FROM docs WHERE path = ?').get(path) as { id: number; pageId: string | null } | undefined;
    if (row === undefined) return undefined;
    this.sql('DELETE FROM pages WHERE rowid = ?').run(row.id);
    this.sql('DELETE FROM words WHERE rowid = ?').run(row.id);
    this.sql('DELETE FROM docs WHERE id = ?').run(row.id);
    return row.pageId ?? undefined;
  }

  /** (Re)index one file; returns the page ids it had and has now. */
  private async indexFile(file: ListedFile, mtime: number): Promise<string[]> {
    const before = this.sql('SELECT page_id FROM docs WHERE path = ?').value(file.path) as string | null | undefined;
    const touched = before ? [before] : [];
    let page: Page | undefined;
    let warning: ContentWarning | undefined;
    try {
      if (file.size > MAX_PAGE_BYTES) warning = { file: file.path, message: `skipped: ${Math.round(file.size / 1024)} KiB is too large for a page` };
      else if (file.checklist) page = await checklistAsPage(readFileSync(file.path, 'utf8'), file);
      else page = await parsePage(readFileSync(file.path, 'utf8'), file.path, file.origin);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof ChecklistFormatError) warning = { file: file.path, line: error.line, message: error.message };
      else if (error instanceof FrontMatterError) warning = { file: file.path, line: error.line, message: error.message };
      else if (code === 'ENOENT') {
        this.removeFile(file.path); // gone since we listed it
        return touched;
      } else if (code) warning = { file: file.path, message: `cannot be read (${code})` };
      else throw error;
    }
    const id = this
      .sql(
        `INSERT INTO docs(path, origin, size, mtime, page_id, title, kind, tags, warning, warning_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(path) DO UPDATE SET origin = excluded.origin, size = excluded.size, mtime = excluded.mtime, page_id = excluded.page_id,
           title = excluded.title, kind = excluded.kind, tags = excluded.tags, warning = excluded.warning, warning_line = excluded.warning_line
         RETURNING id`,
      )
      .value(
        file.path,
        file.origin,
        file.size,
        mtime,
        page?.id ?? null,
        page?.title ?? null,
        page?.kind ?? null,
        page ? `,${page.tags.join(',')},` : null,
        warning?.message ?? null,
        warning?.line ?? null,
      ) as number;
    this.sql('DELETE FROM pages WHERE rowid = ?').run(id);
    this.sql('DELETE FROM words WHERE rowid = ?').run(id);
    if (!page) return touched;
    const keywords = `${page.id.replace(/-/g, ' ')} ${page.tags.join(' ')}`;
    // The page's section headings (## ...), a field of their own.
    const headings = [...page.body.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)].map((m) => m[1]).join('\n');
    this.sql('INSERT INTO pages(rowid, title, keywords, headings, summary, body) VALUES (?, ?, ?, ?, ?, ?)').run(id, page.title, keywords, headings, page.summary, page.body);
    this.sql('INSERT INTO words(rowid, text) VALUES (?, ?)').run(id, `${page.title}\n${keywords}\n${page.summary}\n${page.body}`);
    return [...touched, page.id];
  }

  /**
   * Where two files give the same page id, the later content path wins (as in `delegate read`);
   * the other is kept in the index but left out of results.
   */
  private markShadowed(files: () => readonly ListedFile[], pageIds: ReadonlySet<string>): void {
    // Which content path each file is under: needed only where two files share an id.
    let roots: Map<string, number> | undefined;
    const rootOf = (path: string) => (roots ??= new Map(files().map((f) => [f.path, f.root]))).get(path) ?? -1;
    // Later content path wins; within one, the later file in name order (as loadPages reads them).
    const later = (a: { path: string }, b: { path: string }) => {
      const ra = rootOf(a.path);
      const rb = rootOf(b.path);
      return ra !== rb ? ra > rb : a.path > b.path;
    };
    const samePage = this.sql('SELECT id, path, shadowed FROM docs WHERE page_id = ?');
    const mark = this.sql('UPDATE docs SET shadowed = ? WHERE id = ?');
    for (const pageId of pageIds) {
      const rows = samePage.all(pageId) as Array<{ id: number; path: string; shadowed: number }>;
      const winner = rows.reduce<(typeof rows)[number] | undefined>((best, row) => (!best || later(row, best) ? row : best), undefined);
      for (const row of rows) {
        const shadowed = row === winner ? 0 : 1;
        if (row.shadowed !== shadowed) mark.run(shadowed, row.id);
      }
    }
  }

  private warnings(): ContentWarning[] {
    const rows = this.db.prepare('SELECT path, warning, warning_line AS line FROM docs WHERE warning IS NOT NULL ORDER BY path').all() as Array<{
      path: string;
      warning: string;
      line: number | null;
    }>;
    return rows.map((r) => ({ file: r.path, message: r.warning, ...(r.line ? { line: r.line } : {}) }));
  }

  /** The best pages for an FTS5 MATCH expression, best first, with how many match in all. */
  pages(expression: string, filters: PageFilters, limit: number): { total: number; pages: IndexedPage[] } {
    const { rows, total } = this.best<PageRow>(expression, filters, limit, PAGE_COLUMNS);
    return { total, pages: rows.map(toPage) };
  }

  /**
   * pages() without the pages' columns: a pool to rank, of which only the best few are shown
   * (pagesOf). At 1,000 notes, reading the columns of a pool of 200 cost more than ranking it.
   */
  matches(expression: string, filters: PageFilters, limit: number): { total: number; matches: PageMatch[] } {
    const { rows, total } = this.best<PageMatch>(expression, filters, limit, MATCH_COLUMNS);
    return { total, matches: rows };
  }

  /**
   * matches() for the pages that have any of `phrases` (FTS5 expressions of one phrase each),
   * ranked by FTS5's bm25 of their OR. On a small index, with no filter and no file shadowed, it
   * is worked out from each phrase's every page (kept between syncs: a relaxed search has scored
   * most of them already): FTS5 scores an OR as the sum of its phrases' scores, added in their
   * order from zero, so the sum is the same number to the last bit, and it breaks a tie in rank
   * by rowid, as SQLite gives them. NOTE: the OR of the question's 18 phrases cost 4 ms on the
   * bundled handbook (Node 24, 3 December 2026), its 6 phrases not yet scored 0.5.
   */
  matchesAny(phrases: readonly string[], filters: PageFilters, limit: number): { total: number; matches: PageMatch[] } {
    if (phrases.length === 0) return { total: 0, matches: [] };
    if (!this.small() || filters.kind || filters.tag || filters.source || this.shadowedCount() > 0) return this.matches(`(${phrases.join(' OR ')})`, filters, limit);
    const sums = new Map<number, number>();
    for (const phrase of phrases) {
      const every = this.everyPage(phrase);
      for (let r = 0; r < every.length; r++) {
        const id = every[r]![0] as number;
        sums.set(id, (sums.get(id) ?? 0) - (every[r]![1] as number));
      }
    }
    const matches: PageMatch[] = [];
    for (const [docId, sum] of sums) matches.push({ docId, score: -sum });
    matches.sort((a, b) => a.score - b.score || a.docId - b.docId);
    return { total: matches.length, matches: matches.slice(0, limit) };
  }

  /** How many files another file shadows (few, if any). */
  private shadowedCount(): number {
    return this.sql('SELECT count(*) FROM docs WHERE shadowed = 1').value() as number;
  }

  /** The pages of `matches`, in that order. */
  pagesOf(matches: readonly PageMatch[]): IndexedPage[] {
    if (matches.length === 0) return [];
    const rows = this.sql(`SELECT ${PAGE_COLUMNS}, 0 AS score FROM docs d WHERE d.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(matches.map((m) => m.docId))) as PageRow[];
    const byId = new Map(rows.map((row) => [row.docId, row]));
    return matches.flatMap((match) => {
      const row = byId.get(match.docId);
      return row ? [toPage({ ...row, score: match.score })] : [];
    });
  }

  private best<R>(expression: string, filters: PageFilters, limit: number, columns: string): { rows: R[]; total: number } {
    return filters.kind || filters.tag || filters.source ? this.filteredPages<R>(expression, filters, limit, columns) : this.allPages<R>(expression, limit, columns);
  }

  /**
   * best() without filters: FTS5 ranks and counts the matches on its own, with no look-up in
   * docs per match (which at 50,000 notes costs more than the ranking), and the few files
   * another file shadows are taken off afterwards.
   */
  private allPages<R>(expression: string, limit: number, columns: string): { rows: R[]; total: number } {
    const shadowed = this.shadowedCount();
    // NOTE: with no file shadowed (the usual case) and only ids wanted, docs is not read at all:
    // at 10,000 notes, looking up a pool of 200 pages in it cost 4 ms of a 200 ms search.
    const rows =
      shadowed === 0 && columns === MATCH_COLUMNS
        ? (this.sql('SELECT rowid AS docId, rank AS score FROM pages WHERE pages MATCH @expression ORDER BY rank LIMIT @limit').all({ expression, limit }) as R[])
        : this.shownPages<R>(expression, limit, columns, shadowed);
    // Counting every match costs a second pass, so only when there are more than were shown.
    if (rows.length < limit) return { rows, total: rows.length };
    const matches = this.sql('SELECT count(*) FROM pages WHERE pages MATCH ?').value(expression) as number;
    const hidden =
      shadowed === 0
        ? 0
        : (this.sql('SELECT count(*) FROM docs d CROSS JOIN pages WHERE d.shadowed = 1 AND pages.rowid = d.id AND pages MATCH ?').value(expression) as number);
    return { rows, total: matches - hidden };
  }

  /** The best `limit` matches that no other file shadows, with `columns` of docs. */
  private shownPages<R>(expression: string, limit: number, columns: string, shadowed: number): R[] {
    // The best `limit` shown pages are among the best `limit + shadowed` matches.
    return this.sql(
      `SELECT ${columns}, best.score FROM (SELECT rowid, rank AS score FROM pages WHERE pages MATCH @expression ORDER BY rank LIMIT @fetch) AS best
       JOIN docs d ON d.id = best.rowid WHERE d.shadowed = 0 ORDER BY best.score LIMIT @limit`,
    ).all({ expression, fetch: limit + shadowed, limit }) as R[];
  }

  private filteredPages<R>(expression: string, filters: PageFilters, limit: number, columns: string): { rows: R[]; total: number } {
    const where = ['pages MATCH @expression', 'd.shadowed = 0'];
    if (filters.kind) where.push('d.kind = @kind');
    if (filters.tag) where.push("instr(d.tags, ',' || @tag || ',') > 0");
    if (filters.source === 'bundled') where.push("d.origin = 'bundled'");
    if (filters.source === 'personal') where.push("d.origin <> 'bundled'");
    const from = `FROM pages JOIN docs d ON d.id = pages.rowid WHERE ${where.join(' AND ')}`;
    const params = { expression, ...(filters.kind ? { kind: filters.kind } : {}), ...(filters.tag ? { tag: filters.tag.toLowerCase() } : {}) };
    const rows = this.sql(`SELECT ${columns}, pages.rank AS score ${from} ORDER BY pages.rank LIMIT @limit`).all({ ...params, limit }) as R[];
    const total = rows.length < limit ? rows.length : (this.sql(`SELECT count(*) ${from}`).value(params) as number);
    return { rows, total };
  }

  /** Which of `rowids` match an FTS5 expression (to say which of a query's words each result has). */
  matchingAmong(expression: string, rowids: readonly number[]): Set<number> {
    if (rowids.length === 0) return new Set();
    const among = this.amongOf(rowids);
    const scored = among.found.get(expression);
    if (scored) return new Set(scored.keys());
    const every = this.pagesWith(expression, false);
    if (every) {
      const wanted = (among.set ??= new Set(rowids));
      const found = new Set<number>();
      for (const id of every) if (wanted.has(id)) found.add(id); // in rowid order, as SQLite gives them
      return found;
    }
    return new Set(this.sql(`SELECT rowid FROM pages WHERE pages MATCH ? AND ${AMONG}`).values(expression, (among.json ??= JSON.stringify(rowids))) as number[]);
  }

  /** What is kept of `rowids` (this.among): made afresh for another array. */
  private amongOf(rowids: readonly number[]): Among {
    if (this.among?.rowids !== rowids) this.among = { rowids, found: new Map() };
    return this.among;
  }

  /**
   * For one term's FTS5 expression: how many pages (of how many in all) match it, and the bm25
   * score (higher is better, FTS5's own) of each of `rowids` that does.
   */
  termScores(expression: string, rowids: readonly number[]): { matches: number; rows: number; scores: Map<number, number> } {
    const rows = this.countPages();
    if (this.small()) return this.wholeTermScores(expression, rowids, rows);
    let matches = this.termCounts.get(expression);
    if (matches === undefined) {
      matches = this.sql('SELECT count(*) FROM pages WHERE pages MATCH ?').value(expression) as number;
      this.termCounts.set(expression, matches);
    }
    const scores = new Map<number, number>();
    if (rowids.length > 0) {
      const among = this.amongOf(rowids);
      if (matches > 0) {
        const found = this.sql(`SELECT rowid, rank FROM pages WHERE pages MATCH ? AND ${AMONG}`).arrays(expression, (among.json ??= JSON.stringify(rowids)));
        for (let r = 0; r < found.length; r++) scores.set(found[r]![0] as number, -(found[r]![1] as number));
      }
      among.found.set(expression, scores);
    }
    return { matches, rows, scores };
  }

  /**
   * termScores() on a small index: every page the term matches, with its score, in one query
   * (kept between syncs), rather than a count and then the scores of `rowids`. FTS5 scores a
   * page the same whichever other pages the query asks about. NOTE: on the bundled handbook, the
   * 11 terms of a question took 1.0 ms this way against 1.9 ms (Node 24, 3 December 2026); on a
   * large index a common word's every page would cost more than the count.
   */
  private wholeTermScores(expression: string, rowids: readonly number[], rows: number): { matches: number; rows: number; scores: Map<number, number> } {
    const every = this.everyPage(expression);
    const scores = new Map<number, number>();
    if (rowids.length > 0) {
      const among = this.amongOf(rowids);
      const wanted = (among.set ??= new Set(rowids));
      for (let r = 0; r < every.length; r++) if (wanted.has(every[r]![0] as number)) scores.set(every[r]![0] as number, -(every[r]![1] as number));
      among.found.set(expression, scores);
    }
    return { matches: every.length, rows, scores };
  }

  /** Whether the index is small enough to keep each term's every page (WHOLE_TERM_PAGES). */
  private small(): boolean {
    return this.countPages() <= WHOLE_TERM_PAGES;
  }

  /** Every page a term's expression matches, with its score (kept between syncs). */
  private everyPage(expression: string): SqlValue[][] {
    let every = this.termPages.get(expression);
    if (every === undefined) {
      every = this.sql('SELECT rowid, rank FROM pages WHERE pages MATCH ?').arrays(expression);
      this.termPages.set(expression, every);
    }
    return every;
  }

  /**
   * On a small index (as wholeTermScores() reads it), the pages an FTS5 expression matches, in
   * rowid order, kept between syncs; undefined on a larger one. `scored`: the expression is a
   * term's, which termScores() will want scored, so it is read with its scores.
   */
  pagesWith(expression: string, scored: boolean): ReadonlySet<number> | undefined {
    if (!this.small()) return undefined;
    let ids = this.pageIds.get(expression);
    if (ids === undefined) {
      const every = scored ? this.everyPage(expression) : this.termPages.get(expression);
      ids = new Set(every ? every.map((row) => row[0] as number) : (this.sql('SELECT rowid FROM pages WHERE pages MATCH ?').values(expression) as number[]));
      this.pageIds.set(expression, ids);
    }
    return ids;
  }

  /**
   * Whether any page matches an FTS5 expression (a word found only by its stem, say). On a small
   * index, from the expression's every page, kept: a question asks this of its words, and then
   * scores most of them.
   */
  anyMatch(expression: string): boolean {
    if (this.small()) return this.everyPage(expression).length > 0;
    return this.sql('SELECT 1 FROM pages WHERE pages MATCH ? LIMIT 1').value(expression) !== undefined;
  }

  /** In how many pages a word appears, as written (no stemming): 0 for a word the index has never seen. */
  documentFrequency(word: string): number {
    return (this.sql(`SELECT doc FROM ${this.vocabSource()} WHERE term = ?`).value(word) as number | undefined) ?? 0;
  }

  /** Up to `limit` words of the index (as written, no stemming) that start with `prefix`, most common first. */
  wordsStartingWith(prefix: string, limit: number): string[] {
    // char(1114111) is the last code point: every word that starts with the prefix sorts below it.
    return this.sql(`SELECT term FROM ${this.vocabSource()} WHERE term >= @prefix AND term < @prefix || char(1114111) ORDER BY doc DESC, term LIMIT @limit`)
      .values({ prefix, limit }) as string[];
  }

  /**
   * The words of the index that start with `start`, between two lengths and without digits, with
   * the number of pages each is in: a range of the sorted words, for corrections.
   */
  wordsFrom(start: string, minLength: number, maxLength: number): Array<[string, number]> {
    return this.sql(
      `SELECT term, doc FROM ${this.vocabSource()} WHERE term >= @start AND term < @start || char(1114111) AND length(term) BETWEEN @minLength AND @maxLength AND term NOT GLOB '*[0-9]*'`,
    ).arrays({ start, minLength, maxLength }) as Array<[string, number]>;
  }

  /** Every word of the index between two lengths, with the number of pages it is in. */
  *vocabulary(minLength: number, maxLength: number): Iterable<[string, number]> {
    const rows = this.db.prepare(`SELECT term, doc FROM ${this.vocabSource()} WHERE length(term) BETWEEN ? AND ?`).rows(minLength, maxLength);
    for (const row of rows as Iterable<[string, number]>) yield row;
  }
}

