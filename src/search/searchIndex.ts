import type BetterSqlite3 from 'better-sqlite3';
import BundledDatabase from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { FrontMatterError } from '../content/frontMatter.js';
import { MAX_PAGE_BYTES, parsePage } from '../content/loadPages.js';
import type { ContentPath, ContentWarning, Origin, Page, PageKind } from '../content/page.js';
import { ensureDir } from '../util/ensureDir.js';
import { ChecklistFormatError } from '../checklist/parseChecklist.js';
import { checklistAsPage } from './checklistDocument.js';
import { fingerprintFiles, listContent, listedFiles, type ContentListing, type ListedFile } from './listContent.js';

// NOTE: the build bundles better-sqlite3's JavaScript with the rest of delegate (compiled once,
// kept in the code cache) and tells it where its addon is, in node_modules. Loaded from
// node_modules instead, its dozen files are found, read and compiled at every search (~8 ms),
// and its own loader (the `bindings` package) looks for the addon in a dozen places. The
// JavaScript must be the release the addon was built with: when the installed better-sqlite3 is
// another release, it is loaded whole from node_modules.
declare const __BETTER_SQLITE3_VERSION__: string | undefined;
const requireHere = createRequire(import.meta.url);
type Connection = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

let loaded: typeof BetterSqlite3 | undefined;
function sqlite(): typeof BetterSqlite3 {
  if (!loaded) {
    let installed: string | undefined;
    try {
      installed = (JSON.parse(readFileSync(requireHere.resolve('better-sqlite3/package.json'), 'utf8')) as { version?: string }).version;
    } catch {
      // not where the package normally is: let require find it
    }
    const bundled = typeof __BETTER_SQLITE3_VERSION__ === 'string' && installed === __BETTER_SQLITE3_VERSION__;
    loaded = bundled ? BundledDatabase : (requireHere('better-sqlite3') as typeof BetterSqlite3);
  }
  return loaded;
}

let addon: { path?: string } | undefined;
/** Where the addon is built; undefined (better-sqlite3 then finds it) for an unusual build. */
function addonPath(): string | undefined {
  if (!addon) {
    try {
      addon = { path: requireHere.resolve('better-sqlite3/build/Release/better_sqlite3.node') };
    } catch {
      addon = {};
    }
  }
  return addon.path;
}

/** Bump when the tables or what goes into them change: an older index is then rebuilt. */
export const SCHEMA_VERSION = 2;
// 'dlgt': marks the file as a delegate search index, so a foreign SQLite file is not mistaken for one.
const APPLICATION_ID = 0x646c6774;

/** How the index splits text into words: Unicode letters and digits, accents folded, English stemming. */
export const TOKENIZER = "tokenize='porter unicode61 remove_diacritics 2'";

/** How far the title outweighs the id and tags, the summary and the body in ranking (bm25). */
const COLUMN_WEIGHTS = { title: 10, keywords: 5, summary: 3, body: 1 } as const;

