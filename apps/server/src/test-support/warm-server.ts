/**
 * `tongxin serve` from source that loads its code first and opens the database only when told: the
 * line `go` on stdin. Crash tests keep the next server warm while the current one runs, so that a
 * restart costs what a start of the server costs (open, migrate, listen), not tsx compiling the sources.
 * The database is untouched until `go`, so the start sees exactly what the killed server left behind.
 *   node --conditions=source --import tsx src/test-support/warm-server.ts   (configured by the environment)
 * Exits when stdin closes, so that no server outlives the test that started it.
 */
import { serve } from '../cli/commands/serve.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logging.js';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel, pretty: false });

let buffered = '';
let started = false;
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  buffered += chunk;
  if (started || !buffered.includes('go\n')) return;
  started = true;
  serve(config, logger).catch((error: unknown) => {
    process.stderr.write(`warm-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
});
process.stdin.on('end', () => process.exit(0));
process.stdout.write('warm\n');
