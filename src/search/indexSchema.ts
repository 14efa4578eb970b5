import type { Database } from './database.js';

/** Bump when the tables or what goes into them change: an older index is then rebuilt. */
export const SCHEMA_VERSION = 4;
// 'dlgt': marks the file as a delegate search index, so a foreign SQLite file is not mistaken for one.
const APPLICATION_ID = 0x646c6774;

/** How the index splits text into words: Unicode letters and digits, accents folded, English stemming. */
export const TOKENIZER = "tokenize='porter unicode61 remove_diacritics 2'";

/**
 * How far the title and the section headings outweigh the id and tags, the summary and the body
 * in ranking (bm25): a word that names the page or one of its sections says what it is about.
 * A heading is also in the body, where its line is found.
 */
const COLUMN_WEIGHTS = { title: 10, keywords: 5, headings: 10, summary: 3, body: 1 } as const;

// NOTE: meta is a rowid table: it holds two values of ~15 bytes per page file, and a lookup in a
// WITHOUT ROWID table reads every large value it compares its key with.
// NOTE: vocab is words_vocab copied into a table when the index is small (see
// SearchIndex.keepVocabulary): fts5vocab reads a word's every page to count them, at each look-up.
// NOTE: both engines (node:sqlite, better-sqlite3) read and write this one format.
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
CREATE VIRTUAL TABLE pages USING fts5(title, keywords, headings, summary, body, content='', contentless_delete=1, ${TOKENIZER});
INSERT INTO pages(pages, rank) VALUES('rank', 'bm25(${COLUMN_WEIGHTS.title}, ${COLUMN_WEIGHTS.keywords}, ${COLUMN_WEIGHTS.headings}, ${COLUMN_WEIGHTS.summary}, ${COLUMN_WEIGHTS.body})');
CREATE VIRTUAL TABLE words USING fts5(text, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, 'row');
CREATE TABLE vocab(term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
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

/**
 * The index works but ranks worse than a new one would (see SearchIndex.checkTotals): rebuilt
 * like a damaged one, without a notice, as there is nothing for the delegate to do.
 */
export class IndexDriftError extends IndexDamagedError {
  constructor(reason: string) {
    super(reason);
    this.name = 'IndexDriftError';
  }
}

/**
 * Make `db` a delegate search index of this version: nothing to do when it is one, the tables
 * made when it is empty. Throws IndexDamagedError when it is something else, and SQLite's
 * SQLITE_BUSY when another connection holds a lock it needs (the caller waits and tries again).
 */
export function prepareSchema(db: Database, inMemory: boolean): void {
  // The index is a cache: a commit need not wait for the disk (WAL keeps it consistent; a
  // damaged file is rebuilt).
  db.exec('PRAGMA synchronous = NORMAL');
  const check = (): 'ready' | 'empty' => {
    // One statement for both (each costs a prepare, at every search).
    const ids = db.prepare('SELECT (SELECT application_id FROM pragma_application_id()) AS appId, (SELECT user_version FROM pragma_user_version()) AS version').get();
    const { appId, version } = ids ?? {};
    if (appId === APPLICATION_ID && version === SCHEMA_VERSION) return 'ready';
    const tables = db.prepare('SELECT count(*) FROM sqlite_schema').value();
    if (appId === 0 && version === 0 && tables === 0) return 'empty';
    if (appId !== APPLICATION_ID) throw new IndexDamagedError('it is not a delegate search index');
    throw new IndexDamagedError(`it was made by another version of delegate (format ${String(version)}, this one reads ${SCHEMA_VERSION})`);
  };
  if (check() === 'ready') return;
  // NOTE: switching to WAL takes an exclusive lock, and SQLite answers SQLITE_BUSY at once,
  // without its busy timeout, while another connection reads or writes: two searches on an
  // empty cache meet here. The caller waits and runs this again (SearchIndex.open).
  if (!inMemory) db.exec('PRAGMA journal_mode = WAL');
  // Two searches may create the index at once: the second waits, then finds it made.
  db.exec('BEGIN IMMEDIATE');
  try {
    if (check() === 'empty') db.exec(SCHEMA);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
