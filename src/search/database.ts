import { openBetterSqlite3 } from './engines/betterSqlite3.js';
import { openNodeSqlite } from './engines/nodeSqlite.js';

/** A value SQLite hands back or takes: BLOBs as bytes (a Buffer from one engine, a Uint8Array from the other). */
export type SqlValue = null | number | bigint | string | Uint8Array;
/** Parameters: positional, or one object of named ones (`@name` in the SQL, `name` in the object). */
export type SqlParams = SqlValue[] | [Record<string, SqlValue>];
export type Row = Record<string, SqlValue>;

/** A prepared statement. */
export interface Statement {
  run(...params: SqlParams): void;
  /** The first row, as an object; undefined when there is none. */
  get(...params: SqlParams): Row | undefined;
  all(...params: SqlParams): Row[];
  /** The first column of the first row; undefined when there is none. */
  value(...params: SqlParams): SqlValue | undefined;
  /** The first column of every row. */
  values(...params: SqlParams): SqlValue[];
  /** Every row as an array of its columns. */
  arrays(...params: SqlParams): SqlValue[][];
  /** Every row as an array of its columns, one at a time. */
  rows(...params: SqlParams): Iterable<SqlValue[]>;
}

/**
 * One SQLite connection, whichever engine opened it: Node's own `node:sqlite` where it is ready,
 * better-sqlite3 otherwise. Both read and write the same files.
 */
export interface Database {
  readonly engine: EngineName;
  exec(sql: string): void;
  prepare(sql: string): Statement;
  readonly inTransaction: boolean;
  /** Run `work` in a transaction (or in the one already open). */
  transaction<T>(work: () => T): T;
  close(): void;
}

export type EngineName = 'node:sqlite' | 'better-sqlite3';

export interface OpenOptions {
  /** How long SQLite itself waits for another connection's lock before it answers SQLITE_BUSY, in ms. */
  timeout: number;
}

/**
 * Whether this Node's own SQLite is ready: Node 24 and later have it with FTS5 and print no
 * warning. Node 22's has FTS5 too but prints an ExperimentalWarning on every search, so 22
 * (and 20, which has none) keeps better-sqlite3.
 */
export function preferredEngine(nodeVersion = process.versions.node): EngineName {
  return Number(nodeVersion.split('.')[0]) >= 24 ? 'node:sqlite' : 'better-sqlite3';
}

/** The engine search can use here, or why it cannot: it throws SqliteUnavailableError. */
let chosen: EngineName | undefined;

/**
 * Open (or create) the SQLite database in `file` (':memory:' for one in memory) with the engine
 * chosen once for this process. `engine` is for tests that run both.
 * Throws SqliteUnavailableError when the engine cannot be loaded (better-sqlite3 missing or
 * built for another Node).
 */
export function openDatabase(file: string, options: OpenOptions, engine: EngineName = (chosen ??= preferredEngine())): Database {
  return engine === 'node:sqlite' ? openNodeSqlite(file, options) : openBetterSqlite3(file, options);
}

/** Search cannot run: its SQLite engine could not be loaded. `hint` says what to do. */
export class SqliteUnavailableError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'SqliteUnavailableError';
  }
}

// node:sqlite reports SQLite's result code as a number; better-sqlite3 by name. The primary
// codes (the low byte of an extended one) that delegate acts on, by name as better-sqlite3 says them.
const PRIMARY_CODES: Record<number, string> = {
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  26: 'SQLITE_NOTADB',
};

/** SQLite's result code for an error from either engine ('SQLITE_BUSY', …); undefined for any other error. */
export function sqliteErrorCode(error: unknown): string | undefined {
  const { code, errcode } = (error ?? {}) as { code?: unknown; errcode?: unknown };
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') return PRIMARY_CODES[errcode & 0xff] ?? `SQLITE_ERROR_${errcode}`;
  return undefined;
}
