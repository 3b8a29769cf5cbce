import { DEFAULT_LANG } from '@tongxin/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { login, resolveSession } from '../modules/accounts/index.js';
import type { ServiceContext } from '../platform/context.js';
import type { Database } from '../platform/db/index.js';
import type { Config } from '../platform/config.js';
import { createLogger, type Logger } from '../platform/logging.js';
import type { ApiApp } from '../platform/http/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TEST_PASSWORD } from './factories.js';

export type TestServer = { app: ApiApp; database: TestDatabase; close(): Promise<void> };

export function testConfig(dataDir: string, url: string | null): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: url,
    adminPassword: null,
    dataKey: null,
    demo: false,
    logLevel: 'silent',
    secureCookies: false,
    prettyLogs: false,
    openData: { orgPrefix: 'XI-TONGXIN', grantPrefix: '360G-TONGXIN' },
  };
}

/** A migrated database and the app on it, answering `inject` calls (no port is opened). */
export async function startTestServer(database?: TestDatabase, logger?: Logger): Promise<TestServer> {
  const db = database ?? (await createTestDatabase());
  const config = testConfig(db.dataDir, db.url);
  const app = await buildApp({
    db: db.db,
    config,
    logger: logger ?? createLogger({ level: 'silent', pretty: false }),
    serveWeb: false,
  });
  await app.ready();
  return {
    app,
    database: db,
    close: async () => {
      await app.close();
      if (!database) await db.close();
    },
  };
}

type Body = Record<string, unknown> | unknown[];

/** A signed-in browser, as far as the API can tell: the session cookie and the CSRF token. */
export type Client = {
  csrfToken: string;
  cookie: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: Body, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: Body, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
};

export async function signIn(app: ApiApp, username: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'tongxin_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  const cookieHeader = `tongxin_session=${cookie.value}`;
  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken, ...headers },
      ...(body !== undefined ? { payload: body } : {}),
    });
  return {
    csrfToken,
    cookie: cookieHeader,
    get: (url, headers) => send('GET', url, undefined, headers),
    post: (url, body, headers) => send('POST', url, body ?? {}, headers),
    patch: (url, body, headers) => send('PATCH', url, body ?? {}, headers),
    delete: (url, headers) => send('DELETE', url, undefined, headers),
  };
}

/** The ServiceContext a signed-in user's requests get, for calling services directly in tests. */
export async function contextOf(db: Database, username: string, password = TEST_PASSWORD): Promise<ServiceContext> {
  const { token } = await login(db.executor, { username, password }, { ip: null, userAgent: null, requestId: null });
  const session = await resolveSession(db.executor, token, new Date());
  if (!session) throw new Error(`no session for ${username}`);
  return { db: db.executor, actor: session.actor, requestId: null, lang: DEFAULT_LANG };
}
