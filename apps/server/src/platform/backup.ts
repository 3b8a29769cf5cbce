import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import type { Localized } from '@tongxin/contracts';
import { findDataKey, KEY_FILE, keyFingerprint, parseDataKey, type DataKeySource } from './crypto/index.js';
import { SQLITE_FILE_NAME, type Database } from './db/index.js';
import { defineErrors } from './errors/index.js';

/**
 * A backup is one .tar.gz: the database (an online SQLite backup, or a pg_dump custom-format dump) and
 * every other file of the data directory (uploads, imports), with a manifest.
 *
 * The data key stays out unless `includeKey` asks for it: the archive holds the ciphertext of every ID
 * number, phone, address and stored file, and an archive with its key would protect none of them once it
 * leaked. The manifest names the key by its fingerprint (never the key), so that a restore can tell
 * whether the key at hand is the right one. Archives of format 1, from before, carry the key file and
 * name none; they restore as they always did.
 */
export type BackupManifest = {
  format: 1 | 2;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  database: string;
  sha256: string;
  files: string[];
  /** Format 2: the data key's fingerprint and whether the archive carries the key file. */
  dataKey?: { fingerprint: string; included: boolean };
};

export const backupErrors = defineErrors({
  noDataKey: {
    code: 'BACKUP_NO_DATA_KEY',
    status: 400,
    message: {
      'zh-CN':
        '找不到数据密钥：没有设置环境变量 TONGXIN_DATA_KEY，也没有密钥文件 {file}。请在服务器的环境中（同样的 TONGXIN_DATA_DIR 和 TONGXIN_DATA_KEY）运行备份',
      en: 'No data key was found: TONGXIN_DATA_KEY is not set and there is no key file {file}. Run the backup with the server’s environment (the same TONGXIN_DATA_DIR and TONGXIN_DATA_KEY)',
    },
  },
  keyMissing: {
    code: 'RESTORE_KEY_MISSING',
    status: 400,
    message: {
      'zh-CN':
        '这个备份不含数据密钥，恢复它需要指纹为 {fingerprint} 的密钥。请用 --key-file <密钥文件> 给出密钥，或设置环境变量 TONGXIN_DATA_KEY，或把密钥文件放在 {file}。未做任何改动',
      en: 'This backup does not carry its data key; restoring it needs the key with fingerprint {fingerprint}. Give it with --key-file <key file>, set TONGXIN_DATA_KEY, or put the key file at {file}. Nothing was changed',
    },
  },
  keyMismatch: {
    code: 'RESTORE_KEY_MISMATCH',
    status: 400,
    message: {
      'zh-CN':
        '{where}中的数据密钥（指纹 {given}）不是这个备份的密钥，恢复它需要指纹为 {fingerprint} 的密钥。请用 --key-file <密钥文件> 或环境变量 TONGXIN_DATA_KEY 给出正确的密钥。未做任何改动',
      en: 'The data key in {where} (fingerprint {given}) is not this backup’s key; restoring it needs the key with fingerprint {fingerprint}. Give the right one with --key-file <key file> or TONGXIN_DATA_KEY. Nothing was changed',
    },
  },
  unknownFormat: {
    code: 'BACKUP_UNKNOWN_FORMAT',
    status: 400,
    message: {
      'zh-CN': '不认识的备份格式 {format}：请用生成这个备份的同心版本来恢复它。未做任何改动',
      en: 'Unknown backup format {format}; restore it with the tongxin version that made it. Nothing was changed',
    },
  },
  damaged: {
    code: 'BACKUP_DAMAGED',
    status: 400,
    message: {
      'zh-CN': '备份文件已损坏（{what}）：请换一份备份来恢复。未做任何改动',
      en: 'The backup file is damaged ({what}); restore from another backup. Nothing was changed',
    },
  },
  postgresBackup: {
    code: 'BACKUP_NEEDS_POSTGRES',
    status: 400,
    message: {
      'zh-CN': '这是 PostgreSQL 数据库的备份：请把 DATABASE_URL 设为要恢复到的数据库。未做任何改动',
      en: 'This is a backup of a PostgreSQL database; set DATABASE_URL to the database to restore into. Nothing was changed',
    },
  },
  sqliteBackup: {
    code: 'BACKUP_NEEDS_SQLITE',
    status: 400,
    message: {
      'zh-CN': '这是内置 SQLite 数据库的备份：请去掉 DATABASE_URL，恢复到数据目录。未做任何改动',
      en: 'This is a backup of the embedded SQLite database; unset DATABASE_URL to restore into the data directory. Nothing was changed',
    },
  },
  toolMissing: {
    code: 'BACKUP_TOOL_MISSING',
    status: 500,
    message: {
      'zh-CN':
        '没有安装 {tool}：请安装 PostgreSQL 客户端工具（Debian：apt-get install postgresql-client），或参见 docs/deploy.md',
      en: 'The PostgreSQL tool {tool} is not installed; install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or see docs/deploy.md',
    },
  },
  toolFailed: {
    code: 'BACKUP_TOOL_FAILED',
    status: 500,
    message: {
      'zh-CN': '{tool} 运行失败：{detail}',
      en: 'Running {tool} failed: {detail}',
    },
  },
  keyInvalid: {
    code: 'DATA_KEY_INVALID',
    status: 400,
    message: {
      'zh-CN': '{where}中不是可用的数据密钥：应为 32 字节，写成 64 位十六进制数或 base64。未做任何改动',
      en: 'The data key in {where} is not usable: it must be 32 bytes, as 64 hex digits or base64. Nothing was changed',
    },
  },
});

