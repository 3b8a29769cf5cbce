import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { asExecutor, type Executor } from './executor.js';
import { postgresTypes } from './postgres-types.js';
import type { DialectName } from './dialect.js';

export type DatabaseOptions = {
  /** PostgreSQL connection string; null for the embedded SQLite file. */
  url: string | null;
  /** Where the SQLite file lives. */
  dataDir: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
};

export type Database = {
  readonly dialect: DialectName;
  /** The connection pool as an executor; pass it to services and repositories. */
  readonly executor: Executor;
  /** The SQLite file, for online backup; null on PostgreSQL. */
  readonly sqliteFile: string | null;
  /** Runs `select 1`; false when the database cannot be reached. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The underlying better-sqlite3 handle, for the online backup API. */
  readonly sqlite: SQLite.Database | null;
};

export const SQLITE_FILE_NAME = 'tongxin.db';

export function openDatabase(options: DatabaseOptions): Database {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openSqlite(options.dataDir);
}

function openSqlite(dataDir: string): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  // WAL with synchronous=NORMAL is durable across application crashes; only an OS crash may lose the last commits.
  handle.pragma('synchronous = NORMAL');
  // 64 MiB of page cache (the default is 2 MiB): large imports keep their indexes in memory.
  handle.pragma('cache_size = -65536');
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
  return {
    dialect: 'sqlite',
    executor: asExecutor(kysely),
    sqliteFile: file,
    sqlite: handle,
    ping: () => ping(kysely),
    close: () => kysely.destroy(),
  };
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: postgresTypes });
  // An idle client that loses its server emits 'error'; without a listener that would end the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    executor: asExecutor(kysely),
    sqliteFile: null,
    sqlite: null,
    ping: () => ping(kysely),
    close: () => kysely.destroy(),
  };
}

/**
 * Kysely prepares every query anew; imports run the same batch insert thousands of times, and preparing a
 * statement of several thousand parameters costs as much as running it. Statements are reused by their
 * SQL text (queries run one at a time on the single connection, so a statement is never busy twice).
 */
function withStatementCache(handle: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = handle.prepare.bind(handle);
  return Object.assign(Object.create(handle) as SQLite.Database, {
    prepare(source: string) {
      let statement = cache.get(source);
      if (!statement) {
        statement = prepare(source);
        if (cache.size >= 500) cache.delete(cache.keys().next().value ?? '');
        cache.set(source, statement);
      }
      return statement;
    },
    close: () => handle.close(),
  });
}

async function ping(kysely: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select 1`.execute(kysely);
    return true;
  } catch {
    return false;
  }
}
