import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ADMIN_PASSWORD = 'E2eAdmin2026';
export const DEMO_PASSWORD = 'tongxin2026';

/**
 * One data key (64 hex digits) for every server of a run. On PostgreSQL all test files share one database,
 * and each file's server must read the ID numbers, phones and addresses the others encrypted (and find
 * them by their keyed hash). For tests only.
 */
const E2E_DATA_KEY = 'e2e0'.repeat(16);

export type TestServer = { url: string; stop: () => Promise<void> };

const BANNER = /running at (http:\/\/localhost:(\d+))/;

/**
 * A fresh Tongxin server from the built dist (run `npm run build` first): its own data directory, a free port,
 * demo data, a known admin password. With TONGXIN_E2E_DATABASE_URL it uses that PostgreSQL database instead,
 * and then the data directory TONGXIN_E2E_DATA_DIR when given: the servers of one run share the database, so
 * they must share its files too (the demo's photos are stored by whichever server seeds it first). A given
 * `dataDir` is used as it is and kept when the server stops.
 */
export async function startServer(options: { dataDir?: string } = {}): Promise<TestServer> {
  const sharedDir =
    options.dataDir ?? (process.env['TONGXIN_E2E_DATABASE_URL'] ? process.env['TONGXIN_E2E_DATA_DIR'] : undefined);
  const dataDir = sharedDir ?? (await mkdtemp(path.join(tmpdir(), 'tongxin-e2e-')));
  // On SQLite each file's server starts from a copy of the demo seeded once for the run (global-setup.ts).
  const template = process.env['TONGXIN_E2E_TEMPLATE_DIR'];
  if (!sharedDir && template) await cp(template, dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DATABASE_URL'];
  Object.assign(env, {
    TONGXIN_DATA_DIR: dataDir,
    PORT: '0',
    TONGXIN_ADMIN_PASSWORD: ADMIN_PASSWORD,
    TONGXIN_DATA_KEY: E2E_DATA_KEY,
    LOG_LEVEL: 'warn',
  });
  const databaseUrl = process.env['TONGXIN_E2E_DATABASE_URL'];
  if (databaseUrl) env['DATABASE_URL'] = databaseUrl;

  const child: ChildProcess = spawn(process.execPath, ['apps/server/dist/cli/main.js', 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = BANNER.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code ?? 'a signal'} before it was ready:\n${output}`));
    });
  });

  // A server that dies under a test leaves only refused connections behind: say why it died.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`\nTongxin server exited (${code ?? signal}) during the tests:\n${output}\n`);
  });
  return {
    url,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timeout = new Promise<void>((resolve) =>
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 10_000),
        );
        await Promise.race([exited, timeout]);
      }
      if (!sharedDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