const MANIFEST = 'manifest.json';
const PG_DUMP = 'database.dump';
const SQLITE_SIDE_FILES = new Set([SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, `${SQLITE_FILE_NAME}-shm`]);
/** The data-directory entry that holds the key file. */
const KEY_DIR = path.dirname(KEY_FILE);

const ENVIRONMENT: Localized = { 'zh-CN': '环境变量 TONGXIN_DATA_KEY', en: 'TONGXIN_DATA_KEY' };
const keyFileAt = (file: string): Localized => ({ 'zh-CN': `密钥文件 ${file}`, en: `the key file ${file}` });
const ARCHIVED_KEY: Localized = { 'zh-CN': '备份中的密钥文件', en: 'the backup’s key file' };

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function dataFiles(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs.readdirSync(dataDir).filter((name) => !SQLITE_SIDE_FILES.has(name) && !name.startsWith('.backup-'));
}

/** Where the key of a backup lives: in the environment, or in a file (the path). */
export type KeyLocation = { source: DataKeySource; file: string | null };
export type BackupReport = { manifest: BackupManifest; key: KeyLocation };
export type BackupOptions = { dataKey: string | null; includeKey?: boolean };

export async function createBackup(
  db: Database,
  dataDir: string,
  target: string,
  databaseUrl: string | null,
  options: BackupOptions,
): Promise<BackupReport> {
  const key = findDataKey({ dataDir, dataKey: options.dataKey });
  if (!key) throw backupErrors.noDataKey({ file: path.join(dataDir, KEY_FILE) });
  const includeKey = options.includeKey === true;
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
    const keyFile = path.resolve(dataDir, KEY_FILE);
    const files = dataFiles(dataDir);
    for (const name of files) {
      fs.cpSync(path.join(dataDir, name), path.join(staging, name), {
        recursive: true,
        filter: (source) => path.resolve(source) !== keyFile,
      });
    }
    const stagedKey = path.join(staging, KEY_FILE);
    if (includeKey) {
      fs.mkdirSync(path.dirname(stagedKey), { recursive: true });
      // The key in force: the file as it is, or the environment's key written as a key file would hold it.
      if (key.file) fs.copyFileSync(key.file, stagedKey);
      else fs.writeFileSync(stagedKey, `${key.master.toString('base64')}\n`, { mode: 0o600 });
      if (!files.includes(KEY_DIR)) files.push(KEY_DIR);
    } else if (files.includes(KEY_DIR) && fs.readdirSync(path.join(staging, KEY_DIR)).length === 0) {
      // Nothing else lives beside the key: leave the entry out, so that a restore keeps the target's keys.
      fs.rmSync(path.join(staging, KEY_DIR), { recursive: true });
      files.splice(files.indexOf(KEY_DIR), 1);
    }
    const manifest: BackupManifest = {
      format: 2,
      createdAt: new Date().toISOString(),
      dialect: db.dialect,
      database,
      sha256: sha256Of(path.join(staging, database)),
      files,
      dataKey: { fingerprint: keyFingerprint(key.master), included: includeKey },
    };
    fs.writeFileSync(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2));
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    await tar.c({ gzip: true, file: target, cwd: staging }, [MANIFEST, database, ...files]);
    return { manifest, key: { source: key.source, file: key.file } };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** `keyFile`: a key file to restore with, copied into the data directory (`--key-file`). */
