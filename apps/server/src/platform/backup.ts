import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { SQLITE_FILE_NAME, type Database } from './db/index.js';

/**
 * A backup is one .tar.gz: the database (an online SQLite backup, or a pg_dump custom-format dump) and
 * every other file of the data directory (generated keys, uploads), with a manifest.
 */
export type BackupManifest = {
  format: 1;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  database: string;
  sha256: string;
  files: string[];
};

const MANIFEST = 'manifest.json';
const PG_DUMP = 'database.dump';
const SQLITE_SIDE_FILES = new Set([SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, `${SQLITE_FILE_NAME}-shm`]);

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function dataFiles(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs.readdirSync(dataDir).filter((name) => !SQLITE_SIDE_FILES.has(name) && !name.startsWith('.backup-'));
}

export async function createBackup(
  db: Database,
  dataDir: string,
  target: string,
  databaseUrl: string | null,
): Promise<BackupManifest> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-backup-'));
  try {
    let database: string;
    if (db.sqlite) {
      database = SQLITE_FILE_NAME;
      await db.sqlite.backup(path.join(staging, database));
    } else {
      database = PG_DUMP;
      pgTool('pg_dump', ['--format=custom', `--file=${path.join(staging, database)}`, `--dbname=${databaseUrl ?? ''}`]);
    }
    const files = dataFiles(dataDir);
    for (const name of files) fs.cpSync(path.join(dataDir, name), path.join(staging, name), { recursive: true });
    const manifest: BackupManifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      dialect: db.dialect,
      database,
      sha256: sha256Of(path.join(staging, database)),
      files,
    };
    fs.writeFileSync(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2));
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    await tar.c({ gzip: true, file: target, cwd: staging }, [MANIFEST, database, ...files]);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Restores a backup into the data directory (and, for PostgreSQL, into DATABASE_URL). The server must
 * be stopped: the SQLite file is replaced underneath it.
 */
export async function restoreBackup(
  source: string,
  dataDir: string,
  databaseUrl: string | null,
): Promise<BackupManifest> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-restore-'));
  try {
    await tar.x({ file: source, cwd: staging });
    const manifest = JSON.parse(fs.readFileSync(path.join(staging, MANIFEST), 'utf8')) as BackupManifest;
    if (manifest.format !== 1) throw new Error(`Unknown backup format ${String(manifest.format)}`);
    if (sha256Of(path.join(staging, manifest.database)) !== manifest.sha256) {
      throw new Error('The backup’s database does not match its checksum; the file is damaged');
    }
    if (manifest.dialect === 'postgres' && !databaseUrl) {
      throw new Error('This is a PostgreSQL backup; set DATABASE_URL to the database to restore into');
    }
    if (manifest.dialect === 'sqlite' && databaseUrl) {
      throw new Error('This is a SQLite backup; unset DATABASE_URL to restore into the data directory');
    }
    fs.mkdirSync(dataDir, { recursive: true });
    for (const name of manifest.files) {
      fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
      fs.cpSync(path.join(staging, name), path.join(dataDir, name), { recursive: true });
    }
    if (manifest.dialect === 'sqlite') {
      for (const name of SQLITE_SIDE_FILES) fs.rmSync(path.join(dataDir, name), { force: true });
      fs.copyFileSync(path.join(staging, manifest.database), path.join(dataDir, SQLITE_FILE_NAME));
    } else {
      pgTool('pg_restore', [
        '--clean',
        '--if-exists',
        '--no-owner',
        `--dbname=${databaseUrl ?? ''}`,
        path.join(staging, manifest.database),
      ]);
    }
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function pgTool(tool: string, args: string[]): void {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `${tool} is not installed; install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or see docs/deploy.md`
        : `${tool} failed: ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
      { cause: error },
    );
  }
}
