import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExecute } from '../test-support/raw-sql.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../test-support/test-database.js';

const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));
let database: TestDatabase;

/** Runs `tongxin <args>` from source, against this file's database, as an operator would. */
function tongxin(...args: string[]) {
  const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: SERVER_DIR,
    encoding: 'utf8',
    env: {
      ...process.env,
      TONGXIN_DATA_DIR: database.dataDir,
      DATABASE_URL: database.url ?? '',
      LOG_LEVEL: 'warn',
    },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(async () => {
  // The CLI migrates on its own; on PostgreSQL the backup test needs a database to itself.
  database = await createTestDatabase({ ownDatabase: true, migrate: false });
});
afterAll(() => database.close());

describe('tongxin CLI', { timeout: 180_000 }, () => {
  it('migrates, loads the demo once, and says so the second time', () => {
    expect(tongxin('migrate').out).toContain('Database is up to date.');
    const first = tongxin('demo');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Demo data loaded.');
    expect(first.out).toContain('dengkou_admin');
    const second = tongxin('demo');
    expect(second.out).toContain('nothing added');
    // The demo's gifts, transfers and payments leave a ledger that proves itself.
    const verified = tongxin('ledger', 'verify');
    expect(verified.out).toContain('OK:');
    expect(verified.code).toBe(0);
    // …and statistics that agree with the records they count.
    const figures = tongxin('figures', 'verify');
    expect(figures.out).toContain('OK: the figures agree with the records');
    expect(figures.code).toBe(0);
  });

  it('ledger verify finds a running total tampered with behind the application’s back', async () => {
    await rawExecute(database.db, "update ledger_accounts set balance = balance + 1 where kind = 'bank'");
    const broken = tongxin('ledger', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/PROBLEM account .*\|bank\|money\|: running total/);
    await rawExecute(database.db, "update ledger_accounts set balance = balance - 1 where kind = 'bank'");
  });

  it('creates a user with a temporary password and resets it', () => {
    const created = tongxin(
      'user',
      'create',
      '--username',
      'dengkou_clerk',
      '--name',
      '磴口县促进会文员',
      '--role',
      'org_staff',
      '--organization',
      '磴口县社会扶贫工作促进会',
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Temporary password \(must be changed at first sign-in\): [A-Za-z2-9]{12}/);
    const reset = tongxin('user', 'reset-password', 'dengkou_clerk');
    expect(reset.out).toMatch(/Temporary password for dengkou_clerk/);
    const unknown = tongxin('user', 'reset-password', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No user named nobody');
  });

  it('refuses a bad role with a message naming the choices', () => {
    const result = tongxin(
      'user',
      'create',
      '--username',
      'x_bad',
      '--name',
      'x',
      '--role',
      'boss',
      '--organization',
      '磴口县社会扶贫工作促进会',
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('Unknown role boss; choose one of: platform_admin, org_admin');
  });

  it('verifies the audit trail and names a tampered link', async () => {
    const ok = tongxin('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('every audit chain is intact');
    const { openDatabase } = await import('../platform/db/index.js');
    const db = openDatabase({ url: database.url, dataDir: database.dataDir });
    const [victim] = await rawExecute(
      db,
      "select chain_id, seq from audit_events where action = 'user.create' order by occurred_at desc limit 1",
    );
    await rawExecute(db, "update audit_events set actor_username = 'someone-else' where chain_id = ? and seq = ?", [
      victim?.chain_id,
      victim?.seq,
    ]);
    const broken = tongxin('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN chain ${String(victim?.chain_id)} at seq ${String(victim?.seq)}`);
    await rawExecute(db, "update audit_events set actor_username = 'system' where chain_id = ? and seq = ?", [
      victim?.chain_id,
      victim?.seq,
    ]);
    await db.close();
    expect(tongxin('audit', 'verify').code).toBe(0);
  });

  it('loads a province file given by the operator, and refuses a broken one naming the line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regions-'));
    const good = path.join(dir, 'good.tsv.gz');
    fs.writeFileSync(
      good,
      gzipSync(
        'code\tname\tlevel\tparent\tpinyin\tinitials\n150822990000\t试验镇\ttownship\t150822\t\t\n150822990001\t试验村\tvillage\t150822990000\t\t\n',
      ),
    );
    const loaded = tongxin('regions', 'load', '15', '--file', good);
    expect(loaded.code).toBe(0);
    expect(loaded.out).toContain('township: 1, village: 1');
    const bad = path.join(dir, 'bad.tsv');
    fs.writeFileSync(
      bad,
      'code\tname\tlevel\tparent\tpinyin\tinitials\n150822990002\t坏村\tvillage\t150822990000\n15082299\t坏\tvillage\t150822990000\n',
    );
    const refused = tongxin('regions', 'load', '15', '--file', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('区划文件第 3 行有误');
  });

  it('backs up and restores the database with the data directory', () => {
    // The data key was generated into the data directory on the first run; uploads live there too.
    const keyFile = path.join(database.dataDir, 'keys', 'data.key');
    const key = fs.readFileSync(keyFile, 'utf8');
    const upload = path.join(database.dataDir, 'uploads', 'photo.jpg');
    fs.mkdirSync(path.dirname(upload), { recursive: true });
    fs.writeFileSync(upload, 'a photo before the backup');
    const archive = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backup-')), 'tongxin.tar.gz');
    const backup = tongxin('backup', archive);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toContain(testDialect() === 'postgres' ? 'database.dump' : 'tongxin.db');

    tongxin(
      'user',
      'create',
      '--username',
      'after_backup',
      '--name',
      '备份后',
      '--role',
      'org_staff',
      '--organization',
      '磴口县社会扶贫工作促进会',
    );
    fs.writeFileSync(upload, 'a photo after the backup');
    expect(tongxin('user', 'reset-password', 'after_backup').code).toBe(0);

    const restore = tongxin('restore', archive);
    expect(restore.code, restore.err).toBe(0);
    expect(tongxin('user', 'reset-password', 'after_backup').err).toContain('No user named after_backup');
    expect(tongxin('user', 'reset-password', 'dengkou_clerk').code).toBe(0);
    expect(fs.readFileSync(upload, 'utf8')).toBe('a photo before the backup');
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(key);
    expect(tongxin('audit', 'verify').code).toBe(0);
  });
});
