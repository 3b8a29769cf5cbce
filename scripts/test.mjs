#!/usr/bin/env node
// `npm test`: every suite this machine can run, and a plain account of what it skipped and why.
//   1. typecheck and lint (the architecture rules are lint rules), side by side, and the build
//   2. unit and integration tests on SQLite
//   3. the same server tests on PostgreSQL, when TONGXIN_TEST_DATABASE_URL points at a server — beside the build
//      and the browser tests on SQLite
//   4. browser tests in headless Chromium, when /usr/bin/chromium (or TONGXIN_CHROMIUM) exists; on PostgreSQL last
// Steps that run side by side keep their output and print it whole when they end, one after the other.
// With CI=true a skipped suite is a failure: CI provides PostgreSQL and Chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedSuites = [];
const failedSteps = [];
const started = Date.now();

/** Runs a step; `buffered` keeps its output until it ends (for steps that run beside another). */
function run(label, command, args, { env = {}, buffered = false } = {}) {
  const stepStarted = Date.now();
  if (!buffered) process.stdout.write(`\n━━ ${label}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...(buffered ? { FORCE_COLOR: '1' } : {}), ...env },
    });
    const chunks = [];
    child.stdout?.on('data', (chunk) => chunks.push(chunk));
    child.stderr?.on('data', (chunk) => chunks.push(chunk));
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - stepStarted) / 1000);
      if (buffered) process.stdout.write(`\n━━ ${label}\n${Buffer.concat(chunks).toString()}`);
      process.stdout.write(`── ${label}: ${code === 0 ? 'done' : 'FAILED'} in ${seconds} s\n`);
      if (code !== 0) failedSteps.push(label);
      resolve(code === 0);
    });
  });
}

async function vitest(label, args, options = {}) {
  const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  await run(
    label,
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    options,
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

const pgUrl = process.env.TONGXIN_TEST_DATABASE_URL;
const chromium = process.env.TONGXIN_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromium);
const e2e = ['--config', 'tests/e2e/vitest.config.ts'];
if (!pgUrl)
  skip('PostgreSQL suite', 'TONGXIN_TEST_DATABASE_URL is not set (see README: Running the tests on PostgreSQL)');
if (!hasChromium) skip('browser suite', `no Chromium at ${chromium} (apt-get install chromium fonts-noto-cjk)`);

// Typecheck and lint side by side, with the build for the browser tests in the time lint takes longer.
const [, , built] = await Promise.all([
  run('typecheck', 'npm', ['run', '--silent', 'typecheck'], { buffered: true }),
  run('lint', 'npm', ['run', '--silent', 'lint'], { buffered: true }),
  hasChromium ? run('build for the browser tests', 'npm', ['run', '--silent', 'build'], { buffered: true }) : false,
]);

await vitest('unit and integration tests (SQLite)', []);

// The PostgreSQL server tests mostly wait on PostgreSQL: the browser suite on SQLite runs beside them (their
// output is kept until they end). The browser tests re-click a confirmation or a menu whose first click a busy
// machine lost (tests/e2e/support), so they stand the company.
await Promise.all([
  pgUrl
    ? vitest('server tests (PostgreSQL)', ['--project', '@tongxin/server'], {
        env: { TONGXIN_TEST_DIALECT: 'postgres' },
        buffered: hasChromium,
      })
    : null,
  hasChromium && built
    ? vitest('browser tests (Chromium, SQLite)', e2e, { env: { TONGXIN_CHROMIUM: chromium }, buffered: Boolean(pgUrl) })
    : null,
]);

if (hasChromium && built && pgUrl) {
  const url = await freshE2eDatabase(pgUrl);
  // The database's files (photos, attachments) live beside it, shared by every server of the run.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-e2e-pg-'));
  await vitest('browser tests (Chromium, PostgreSQL)', e2e, {
    env: { TONGXIN_CHROMIUM: chromium, TONGXIN_E2E_DATABASE_URL: url, TONGXIN_E2E_DATA_DIR: dataDir },
  });
  fs.rmSync(dataDir, { recursive: true, force: true });
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
