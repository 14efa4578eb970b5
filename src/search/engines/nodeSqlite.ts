import type { Database, OpenOptions, Row, SqlParams, SqlValue, Statement } from '../database.js';

// Only what delegate uses of node:sqlite (Node 24); @types/node for Node 20 has none of it.
interface StatementSync {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  setReturnArrays(enabled: boolean): void;
}
interface DatabaseSync {
  exec(sql: string): void;
  prepare(sql: string): StatementSync;
  readonly isOpen: boolean;
  readonly isTransaction: boolean;
  close(): void;
}
interface NodeSqlite {
  DatabaseSync: new (file: string, options: { timeout: number }) => DatabaseSync;
}

class NodeStatement implements Statement {
  private returnsArrays = false;

  constructor(private readonly statement: StatementSync) {}

  // One statement serves both shapes: switched only when the shape asked for changes.
  private as(arrays: boolean): StatementSync {
    if (this.returnsArrays !== arrays) {
      this.statement.setReturnArrays(arrays);
      this.returnsArrays = arrays;
    }
    return this.statement;
  }

  run(...params: SqlParams): void {
    this.statement.run(...params);
  }

  get(...params: SqlParams): Row | undefined {
    return this.as(false).get(...params) as Row | undefined;
  }

  all(...params: SqlParams): Row[] {
    return this.as(false).all(...params) as Row[];
  }

  value(...params: SqlParams): SqlValue | undefined {
    return (this.as(true).get(...params) as SqlValue[] | undefined)?.[0];
  }

  values(...params: SqlParams): SqlValue[] {
    return (this.as(true).all(...params) as SqlValue[][]).map((row) => row[0]!);
  }

  arrays(...params: SqlParams): SqlValue[][] {
    return this.as(true).all(...params) as SqlValue[][];
  }

  rows(...params: SqlParams): Iterable<SqlValue[]> {
    return this.as(true).iterate(...params) as Iterable<SqlValue[]>;
  }
}

/** A connection through Node's own SQLite (node:sqlite, Node 24 and later). */
export function openNodeSqlite(file: string, options: OpenOptions): Database {
  const { DatabaseSync } = process.getBuiltinModule('node:sqlite' as 'node:fs') as unknown as NodeSqlite;
  const db = new DatabaseSync(file, { timeout: options.timeout });
  return {
    engine: 'node:sqlite',
    exec: (sql) => db.exec(sql),
    prepare: (sql) => new NodeStatement(db.prepare(sql)),
    get inTransaction() {
      return db.isTransaction;
    },
    transaction<T>(work: () => T): T {
      if (db.isTransaction) return work();
      db.exec('BEGIN');
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    close: () => {
      if (db.isOpen) db.close();
    },
  };
}
