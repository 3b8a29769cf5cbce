import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { allMigrations } from '../bootstrap.js';
import { ensureBaseRegions } from '../modules/regions/index.js';
import { systemContext } from '../platform/context.js';
import { installKeyring, keyringFromMaster } from '../platform/crypto/index.js';
import { migrateToLatest, openDatabase, type Database } from '../platform/db/index.js';

export type TestDatabase = {
  db: Database;
  dataDir: string;
  /** The connection string, with its own schema, on PostgreSQL; null on SQLite. */
  url: string | null;
  close(): Promise<void>;
};

export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TONGXIN_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

function postgresBaseUrl(): string {
  const url = process.env.TONGXIN_TEST_DATABASE_URL;
  if (!url) throw new Error('TONGXIN_TEST_DIALECT=postgres needs TONGXIN_TEST_DATABASE_URL');
  return url;
}

/** A schema of its own on the test server: the file's tests share it, other files never see it. */
async function createSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = postgresBaseUrl();
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

/** A database of its own, for tests of whole-database work such as pg_dump and pg_restore. */
async function createOwnDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = postgresBaseUrl();
  const name = `tongxin_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await run(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database ${name} with (force)`) };
}

export type TestDatabaseOptions = { poolSize?: number; ownDatabase?: boolean; migrate?: boolean };

/** One random data key per test process, as a server has one per installation. */
export const TEST_DATA_KEY = randomBytes(32);
installKeyring(keyringFromMaster(TEST_DATA_KEY));

/** A migrated database with the base regions, for one test file. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-test-'));
  const schema =
    testDialect() === 'postgres' ? await (options.ownDatabase ? createOwnDatabase() : createSchema()) : null;
  const db = openDatabase({ url: schema?.url ?? null, dataDir, poolSize: options.poolSize ?? 5 });
  if (options.migrate !== false) {
    await migrateToLatest(db.executor, allMigrations());
    await ensureBaseRegions(systemContext(db.executor));
  }
  return {
    db,
    dataDir,
    url: schema?.url ?? null,
    close: async () => {
      await db.close();
      await schema?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
