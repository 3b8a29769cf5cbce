import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupManifest } from '../platform/backup.js';
import {
  decryptFileBytes,
  encryptFileBytes,
  findDataKey,
  keyFingerprint,
  keyringFromMaster,
} from '../platform/crypto/index.js';
import { openDatabase } from '../platform/db/index.js';
import { isAppError } from '../platform/errors/index.js';
import { createLogger } from '../platform/logging.js';
import { makeOrganization } from '../test-support/factories.js';
import { rawExecute } from '../test-support/raw-sql.js';
import {
  loadTestVillages,
  makeHousehold,
  makeIdNumber,
  makeVillage,
  testVillageCode,
} from '../test-support/registry-factories.js';
import { testConfig } from '../test-support/test-app.js';
import { createTestDatabase, TEST_DATA_KEY, testDialect, type TestDatabase } from '../test-support/test-database.js';
import { backupCommand, restoreCommand } from './commands/backup.js';

const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));
const FINGERPRINT = keyFingerprint(TEST_DATA_KEY);
const PHOTO = '一张农户的照片';
const ID_NUMBER = makeIdNumber();
const logger = createLogger({ level: 'silent', pretty: false });
/** PostgreSQL backups need pg_dump and pg_restore of the server's major version. */
const hasTools =
  testDialect() === 'sqlite' || ['pg_dump', 'pg_restore'].every((tool) => spawnSync(tool, ['--version']).status === 0);

let source: TestDatabase;
let archive: string;
let backupOutput: string[];
const targets: TestDatabase[] = [];

function scratch(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backup-key-')), name);
}

/** Where a restore goes: a data directory that does not exist yet and, on PostgreSQL, an empty database. */
type Target = { dataDir: string; url: string | null };
async function emptyTarget(): Promise<Target> {
  const dataDir = scratch('data');
  if (testDialect() === 'sqlite') return { dataDir, url: null };
  const database = await createTestDatabase({ ownDatabase: true, migrate: false });
  targets.push(database);
  return { dataDir, url: database.url };
}

function lines(): { out: (line: string) => void; text: () => string } {
  const all: string[] = [];
  return { out: (line) => all.push(line), text: () => all.join('\n') };
}

type RestoreInput = { keyFile?: string; dataKey?: string; archive?: string };

async function restore(target: Target, options: RestoreInput = {}) {
  const io = lines();
  const config = { ...testConfig(target.dataDir, target.url), dataKey: options.dataKey ?? null };
  await restoreCommand(config, logger, options.archive ?? archive, options.keyFile ?? null, io);
  return io.text();
}

/** What the restore refused with: the error's code and its message in both languages. */
async function refusal(target: Target, options: RestoreInput = {}) {
  try {
    await restore(target, options);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, zh: error.messageIn('zh-CN'), en: error.messageIn('en') };
  }
  throw new Error('The restore went ahead');
}

/** What a server started on the restored data directory reads: the household's ID number and the photo. */
async function readBack(target: Target, dataKey: string | null = null) {
  const found = findDataKey({ dataDir: target.dataDir, dataKey });
  if (!found) throw new Error('The restored installation has no data key');
  const ring = keyringFromMaster(found.master);
  const db = openDatabase({ url: target.url, dataDir: target.dataDir });
  try {
    const rows = await rawExecute(db, 'select id_number_cipher from persons');
    return {
      idNumbers: rows.map((row) => ring.decrypt(String(row.id_number_cipher))),
      photo: decryptFileBytes(fs.readFileSync(path.join(target.dataDir, 'uploads', 'photo.jpg')), ring).toString(),
    };
  } finally {
    await db.close();
  }
}

/** Nothing of the restore happened: no data directory, and on PostgreSQL no table in the database. */
async function expectUntouched(target: Target) {
  expect(fs.existsSync(target.dataDir)).toBe(false);
  if (!target.url) return;
  const db = openDatabase({ url: target.url, dataDir: target.dataDir });
  try {
    const [row] = await rawExecute(
      db,
      "select count(*) as n from information_schema.tables where table_schema = 'public' and table_catalog = current_database()",
    );
    expect(Number(row?.n)).toBe(0);
  } finally {
    await db.close();
  }
}

