#!/usr/bin/env node
// `npm test`: every suite this machine can run, and a plain account of what it skipped and why.
//   1. typecheck and lint (the architecture rules are lint rules)
//   2. unit and integration tests on SQLite
//   3. the same server tests on PostgreSQL, when TONGXIN_TEST_DATABASE_URL points at a server
//   4. browser tests in headless Chromium, when /usr/bin/chromium (or TONGXIN_CHROMIUM) exists
// With CI=true a skipped suite is a failure: CI provides PostgreSQL and Chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedSuites = [];
const failedSteps = [];
const started = Date.now();

function run(label, command, args, env = {}) {
  process.stdout.write(`\n━━ ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failedSteps.push(label);
  return result.status === 0;
}

function vitest(label, args, env = {}) {
  const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  run(
    label,
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  if (!fs.existsSync(report)) {
    totals.failed += 1;
    return;
  }
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + result.numTodoTests;
}

function skip(suite, reason) {
  skippedSuites.push(`${suite}: ${reason}`);
  process.stdout.write(`\n━━ SKIPPED ${suite}: ${reason}\n`);
}

run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
run('lint', 'npm', ['run', '--silent', 'lint']);

vitest('unit and integration tests (SQLite)', []);

const pgUrl = process.env.TONGXIN_TEST_DATABASE_URL;
if (pgUrl) {
  vitest('server tests (PostgreSQL)', ['--project', '@tongxin/server'], { TONGXIN_TEST_DIALECT: 'postgres' });
} else {
  skip('PostgreSQL suite', 'TONGXIN_TEST_DATABASE_URL is not set (see README: Running the tests on PostgreSQL)');
}

/** A fresh database beside the test database, for the browser suite's servers on PostgreSQL. */
async function freshE2eDatabase(baseUrl) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query('drop database if exists tongxin_e2e with (force)');
  await client.query('create database tongxin_e2e');
  await client.end();
  const url = new URL(baseUrl);
  url.pathname = '/tongxin_e2e';
  return url.toString();
}

const chromium = process.env.TONGXIN_CHROMIUM ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  if (run('build for the browser tests', 'npm', ['run', '--silent', 'build'])) {
    const e2e = ['--config', 'tests/e2e/vitest.config.ts'];
    vitest('browser tests (Chromium, SQLite)', e2e, { TONGXIN_CHROMIUM: chromium });
    if (pgUrl) {
      const url = await freshE2eDatabase(pgUrl);
      // The database's files (photos, attachments) live beside it, shared by every server of the run.
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-e2e-pg-'));
      vitest('browser tests (Chromium, PostgreSQL)', e2e, {
        TONGXIN_CHROMIUM: chromium,
        TONGXIN_E2E_DATABASE_URL: url,
        TONGXIN_E2E_DATA_DIR: dataDir,
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
} else {
  skip('browser suite', `no Chromium at ${chromium} (apt-get install chromium fonts-noto-cjk)`);
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
process.stdout.write(`\n━━ Summary (${minutes} min)\n`);
for (const line of skippedSuites) process.stdout.write(`  skipped suite — ${line}\n`);
for (const step of failedSteps) process.stdout.write(`  failed — ${step}\n`);
const ciSkips = process.env.CI === 'true' && skippedSuites.length > 0;
if (ciSkips) process.stdout.write('  CI=true: a skipped suite counts as a failure here.\n');
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
fs.rmSync(reportDir, { recursive: true, force: true });
process.exit(failedSteps.length > 0 || totals.failed > 0 || ciSkips ? 1 : 0);
