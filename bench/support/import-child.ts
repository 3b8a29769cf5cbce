/**
 * Runs one import in a process of its own, so that its time and its peak memory are its own:
 *   node --conditions=source --import tsx bench/support/import-child.ts <json options>
 * Prints one JSON line: seconds, phases, committed rows, peak RSS.
 */
import { runImport } from '../../apps/server/src/modules/registry/index.js';
import { installKeyring, keyringFromMaster } from '../../apps/server/src/platform/crypto/index.js';
import { openDatabase } from '../../apps/server/src/platform/db/index.js';
import { contextOf } from '../../apps/server/src/test-support/test-app.js';

type Options = { dataDir: string; url: string | null; key: string; username: string; file: string };
const options = JSON.parse(process.argv[2] ?? '{}') as Options;
installKeyring(keyringFromMaster(Buffer.from(options.key, 'hex')));
const db = openDatabase({ url: options.url, dataDir: options.dataDir });
const ctx = await contextOf(db, options.username);
const phases: Record<string, number> = {};
const started = performance.now();
const report = await runImport(ctx, {
  kind: 'persons',
  mode: 'all',
  file: options.file,
  format: 'csv',
  fileName: 'persons.csv',
  onProgress: (progress) => {
    phases[progress.phase] ??= (performance.now() - started) / 1000;
  },
});
const seconds = (performance.now() - started) / 1000;
await db.close();
process.stdout.write(
  `${JSON.stringify({
    seconds,
    phases,
    committedRows: report.committedRows,
    problems: report.problems.slice(0, 3),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