async function archiveOf(file: string): Promise<{ entries: string[]; manifest: BackupManifest }> {
  const entries: string[] = [];
  await tar.t({ file, onReadEntry: (entry) => entries.push(entry.path.replace(/\/$/, '')) });
  const dir = scratch('extracted');
  fs.mkdirSync(dir);
  await tar.x({ file, cwd: dir, filter: (name) => name === 'manifest.json' });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  return { entries, manifest };
}

function keyFileWith(master: Buffer): string {
  const file = scratch('data.key');
  fs.writeFileSync(file, `${master.toString('base64')}\n`, { mode: 0o600 });
  return file;
}

beforeAll(async () => {
  if (!hasTools) return;
  source = await createTestDatabase({ ownDatabase: true });
  // The key was generated into the data directory, as on a first start without TONGXIN_DATA_KEY.
  fs.mkdirSync(path.join(source.dataDir, 'keys'), { mode: 0o700 });
  fs.writeFileSync(path.join(source.dataDir, 'keys', 'data.key'), `${TEST_DATA_KEY.toString('base64')}\n`, {
    mode: 0o600,
  });
  fs.mkdirSync(path.join(source.dataDir, 'uploads'));
  fs.writeFileSync(path.join(source.dataDir, 'uploads', 'photo.jpg'), encryptFileBytes(Buffer.from(PHOTO)));
  await loadTestVillages(source.db);
  const organization = await makeOrganization(source.db, {});
  const village = await makeVillage(source.db, organization, testVillageCode('150822', 1));
  await makeHousehold(source.db, village.id, { idNumber: ID_NUMBER });
  archive = scratch('tongxin.tar.gz');
  const io = lines();
  await backupCommand(source.db, testConfig(source.dataDir, source.url), archive, false, io);
  backupOutput = io.text().split('\n');
});

afterAll(async () => {
  for (const target of targets) await target.close();
  await source?.close();
});

