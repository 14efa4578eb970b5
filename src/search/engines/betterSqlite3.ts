import type BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { bundledContentDir } from '../../paths.js';
import { enableCompileCache } from '../../startup/codeCache.js';
import { SqliteUnavailableError, type Database, type OpenOptions, type Row, type SqlParams, type SqlValue, type Statement } from '../database.js';

// NOTE: the build bundles better-sqlite3's JavaScript into dist/vendor/better-sqlite3.cjs
// (scripts/build.mjs) and this tells it where its addon is, in node_modules. Loaded from
// node_modules instead, its dozen files are found, read and compiled at every search (~8 ms),
// and its own loader (the `bindings` package) looks for the addon in a dozen places. The
// JavaScript must be the release the addon was built with: when the installed better-sqlite3 is
// another release, it is loaded whole from node_modules. Loaded on first use only: Node 24 and
// later search with node:sqlite and never read it.
declare const __BETTER_SQLITE3_VERSION__: string | undefined;
// Made on first use: import.meta.url costs a millisecond at start-up in the bundle.
let required: NodeJS.Require | undefined;
const requireHere = (): NodeJS.Require => (required ??= createRequire(import.meta.url));

let loaded: { Database: typeof BetterSqlite3; nativeBinding?: string } | undefined;

function load(): { Database: typeof BetterSqlite3; nativeBinding?: string } {
  if (loaded) return loaded;
  let installed: string | undefined;
  try {
    installed = (JSON.parse(readFileSync(packageFile()!, 'utf8')) as { version?: string }).version;
  } catch {
    // not where the package normally is: let require find it, or say it is missing
  }
  let nativeBinding: string | undefined;
  try {
    nativeBinding = requireHere().resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    // an unusual build: better-sqlite3 finds its addon itself
  }
  const bundled = typeof __BETTER_SQLITE3_VERSION__ === 'string' && installed === __BETTER_SQLITE3_VERSION__;
  try {
    enableCompileCache(); // as for the files cli.cjs requires itself
    const Database = (bundled ? requireHere()('./vendor/better-sqlite3.cjs') : requireHere()('better-sqlite3')) as typeof BetterSqlite3;
    loaded = { Database, ...(nativeBinding ? { nativeBinding } : {}) };
    return loaded;
  } catch (error) {
    throw unavailable(error) ?? error;
  }
}

function packageFile(): string | undefined {
  try {
    return requireHere().resolve('better-sqlite3/package.json');
  } catch {
    return undefined;
  }
}

/** The folder delegate is installed in: where `npm rebuild` and `npm install` are run. */
function installFolder(): string {
  const file = packageFile();
  const at = file?.lastIndexOf(`${sep}node_modules${sep}better-sqlite3${sep}`) ?? -1;
  return at > 0 ? file!.slice(0, at) : dirname(bundledContentDir());
}

/** What to tell the delegate when better-sqlite3 cannot be loaded; undefined for an error of another kind. */
function unavailable(error: unknown): SqliteUnavailableError | undefined {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  const folder = installFolder();
  if (code === 'ERR_DLOPEN_FAILED') {
    // The usual cause: Node was upgraded after delegate was installed, and the addon was built for the old one.
    const versions = /NODE_MODULE_VERSION (\d+)[\s\S]*NODE_MODULE_VERSION (\d+)/.exec(text);
    return new SqliteUnavailableError(
      versions
        ? `search cannot start: its SQLite module (better-sqlite3) was built for another version of Node.js (module version ${versions[1]}; Node.js ${process.versions.node} needs ${versions[2]})`
        : `search cannot start: its SQLite module (better-sqlite3) does not load in Node.js ${process.versions.node} (${text.split('\n')[0]})`,
      `Rebuild it for this Node.js, in the folder where delegate is installed:\n  cd ${folder} && npm rebuild better-sqlite3\nThis needs python3, make and a C++ compiler. Node.js 24 and later need no such module. The other commands work as they are.`,
    );
  }
  if (code === 'MODULE_NOT_FOUND' && /better-sqlite3|better_sqlite3/.test(text)) {
    return new SqliteUnavailableError(
      `search cannot start: it needs the SQLite module better-sqlite3 on Node.js ${process.versions.node}, and it is not installed`,
      `Install it in the folder where delegate is installed:\n  cd ${folder} && npm install better-sqlite3\nThis needs python3, make and a C++ compiler. Or use Node.js 24 or later, which has SQLite built in. The other commands work as they are.`,
    );
  }
  return undefined;
}

class BetterStatement implements Statement {
  constructor(private readonly statement: BetterSqlite3.Statement) {}

  run(...params: SqlParams): void {
    this.statement.run(...params);
  }

  get(...params: SqlParams): Row | undefined {
    return this.statement.pluck(false).raw(false).get(...params) as Row | undefined;
  }

  all(...params: SqlParams): Row[] {
    return this.statement.pluck(false).raw(false).all(...params) as Row[];
  }

  value(...params: SqlParams): SqlValue | undefined {
    return this.statement.pluck(true).get(...params) as SqlValue | undefined;
  }

  values(...params: SqlParams): SqlValue[] {
    return this.statement.pluck(true).all(...params) as SqlValue[];
  }

  arrays(...params: SqlParams): SqlValue[][] {
    return this.statement.pluck(false).raw(true).all(...params) as SqlValue[][];
  }

  rows(...params: SqlParams): Iterable<SqlValue[]> {
    return this.statement.pluck(false).raw(true).iterate(...params) as Iterable<SqlValue[]>;
  }
}

/** A connection through better-sqlite3 (Node 20 and 22). */
export function openBetterSqlite3(file: string, options: OpenOptions): Database {
  const { Database, nativeBinding } = load();
  let db: BetterSqlite3.Database;
  try {
    db = new Database(file, { timeout: options.timeout, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    // The addon is loaded here, at the first connection.
    throw unavailable(error) ?? error;
  }
  return {
    engine: 'better-sqlite3',
    exec: (sql) => void db.exec(sql),
    prepare: (sql) => new BetterStatement(db.prepare(sql)),
    get inTransaction() {
      return db.inTransaction;
    },
    transaction: <T>(work: () => T): T => (db.inTransaction ? work() : db.transaction(work)()),
    close: () => {
      if (db.open) db.close();
    },
  };
}