export type RestoreOptions = { dataKey: string | null; keyFile: string | null };
/** The key checked against the manifest's fingerprint (null for an archive of format 1) and where it came from. */
export type RestoreReport = { manifest: BackupManifest; key: { fingerprint: string; where: Localized } | null };

type KeyAtHand = { master: Buffer; where: Localized };

function keyIn(text: string, where: Localized): KeyAtHand {
  const master = parseDataKey(text);
  if (!master) throw backupErrors.keyInvalid({ where });
  return { master, where };
}

function keyFromFile(file: string, where: Localized): KeyAtHand {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw backupErrors.keyInvalid({ where });
  }
  return keyIn(text, where);
}

/**
 * Checks, before anything is touched, that the key the restored installation will use is the backup's:
 * TONGXIN_DATA_KEY and `--key-file` when given (both, when both are), else the key file the archive
 * carries, else the one already in the data directory.
 */
function checkKey(
  fingerprint: string,
  staging: string,
  dataDir: string,
  options: RestoreOptions,
): RestoreReport['key'] {
  const given: KeyAtHand[] = [];
  if (options.dataKey) given.push(keyIn(options.dataKey, ENVIRONMENT));
  if (options.keyFile) given.push(keyFromFile(options.keyFile, keyFileAt(options.keyFile)));
  if (given.length === 0) {
    const archived = path.join(staging, KEY_FILE);
    const present = path.join(dataDir, KEY_FILE);
    if (fs.existsSync(archived)) given.push(keyFromFile(archived, ARCHIVED_KEY));
    else if (fs.existsSync(present)) given.push(keyFromFile(present, keyFileAt(present)));
  }
  const [first] = given;
  if (!first) throw backupErrors.keyMissing({ fingerprint, file: path.join(dataDir, KEY_FILE) });
  for (const key of given) {
    const found = keyFingerprint(key.master);
    if (found !== fingerprint) throw backupErrors.keyMismatch({ where: key.where, given: found, fingerprint });
  }
  return { fingerprint, where: first.where };
}

function placeKeyFile(dataDir: string, content: Buffer): void {
  const file = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, content, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/**
 * Restores a backup into the data directory (and, for PostgreSQL, into DATABASE_URL). The server must
 * be stopped: the SQLite file is replaced underneath it. Refuses, with nothing changed, a backup whose
 * key is not at hand.
 */
export async function restoreBackup(
  source: string,
  dataDir: string,
  databaseUrl: string | null,
  options: RestoreOptions,
): Promise<RestoreReport> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-restore-'));
  try {
    await tar.x({ file: source, cwd: staging });
    const manifest = JSON.parse(fs.readFileSync(path.join(staging, MANIFEST), 'utf8')) as BackupManifest;
    if (manifest.format !== 1 && manifest.format !== 2)
      throw backupErrors.unknownFormat({ format: String(manifest.format) });
    if (manifest.format === 2 && !manifest.dataKey?.fingerprint)
      throw backupErrors.damaged({ what: 'manifest.json: dataKey' });
    if (sha256Of(path.join(staging, manifest.database)) !== manifest.sha256) {
      throw backupErrors.damaged({ what: `${manifest.database}: sha256` });
    }
    if (manifest.dialect === 'postgres' && !databaseUrl) {
      throw backupErrors.postgresBackup();
    }
    if (manifest.dialect === 'sqlite' && databaseUrl) {
      throw backupErrors.sqliteBackup();
    }
    const key = manifest.dataKey ? checkKey(manifest.dataKey.fingerprint, staging, dataDir, options) : null;
    const keyFile = options.keyFile ? fs.readFileSync(options.keyFile) : null;
    const presentKeyFile = path.join(dataDir, KEY_FILE);
    const presentKey = fs.existsSync(presentKeyFile) ? fs.readFileSync(presentKeyFile) : null;

    fs.mkdirSync(dataDir, { recursive: true });
    for (const name of manifest.files) {
      fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
      fs.cpSync(path.join(staging, name), path.join(dataDir, name), { recursive: true });
    }
    // A key file given is put in place; one that was there stays unless the archive brought its own.
    if (keyFile) placeKeyFile(dataDir, keyFile);
    else if (presentKey && !fs.existsSync(presentKeyFile)) placeKeyFile(dataDir, presentKey);
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
    return { manifest, key };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function pgTool(tool: string, args: string[]): void {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw backupErrors.toolMissing({ tool });
    throw backupErrors.toolFailed({ tool, detail: String((error as { stderr?: Buffer }).stderr ?? error) });
  }
}