// NOTE: meta is a rowid table: it holds two values of ~15 bytes per page file, and a lookup in a
// WITHOUT ROWID table reads every large value it compares its key with.
const SCHEMA = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL);
CREATE TABLE docs(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  origin TEXT NOT NULL,
  size REAL NOT NULL,
  mtime REAL NOT NULL,
  page_id TEXT,
  title TEXT,
  kind TEXT,
  tags TEXT,
  warning TEXT,
  warning_line INTEGER,
  shadowed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX docs_page_id ON docs(page_id);
CREATE INDEX docs_warning ON docs(path) WHERE warning IS NOT NULL;
CREATE INDEX docs_shadowed ON docs(id) WHERE shadowed = 1;
CREATE VIRTUAL TABLE pages USING fts5(title, keywords, summary, body, content='', contentless_delete=1, ${TOKENIZER});
INSERT INTO pages(pages, rank) VALUES('rank', 'bm25(${COLUMN_WEIGHTS.title}, ${COLUMN_WEIGHTS.keywords}, ${COLUMN_WEIGHTS.summary}, ${COLUMN_WEIGHTS.body})');
CREATE VIRTUAL TABLE words USING fts5(text, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, 'row');
PRAGMA application_id = ${APPLICATION_ID};
PRAGMA user_version = ${SCHEMA_VERSION};
`;

/** The index file cannot be used: not a database, another program's database, or damaged. */
export class IndexDamagedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'IndexDamagedError';
  }
}

/** Another process held the index for longer than we are willing to wait. */
export class IndexBusyError extends Error {
  constructor() {
    super('the search index is busy');
    this.name = 'IndexBusyError';
  }
}

function sqliteCode(error: unknown): string | undefined {
  return error instanceof sqlite().SqliteError ? error.code : undefined;
}

/** Whether an error means the index file is unusable and should be rebuilt. */
export function isDamaged(error: unknown): boolean {
  if (error instanceof IndexDamagedError) return true;
  const code = sqliteCode(error);
  return code === 'SQLITE_NOTADB' || !!code?.startsWith('SQLITE_CORRUPT');
}

function busyOr(error: unknown): unknown {
  const code = sqliteCode(error);
  return code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED') ? new IndexBusyError() : error;
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

type PageRow = Omit<IndexedPage, 'tags'> & { tags: string };
const PAGE_COLUMNS = 'd.id AS docId, d.page_id AS id, d.title, d.kind, d.origin, d.path AS file, d.tags';

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

  private constructor(
    private readonly db: Connection,
    readonly file: string,
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
  static open(file: string): SearchIndex {
    if (file !== ':memory:') ensureDir(dirname(file));
    const nativeBinding = addonPath();
    const Database = sqlite();
    const db = new Database(file, { timeout: 60_000, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      const index = new SearchIndex(db, file);
      index.prepareSchema();
      return index;
    } catch (error) {
      db.close();
      throw busyOr(error);
    }
  }

  /** Delete an index file and its WAL companions. */
  static remove(file: string): void {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  }

  private prepareSchema(): void {
    // Snippets use a temporary table; keep it off the disk. The index is a cache: a commit
    // need not wait for the disk (WAL keeps it consistent; a damaged file is rebuilt).
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('synchronous = NORMAL');
    const check = (): 'ready' | 'empty' => {
      const appId = this.db.pragma('application_id', { simple: true }) as number;
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (appId === APPLICATION_ID && version === SCHEMA_VERSION) return 'ready';
      const tables = this.db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
      if (appId === 0 && version === 0 && tables === 0) return 'empty';
      if (appId !== APPLICATION_ID) throw new IndexDamagedError('it is not a delegate search index');
      throw new IndexDamagedError(`it was made by another version of delegate (format ${version}, this one reads ${SCHEMA_VERSION})`);
    };
    if (check() === 'ready') return;
    if (this.file !== ':memory:') this.db.pragma('journal_mode = WAL');
    // Two searches may create the index at once: the second waits, then finds it made.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      if (check() === 'empty') this.db.exec(SCHEMA);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Bring the index in step with the files under `roots`: stat every page file, read only those
   * whose size or mtime changed, drop those gone, all in one transaction.
   */
  async sync(roots: readonly ContentPath[], options: { onProgress?: (progress: SyncProgress) => void } = {}): Promise<SyncReport> {
    const startedAt = Date.now();
    const listing = listContent(roots);
    const stats = Buffer.from(listing.stats.buffer, 0, listing.count * 16);
    // NOTE: the fast path of every warm search: two memcmps, no per-file queries or objects.
    const storedStats = this.meta('stats');
    if (Buffer.isBuffer(storedStats) && stats.equals(storedStats) && this.sameFiles(listing)) {
      return { indexed: 0, removed: 0, warnings: this.warnings() };
    }

    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw busyOr(error);
    }
    try {
      // Read under the write lock: another search may have just done this work.
      const { changed, removed, files, sameFiles } = this.diff(listing);
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
      for (let at = 0; at < listing.count; at++) if (listing.stats[at * 2 + 1]! > racyAfter) listing.stats[at * 2 + 1] = -1;
      const setMeta = this.sql('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
      if (!sameFiles) setMeta.run('fingerprint', listing.fingerprint);
      setMeta.run('stats', stats);
      this.db.exec('COMMIT');
      return { indexed: changed.length, removed: removed.length, warnings: this.warnings() };
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw busyOr(error);
    }
  }

  private meta(key: string): unknown {
    return this.sql('SELECT value FROM meta WHERE key = ?').pluck().get(key);
  }

  /** Whether the index last saw the same files, in the same order, as `listing` holds. */
  private sameFiles(listing: ContentListing): boolean {
    const fingerprint = this.meta('fingerprint');
    return Buffer.isBuffer(fingerprint) && listing.fingerprint.equals(fingerprint);
  }

  /**
   * Which files are new or changed, and which are gone, since the index last saw them; with
   * every file of the listing, when it took them to find out.
   */
  private diff(listing: ContentListing): { changed: ListedFile[]; removed: string[]; files?: ListedFile[]; sameFiles: boolean } {
    const storedFingerprint = this.meta('fingerprint');
    const storedStats = this.meta('stats');
    const now = listing.stats;
    if (Buffer.isBuffer(storedFingerprint) && Buffer.isBuffer(storedStats) && storedStats.length % 16 === 0) {
      const was = new Float64Array(storedStats.length / 8);
      new Uint8Array(was.buffer).set(storedStats); // a copy: the Buffer need not be 8-byte aligned
      if (listing.fingerprint.equals(storedFingerprint) && was.length === listing.count * 2) {
        // The same files in the same order (the usual case: a note edited): compare sizes and mtimes in place.
        const changed = listedFiles(listing, (at) => was[at * 2] !== now[at * 2] || was[at * 2 + 1] !== now[at * 2 + 1]);
        return { changed, removed: [], sameFiles: true };
      }
      // Files added, removed or renamed: find each in the listing the index last saw.
      const before = fingerprintFiles(storedFingerprint);
      if (was.length === before.paths.length * 2) {
        const place = new Map<string, number>();
        before.paths.forEach((path, i) => place.set(path, i));
        const seen = new Uint8Array(before.paths.length);
        const changed = listedFiles(listing, (at, folder, name, origin) => {
          const i = place.get(folder + name);
          if (i === undefined) return true;
          seen[i] = 1;
          return before.origins[i] !== origin || was[i * 2] !== now[at * 2] || was[i * 2 + 1] !== now[at * 2 + 1];
        });
        const removed: string[] = [];
        for (const [path, i] of place) if (!seen[i]) removed.push(path);
        return { changed, removed, sameFiles: false };
      }
    }
    // No listing stored (a new index): compare with the files the index holds.
    const files = listedFiles(listing);
    const stored = new Map<string, { origin: string; size: number; mtime: number }>();
    for (const row of this.sql('SELECT path, origin, size, mtime FROM docs').all() as Array<{ path: string; origin: string; size: number; mtime: number }>) {
      stored.set(row.path, row);
    }
    const changed = files.filter((f) => {
      const was = stored.get(f.path);
      return !was || was.origin !== f.origin || was.size !== f.size || was.mtime !== f.mtime;
    });
    const seen = new Set(files.map((f) => f.path));
    return { changed, removed: [...stored.keys()].filter((path) => !seen.has(path)), files, sameFiles: false };
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
    const before = this.sql('SELECT page_id FROM docs WHERE path = ?').pluck().get(file.path) as string | null | undefined;
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
      .pluck()
      .get(
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
    this.sql('INSERT INTO pages(rowid, title, keywords, summary, body) VALUES (?, ?, ?, ?, ?)').run(id, page.title, keywords, page.summary, page.body);
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
    const { rows, total } = filters.kind || filters.tag || filters.source ? this.filteredPages(expression, filters, limit) : this.allPages(expression, limit);
    return { total, pages: rows.map(({ tags, ...row }) => ({ ...row, tags: tags.split(',').filter(Boolean) })) };
  }

  /**
   * pages() without filters: FTS5 ranks and counts the matches on its own, with no look-up in
   * docs per match (which at 50,000 notes costs more than the ranking), and the few files
   * another file shadows are taken off afterwards.
   */
  private allPages(expression: string, limit: number): { rows: PageRow[]; total: number } {
    const shadowed = this.sql('SELECT count(*) FROM docs WHERE shadowed = 1').pluck().get() as number;
    // The best `limit` shown pages are among the best `limit + shadowed` matches.
    const rows = this.sql(
      `SELECT ${PAGE_COLUMNS}, best.score FROM (SELECT rowid, rank AS score FROM pages WHERE pages MATCH @expression ORDER BY rank LIMIT @fetch) AS best
       JOIN docs d ON d.id = best.rowid WHERE d.shadowed = 0 ORDER BY best.score LIMIT @limit`,
    ).all({ expression, fetch: limit + shadowed, limit }) as PageRow[];
    // Counting every match costs a second pass, so only when there are more than were shown.
    if (rows.length < limit) return { rows, total: rows.length };
    const matches = this.sql('SELECT count(*) FROM pages WHERE pages MATCH ?').pluck().get(expression) as number;
    const hidden =
      shadowed === 0
        ? 0
        : (this.sql('SELECT count(*) FROM docs d CROSS JOIN pages WHERE d.shadowed = 1 AND pages.rowid = d.id AND pages MATCH ?').pluck().get(expression) as number);
    return { rows, total: matches - hidden };
  }

  private filteredPages(expression: string, filters: PageFilters, limit: number): { rows: PageRow[]; total: number } {
    const where = ['pages MATCH @expression', 'd.shadowed = 0'];
    if (filters.kind) where.push('d.kind = @kind');
    if (filters.tag) where.push("instr(d.tags, ',' || @tag || ',') > 0");
    if (filters.source === 'bundled') where.push("d.origin = 'bundled'");
    if (filters.source === 'personal') where.push("d.origin <> 'bundled'");
    const from = `FROM pages JOIN docs d ON d.id = pages.rowid WHERE ${where.join(' AND ')}`;
    const params = { expression, ...(filters.kind ? { kind: filters.kind } : {}), ...(filters.tag ? { tag: filters.tag.toLowerCase() } : {}) };
    const rows = this.sql(`SELECT ${PAGE_COLUMNS}, pages.rank AS score ${from} ORDER BY pages.rank LIMIT @limit`).all({ ...params, limit }) as PageRow[];
    const total = rows.length < limit ? rows.length : (this.sql(`SELECT count(*) ${from}`).pluck().get(params) as number);
    return { rows, total };
  }

  /** Which of `rowids` match an FTS5 expression (to say which of a query's words each result has). */
  matchingAmong(expression: string, rowids: readonly number[]): Set<number> {
    if (rowids.length === 0) return new Set();
    // NOTE: one pass over the expression's matches, without ranking; a rowid IN (...) constraint
    // makes FTS5 evaluate the whole expression again for each rowid, which costs far more.
    const wanted = new Set(rowids);
    const found = new Set<number>();
    for (const rowid of this.sql('SELECT rowid FROM pages WHERE pages MATCH ?').pluck().iterate(expression) as Iterable<number>) {
      if (wanted.has(rowid)) found.add(rowid);
    }
    return found;
  }

  /** Whether any page matches an FTS5 expression (a word found only by its stem, say). */
  anyMatch(expression: string): boolean {
    return this.sql('SELECT 1 FROM pages WHERE pages MATCH ? LIMIT 1').pluck().get(expression) !== undefined;
  }

  /** In how many pages a word appears, as written (no stemming): 0 for a word the index has never seen. */
  documentFrequency(word: string): number {
    return (this.db.prepare('SELECT doc FROM words_vocab WHERE term = ?').pluck().get(word) as number | undefined) ?? 0;
  }

  /** Up to `limit` words of the index (as written, no stemming) that start with `prefix`, most common first. */
  wordsStartingWith(prefix: string, limit: number): string[] {
    // char(1114111) is the last code point: every word that starts with the prefix sorts below it.
    return this.sql('SELECT term FROM words_vocab WHERE term >= @prefix AND term < @prefix || char(1114111) ORDER BY doc DESC, term LIMIT @limit')
      .pluck()
      .all({ prefix, limit }) as string[];
  }

  /**
   * The words of the index that start with `start`, between two lengths and without digits, with
   * the number of pages each is in: a range of the sorted words, for corrections.
   */
  *wordsFrom(start: string, minLength: number, maxLength: number): Iterable<[string, number]> {
    const rows = this.sql(
      "SELECT term, doc FROM words_vocab WHERE term >= @start AND term < @start || char(1114111) AND length(term) BETWEEN @minLength AND @maxLength AND term NOT GLOB '*[0-9]*'",
    )
      .raw()
      .iterate({ start, minLength, maxLength });
    for (const row of rows as Iterable<[string, number]>) yield row;
  }

  /** Every word of the index between two lengths, with the number of pages it is in. */
  *vocabulary(minLength: number, maxLength: number): Iterable<[string, number]> {
    const rows = this.db.prepare('SELECT term, doc FROM words_vocab WHERE length(term) BETWEEN ? AND ?').raw().iterate(minLength, maxLength);
    for (const row of rows as Iterable<[string, number]>) yield row;
  }

  /** The database, for a temporary table of a few pages' lines (snippets). */
  get connection(): Connection {
    return this.db;
  }
}

