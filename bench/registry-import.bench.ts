/**
 * Importing persons: a CSV of members (1,000,000 rows; 20,000 with --quick) through the whole import —
 * parse, check every ID number, look up duplicates and households, encrypt, insert in one transaction —
 * next to a raw insert of the same rows into the same database in the same run. Target: at least 25% of
 * the raw rate, with the importing process's peak memory under 500 MB. The import runs in a process of
 * its own so that its memory is measured alone.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS, runImport } from '../apps/server/src/modules/registry/index.js';
import { asExecutor, insertMany, tablesOf } from '../apps/server/src/platform/db/index.js';
import { makeNetwork } from '../apps/server/src/test-support/factories.js';
import { loadTestVillages, makeIdNumber, testVillageCode } from '../apps/server/src/test-support/registry-factories.js';
import { householdRows } from '../apps/server/src/test-support/registry-files.js';
import { contextOf } from '../apps/server/src/test-support/test-app.js';
import { createTestDatabase, TEST_DATA_KEY, testDialect } from '../apps/server/src/test-support/test-database.js';

const quick = process.argv.includes('--quick');
const PERSONS = Number(process.env.BENCH_PERSONS ?? (quick ? 20_000 : 1_000_000));
const HOUSEHOLDS = PERSONS / 4;

const database = await createTestDatabase();
const net = await makeNetwork(database.db);
await loadTestVillages(database.db);
const ctx = await contextOf(database.db, net.users.dengkouAdmin.username);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));

/** Writes a CSV a row at a time, so that the bench itself holds no million-row array. */
function writeCsv(
  file: string,
  columns: readonly { header: string; key: string }[],
  rows: number,
  row: (i: number) => Record<string, string>,
) {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `${columns.map((c) => c.header).join(',')}\n`);
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const values = row(i);
    buffer += `${columns.map((c) => values[c.key] ?? '').join(',')}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
}

// Setup, not measured: the households the members belong to.
const villages = Array.from({ length: 10 }, (_unused, i) => testVillageCode('150822', i + 1));
const householdFile = path.join(dir, 'households.csv');
const codeOf = (i: number) => `Q${String(i + 1).padStart(7, '0')}`;
writeCsv(householdFile, HOUSEHOLD_COLUMNS, HOUSEHOLDS, (i) => ({
  ...householdRows({ rows: 1, villages: [villages[i % villages.length] ?? ''], codePrefix: 'x' })[0],
  code: codeOf(i),
}));
const setup = await runImport(ctx, {
  kind: 'households',
  mode: 'all',
  file: householdFile,
  format: 'csv',
  fileName: 'households.csv',
});
if (!setup.committed) throw new Error(`setup failed: ${JSON.stringify(setup.problems.slice(0, 3))}`);

const personFile = path.join(dir, 'persons.csv');
writeCsv(personFile, PERSON_COLUMNS, PERSONS, (i) => ({
  householdCode: codeOf(i % HOUSEHOLDS),
  relation: '子女',
  name: `成员${i}`,
  idNumber: makeIdNumber({ gender: 'female' }),
  gender: '女',
  health: '健康',
}));

const child = JSON.parse(
  execFileSync(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
      '--conditions=source',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'support', 'import-child.ts'),
      JSON.stringify({
        dataDir: database.dataDir,
        url: database.url,
        key: TEST_DATA_KEY.toString('hex'),
        username: net.users.dengkouAdmin.username,
        file: personFile,
      }),
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  ),
) as { seconds: number; phases: Record<string, number>; committedRows: number; problems: unknown[]; maxRssMb: number };
if (child.committedRows !== PERSONS) throw new Error(`import did not commit: ${JSON.stringify(child.problems)}`);

// Baseline: the same rows, straight into a copy of the table with the same indexes, in one transaction.
const kysely = tablesOf<Record<string, Record<string, unknown>>>(database.db.executor);
await sql`create table persons_raw as select * from persons where 1 = 0`.execute(kysely);
await sql`create unique index persons_raw_hash on persons_raw (id_number_hash)`.execute(kysely);
await sql`create index persons_raw_household on persons_raw (household_id)`.execute(kysely);
const rows: Record<string, unknown>[] = [];
let after: string | null = null;
for (;;) {
  let query = kysely.selectFrom('persons').selectAll().where('relation', '=', 'child');
  if (after !== null) query = query.where('id', '>', after);
  const batch = await query.orderBy('id').limit(10_000).execute();
  if (batch.length === 0) break;
  rows.push(...batch);
  after = String(batch[batch.length - 1]?.id);
}
const rawStarted = performance.now();
await kysely.transaction().execute(async (tx) => {
  for (let start = 0; start < rows.length; start += 1000)
    await insertMany(asExecutor(tx), 'persons_raw', rows.slice(start, start + 1000));
});
const rawSeconds = (performance.now() - rawStarted) / 1000;

const importRate = PERSONS / child.seconds;
const rawRate = PERSONS / rawSeconds;
const phases = Object.entries(child.phases)
  .map(([phase, at], i, all) => `${phase} ${((all[i + 1]?.[1] ?? child.seconds) - at).toFixed(1)} s`)
  .join(', ');
process.stdout.write(`\nImport of ${PERSONS.toLocaleString()} persons (CSV), ${testDialect()}\n`);
process.stdout.write(
  `  raw insert of the same rows     ${rawRate.toFixed(0).padStart(9)} rows/s  (${rawSeconds.toFixed(1)} s)\n`,
);
process.stdout.write(
  `  full import (check, encrypt)    ${importRate.toFixed(0).padStart(9)} rows/s  (${child.seconds.toFixed(1)} s: ${phases})\n`,
);
process.stdout.write(`  ratio import / raw: ${(importRate / rawRate).toFixed(2)} (target ≥ 0.25)\n`);
process.stdout.write(`  peak memory of the importing process: ${child.maxRssMb.toFixed(0)} MB (target < 500 MB)\n`);
await database.close();
fs.rmSync(dir, { recursive: true, force: true });
