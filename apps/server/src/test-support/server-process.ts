import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_PASSWORD } from './factories.js';

const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));
const BANNER = /running at http:\/\/localhost:(\d+)/;
const START_TIMEOUT_MS = 60_000;

export type ServerProcessOptions = {
  /** The data directory (the SQLite file lives there). */
  dataDir: string;
  /** PostgreSQL connection string; null for SQLite. */
  databaseUrl: string | null;
  /** The data key, 64 hex digits, so that the server reads what the test encrypted. */
  dataKeyHex: string;
  /** How many servers to keep loaded ahead of need (default 1); more overlap loading on more cores. */
  warmAhead?: number;
  /** Extra node options for the server processes, e.g. `--cpu-prof`. */
  execArgv?: readonly string[];
};

export type ServerProcess = {
  url: string;
  pid: number;
  /** Milliseconds from `go` to the server listening: open, migrate, listen. */
  startMs: number;
  /** Sends the signal and resolves when the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Ends the process normally (it exits when its stdin closes), so that `--cpu-prof` writes its profile. */
  stop(): Promise<void>;
  output(): string;
};

export type ServerLauncher = {
  /** Starts a server on the options' database; the next one is kept warm meanwhile. */
  start(): Promise<ServerProcess>;
  /** Ends every process this launcher started that is still running. */
  close(): Promise<void>;
};

type Warm = { child: ChildProcess; output: () => string; ready: Promise<void>; exited: Promise<void> };

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * `tongxin serve` from source in child processes (test-support/warm-server.ts): each loads its code
 * ahead and opens the database only when started, so that tests that kill and restart the server many
 * times pay for the start itself, not for compiling the sources each time.
 */
export function serverLauncher(options: ServerProcessOptions): ServerLauncher {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TONGXIN_DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    TONGXIN_DATA_KEY: options.dataKeyHex,
    TONGXIN_DEMO: '0',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const children = new Set<ChildProcess>();
  const standby: Warm[] = [];
  const warmAhead = options.warmAhead ?? 1;

  function spawnWarm(): Warm {
    const args = [
      ...(options.execArgv ?? []),
      '--conditions=source',
      '--import',
      'tsx',
      'src/test-support/warm-server.ts',
    ];
    const child = spawn(process.execPath, args, { cwd: SERVER_DIR, env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => {
        children.delete(child);
        resolve();
      }),
    );
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('warm\n')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then(() => reject(new Error(`server process exited before it was ready:\n${output}`)));
    });
    // A standby that is never used must not fail the test through an unhandled rejection.
    ready.catch(() => undefined);
    return { child, output: () => output, ready, exited };
  }

  async function start(): Promise<ServerProcess> {
    const warm = standby.shift() ?? spawnWarm();
    await warm.ready;
    const began = performance.now();
    warm.child.stdin?.write('go\n');
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start in ${START_TIMEOUT_MS} ms:\n${warm.output()}`)),
        START_TIMEOUT_MS,
      );
      const check = () => {
        const match = BANNER.exec(warm.output());
        if (!match?.[1]) return;
        clearTimeout(timer);
        warm.child.stdout?.off('data', check);
        resolve(match[1]);
      };
      warm.child.stdout?.on('data', check);
      check();
      void warm.exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`server exited while starting:\n${warm.output()}`));
      });
    });
    const startMs = performance.now() - began;
    while (standby.length < warmAhead) standby.push(spawnWarm());
    const { child } = warm;
    return {
      url: `http://127.0.0.1:${port}`,
      pid: child.pid ?? -1,
      startMs,
      output: warm.output,
      kill: async (signal) => {
        if (isRunning(child)) child.kill(signal);
        await warm.exited;
      },
      stop: async () => {
        child.stdin?.end();
        await warm.exited;
      },
    };
  }

  async function close(): Promise<void> {
    const running = [...children].filter(isRunning);
    const gone = running.map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
    for (const child of running) child.kill('SIGKILL');
    await Promise.all(gone);
    standby.length = 0;
  }

  return { start, close };
}

/** Signs in over real HTTP; the headers a signed-in client sends with a write (session cookie, CSRF token). */
export async function signInOver(
  url: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('tongxin_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