describe.skipIf(!hasTools)('a backup and its data key', { timeout: 120_000 }, () => {
  it('leaves the key out, records its fingerprint, and says where the key is without printing it', async () => {
    const { entries, manifest } = await archiveOf(archive);
    expect(entries).toContain('uploads/photo.jpg');
    expect(entries.some((entry) => entry.startsWith('keys'))).toBe(false);
    expect(manifest).toMatchObject({ format: 2, dataKey: { fingerprint: FINGERPRINT, included: false } });
    expect(manifest.files).not.toContain('keys');

    const keyFile = path.join(source.dataDir, 'keys', 'data.key');
    expect(backupOutput[0]).toContain(`to ${archive}`);
    expect(backupOutput[1]).toBe(
      `数据密钥（指纹 ${FINGERPRINT}）不在备份中，它在 ${keyFile}。请另行妥善保管，不要与备份放在一起：恢复时需要它，没有它加密的数据无法读出。`,
    );
    expect(backupOutput[2]).toBe(
      `The data key (fingerprint ${FINGERPRINT}) is not in the backup; it is in ${keyFile}. Keep it safe and apart from the backups: a restore needs it, and without it the encrypted data cannot be read.`,
    );
    const printed = backupOutput.join('\n');
    expect(printed).not.toContain(TEST_DATA_KEY.toString('base64'));
    expect(printed).not.toContain(TEST_DATA_KEY.toString('hex'));
    // The source's own key file stays where it was.
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(`${TEST_DATA_KEY.toString('base64')}\n`);
  });

  it('refuses to restore into an empty directory without the key, naming the key it needs, and touches nothing', async () => {
    const target = await emptyTarget();
    const refused = await refusal(target);
    expect(refused.code).toBe('RESTORE_KEY_MISSING');
    expect(refused.zh).toContain(`恢复它需要指纹为 ${FINGERPRINT} 的密钥`);
    expect(refused.zh).toContain('--key-file <密钥文件>');
    expect(refused.en).toContain(`needs the key with fingerprint ${FINGERPRINT}`);
    expect(refused.en).toContain('set TONGXIN_DATA_KEY');
    expect(refused.en).toContain(path.join(target.dataDir, 'keys', 'data.key'));
    await expectUntouched(target);
  });

  it('restores with --key-file, puts the key in place, and the ID number and the photo read back', async () => {
    const target = await emptyTarget();
    const keyFile = keyFileWith(TEST_DATA_KEY);
    const output = await restore(target, { keyFile });
    expect(output).toContain(`数据密钥与备份相符（指纹 ${FINGERPRINT}，取自密钥文件 ${keyFile}）。`);
    expect(output).toContain(
      `The data key matches the backup (fingerprint ${FINGERPRINT}, from the key file ${keyFile}).`,
    );
    const placed = path.join(target.dataDir, 'keys', 'data.key');
    expect(fs.statSync(placed).mode & 0o777).toBe(0o600);
    expect(await readBack(target)).toEqual({ idNumbers: [ID_NUMBER], photo: PHOTO });
  });

  it('restores with TONGXIN_DATA_KEY and writes no key file', async () => {
    const target = await emptyTarget();
    const dataKey = TEST_DATA_KEY.toString('hex');
    expect(await restore(target, { dataKey })).toContain('from TONGXIN_DATA_KEY');
    expect(fs.existsSync(path.join(target.dataDir, 'keys'))).toBe(false);
    expect(await readBack(target, dataKey)).toEqual({ idNumbers: [ID_NUMBER], photo: PHOTO });
  });

  it('restores with the key file already in the data directory and keeps it', async () => {
    const target = await emptyTarget();
    const present = path.join(target.dataDir, 'keys', 'data.key');
    fs.mkdirSync(path.dirname(present), { recursive: true });
    fs.writeFileSync(present, TEST_DATA_KEY.toString('hex'));
    expect(await restore(target)).toContain(`from the key file ${present}`);
    expect(fs.readFileSync(present, 'utf8')).toBe(TEST_DATA_KEY.toString('hex'));
    expect(await readBack(target)).toEqual({ idNumbers: [ID_NUMBER], photo: PHOTO });
  });

  it('refuses a wrong key — given, in the environment or in the data directory — and touches nothing', async () => {
    const target = await emptyTarget();
    const wrong = randomBytes(32);
    const wrongFile = keyFileWith(wrong);
    const byFile = await refusal(target, { keyFile: wrongFile });
    expect(byFile.code).toBe('RESTORE_KEY_MISMATCH');
    expect(byFile.en).toBe(
      `The data key in the key file ${wrongFile} (fingerprint ${keyFingerprint(wrong)}) is not this backup’s key; restoring it needs the key with fingerprint ${FINGERPRINT}. Give the right one with --key-file <key file> or TONGXIN_DATA_KEY. Nothing was changed`,
    );
    expect(byFile.zh).toContain(`密钥文件 ${wrongFile}中的数据密钥（指纹 ${keyFingerprint(wrong)}）不是这个备份的密钥`);
    await expectUntouched(target);

    // The right file does not help while the environment holds another key: the server would use that one.
    const byEnvironment = await refusal(target, {
      dataKey: wrong.toString('hex'),
      keyFile: keyFileWith(TEST_DATA_KEY),
    });
    expect(byEnvironment.code).toBe('RESTORE_KEY_MISMATCH');
    expect(byEnvironment.zh).toContain('环境变量 TONGXIN_DATA_KEY中的数据密钥');
    await expectUntouched(target);

    const notAKey = scratch('not-a.key');
    fs.writeFileSync(notAKey, 'secret');
    expect((await refusal(target, { keyFile: notAKey })).code).toBe('DATA_KEY_INVALID');
    await expectUntouched(target);

    // Another installation's key in the target directory: refused, and that key file is left alone.
    const present = path.join(target.dataDir, 'keys', 'data.key');
    fs.mkdirSync(path.dirname(present), { recursive: true });
    fs.writeFileSync(present, wrong.toString('base64'));
    expect((await refusal(target)).code).toBe('RESTORE_KEY_MISMATCH');
    expect(fs.readdirSync(target.dataDir)).toEqual(['keys']);
    expect(fs.readFileSync(present, 'utf8')).toBe(wrong.toString('base64'));
  });

  it('with --include-key carries the key, warns about it, and restores with nothing else', async () => {
    const selfContained = scratch('with-key.tar.gz');
    const io = lines();
    await backupCommand(source.db, testConfig(source.dataDir, source.url), selfContained, true, io);
    expect(io.text()).toContain(
      `警告：备份中含有数据密钥（指纹 ${FINGERPRINT}），得到这个文件的人能读出全部身份证号、电话、地址和存储的文件`,
    );
    expect(io.text()).toContain(`Warning: the backup carries the data key (fingerprint ${FINGERPRINT})`);
    const { entries, manifest } = await archiveOf(selfContained);
    expect(entries).toContain('keys/data.key');
    expect(manifest.dataKey).toEqual({ fingerprint: FINGERPRINT, included: true });

    const target = await emptyTarget();
    expect(await restore(target, { archive: selfContained })).toContain('from the backup’s key file');
    expect(await readBack(target)).toEqual({ idNumbers: [ID_NUMBER], photo: PHOTO });
  });

  it('restores an archive of the earlier format (key inside, no fingerprint) as before', async () => {
    // The earlier format is today's self-contained archive with a format-1 manifest that names no key.
    const withKey = scratch('with-key.tar.gz');
    await backupCommand(source.db, testConfig(source.dataDir, source.url), withKey, true, lines());
    const dir = scratch('old');
    fs.mkdirSync(dir);
    await tar.x({ file: withKey, cwd: dir });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.dataKey;
    manifest.format = 1;
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const old = scratch('old.tar.gz');
    await tar.c({ gzip: true, file: old, cwd: dir }, fs.readdirSync(dir));

    const target = await emptyTarget();
    const output = await restore(target, { archive: old });
    expect(output).toContain('Restored the');
    expect(output).not.toContain('fingerprint');
    expect(await readBack(target)).toEqual({ idNumbers: [ID_NUMBER], photo: PHOTO });
  });

  it('refuses a damaged archive and one of the other database kind, in both languages, and touches nothing', async () => {
    const dir = scratch('damaged');
    fs.mkdirSync(dir);
    await tar.x({ file: archive, cwd: dir });
    const { manifest } = await archiveOf(archive);
    fs.appendFileSync(path.join(dir, manifest.database), 'x');
    const damaged = scratch('damaged.tar.gz');
    await tar.c({ gzip: true, file: damaged, cwd: dir }, fs.readdirSync(dir));
    const target = await emptyTarget();
    const refused = await refusal(target, { archive: damaged, dataKey: TEST_DATA_KEY.toString('hex') });
    expect(refused.code).toBe('BACKUP_DAMAGED');
    expect(refused.zh).toContain('备份文件已损坏');
    expect(refused.en).toContain('restore from another backup');
    await expectUntouched(target);

    // A SQLite backup asked into PostgreSQL, or the other way round.
    const other = { ...target, url: target.url ? null : 'postgres://127.0.0.1:1/none' };
    const wrong = await refusal(other, { dataKey: TEST_DATA_KEY.toString('hex') });
    expect(wrong.code).toBe(target.url ? 'BACKUP_NEEDS_POSTGRES' : 'BACKUP_NEEDS_SQLITE');
    expect(wrong.zh).toContain('DATABASE_URL');
    expect(wrong.en).toContain('Nothing was changed');
    expect(fs.existsSync(target.dataDir)).toBe(false);
  });

  it('tongxin backup and restore --key-file from the command line', async () => {
    const cli = (target: Target, ...args: string[]) => {
      const result = spawnSync(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', 'src/cli/main.ts', ...args],
        {
          cwd: SERVER_DIR,
          encoding: 'utf8',
          env: {
            ...process.env,
            TONGXIN_DATA_DIR: target.dataDir,
            DATABASE_URL: target.url ?? '',
            TONGXIN_DATA_KEY: '',
            LOG_LEVEL: 'warn',
          },
          timeout: 120_000,
        },
      );
      return { code: result.status, out: result.stdout, err: result.stderr };
    };
    const file = scratch('cli.tar.gz');
    const backup = cli({ dataDir: source.dataDir, url: source.url }, 'backup', file);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toContain(`The data key (fingerprint ${FINGERPRINT}) is not in the backup`);
    expect((await archiveOf(file)).entries).not.toContain('keys/data.key');

    const target = await emptyTarget();
    const refused = cli(target, 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `tongxin: RESTORE_KEY_MISSING: 这个备份不含数据密钥，恢复它需要指纹为 ${FINGERPRINT} 的密钥`,
    );
    expect(refused.err).toContain(
      `This backup does not carry its data key; restoring it needs the key with fingerprint ${FINGERPRINT}`,
    );
    await expectUntouched(target);

    const restored = cli(target, 'restore', file, '--key-file', keyFileWith(TEST_DATA_KEY));
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain(`The data key matches the backup (fingerprint ${FINGERPRINT}`);
    expect(await readBack(target)).toEqual({ idNumbers: [ID_NUMBER], photo: PHOTO });
  });
});
