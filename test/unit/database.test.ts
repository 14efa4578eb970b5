import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, preferredEngine, sqliteErrorCode, type EngineName } from '../../src/search/database.js';
import { useTempDir } from '../helpers/fixtures.js';
import { loadableEngines } from '../helpers/sqliteEngines.js';

// The two SQLite engines behind one interface, each run where this Node can load it.
const engines = loadableEngines();

let dir: string;
const tempFolder = useTempDir('delegate-db-');
beforeEach(() => (dir = tempFolder()));

test('the engine is chosen by Node version: node:sqlite from 24, better-sqlite3 before', () => {
  expect(preferredEngine('24.0.0')).toBe('node:sqlite');
  expect(preferredEngine('25.2.1')).toBe('node:sqlite');
  expect(preferredEngine('22.23.5')).toBe('better-sqlite3');
  expect(preferredEngine('20.19.0')).toBe('better-sqlite3');
  expect(engines).toContain(preferredEngine());
});

describe.each(engines)('%s', (engine) => {
  const open = (file: string, timeout = 1000) => openDatabase(file, { timeout }, engine);

  test('rows as objects, first columns, rows as arrays (all at once or one at a time), named and positional parameters', () => {
    const db = open(':memory:');
    expect(db.engine).toBe(engine);
    db.exec('CREATE TABLE t(name TEXT, n INTEGER, blob BLOB)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
    insert.run('a', 1, new Uint8Array([1, 2]));
    insert.run('b', 2, Buffer.from([3]));
    expect({ ...db.prepare('SELECT name, n FROM t WHERE n = @n').get({ n: 2 }) }).toEqual({ name: 'b', n: 2 });
    expect(db.prepare('SELECT name, n FROM t ORDER BY n').all().map((row) => ({ ...row }))).toEqual([{ name: 'a', n: 1 }, { name: 'b', n: 2 }]);
    expect(db.prepare('SELECT count(*) FROM t').value()).toBe(2);
    expect(db.prepare('SELECT name FROM t WHERE n > ?').value(5)).toBeUndefined();
    expect(db.prepare('SELECT name FROM t ORDER BY n').values()).toEqual(['a', 'b']);
    expect([...db.prepare('SELECT name, n FROM t ORDER BY n').rows()]).toEqual([['a', 1], ['b', 2]]);
    expect(db.prepare('SELECT name, n FROM t WHERE n >= @n ORDER BY n').arrays({ n: 1 })).toEqual([['a', 1], ['b', 2]]);
    expect(db.prepare('SELECT name FROM t WHERE n > ?').arrays(5)).toEqual([]);
    const blob = db.prepare('SELECT blob FROM t WHERE name = ?').value('a');
    expect(blob).toBeInstanceOf(Uint8Array);
    expect([...(blob as Uint8Array)]).toEqual([1, 2]);
    // One statement asked for both shapes, in turn.
    const both = db.prepare('SELECT name, n FROM t ORDER BY n');
    expect(both.value()).toBe('a');
    expect({ ...both.get() }).toEqual({ name: 'a', n: 1 });
    expect(both.arrays()).toEqual([['a', 1], ['b', 2]]);
    expect(both.all().map((row) => ({ ...row }))).toEqual([{ name: 'a', n: 1 }, { name: 'b', n: 2 }]);
    db.close();
    db.close(); // twice is harmless
  });

  test('a transaction commits, or rolls back when its work throws', () => {
    const db = open(':memory:');
    db.exec('CREATE TABLE t(n INTEGER)');
    db.transaction(() => db.prepare('INSERT INTO t VALUES (1)').run());
    expect(() =>
      db.transaction(() => {
        expect(db.inTransaction).toBe(true);
        db.prepare('INSERT INTO t VALUES (2)').run();
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT n FROM t').values()).toEqual([1]);
  });

  test('a lock held by another connection is SQLITE_BUSY, by name', () => {
    const file = join(dir, 'locked.db');
    const holder = open(file);
    holder.exec('PRAGMA journal_mode = WAL');
    holder.exec('CREATE TABLE t(n INTEGER)');
    holder.exec('BEGIN IMMEDIATE');
    const other = open(file, 0);
    let caught: unknown;
    try {
      other.exec('BEGIN IMMEDIATE');
    } catch (error) {
      caught = error;
    }
    expect(sqliteErrorCode(caught)).toBe('SQLITE_BUSY');
    holder.exec('ROLLBACK');
    other.exec('BEGIN IMMEDIATE');
    other.exec('ROLLBACK');
    holder.close();
    other.close();
  });

  test('a file that is not a database is SQLITE_NOTADB, by name', () => {
    const file = join(dir, 'garbage.db');
    writeFileSync(file, 'this is not a database '.repeat(400));
    let caught: unknown;
    try {
      const db = open(file);
      db.prepare('PRAGMA user_version').value();
    } catch (error) {
      caught = error;
    }
    expect(sqliteErrorCode(caught)).toBe('SQLITE_NOTADB');
  });
});

(engines.length === 2 ? test : test.skip)('a file written by one engine is read by the other', () => {
  const file = join(dir, 'shared.db');
  const writer = openDatabase(file, { timeout: 1000 }, 'better-sqlite3');
  writer.exec("CREATE VIRTUAL TABLE pages USING fts5(body, tokenize='porter unicode61 remove_diacritics 2'); INSERT INTO pages VALUES ('chairs compositing')");
  writer.close();
  const reader = openDatabase(file, { timeout: 1000 }, 'node:sqlite');
  expect(reader.prepare('SELECT body FROM pages WHERE pages MATCH ?').values('chair')).toEqual(['chairs compositing']);
  reader.close();
});

test('an error that is not SQLite has no SQLite code', () => {
  expect(sqliteErrorCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeUndefined();
  expect(sqliteErrorCode(undefined)).toBeUndefined();
});
