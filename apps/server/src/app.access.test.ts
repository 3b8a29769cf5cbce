import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ROUTES } from './platform/access/index.js';
import { makeNetwork, type Network } from './test-support/factories.js';
import { loadTestVillages } from './test-support/registry-factories.js';
import { placeholderFor, RECORD_FIXTURES, SHARED_REFERENCE_ROUTES } from './test-support/record-fixtures.js';
import { signIn, startTestServer, type TestServer } from './test-support/test-app.js';

type Operation = { method: string; path: string };

let server: TestServer;
let net: Network;
let operations: Operation[];

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  await loadTestVillages(server.database.db);
  const document = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(() => server.close());

const fill = (path: string, params: Record<string, string> = {}) =>
  path.replace(/\{(\w+)\}/g, (_whole, name: string) => params[name] ?? placeholderFor(name));
const isPublic = (op: Operation) => PUBLIC_ROUTES.includes(`${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`);

describe('access, for every route in the OpenAPI document', () => {
  it('documents the API', () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it('answers 401 to an anonymous caller on every route not on the public allowlist', async () => {
    const answers: string[] = [];
    for (const op of operations.filter((candidate) => !isPublic(candidate))) {
      const response = await server.app.inject({
        method: op.method as 'GET',
        url: fill(op.path),
        ...(['POST', 'PUT', 'PATCH'].includes(op.method) ? { payload: {} } : {}),
      });
      answers.push(
        `${op.method} ${op.path} → ${response.statusCode} ${response.statusCode === 401 ? '' : response.body.slice(0, 80)}`,
      );
    }
    expect(answers.filter((line) => !line.includes('→ 401'))).toEqual([]);
  });

  it('answers 404 to a user of a sibling county for every record of the other county', async () => {
    // Public routes are not scoped by organization (their module's own tests show what they never serve).
    const getsWithParams = operations.filter((op) => op.method === 'GET' && op.path.includes('{') && !isPublic(op));
    const missing = getsWithParams
      .map((op) => op.path)
      .filter((path) => !(path in RECORD_FIXTURES) && !SHARED_REFERENCE_ROUTES.includes(path));
    expect(missing, 'add a record fixture for these routes in test-support/record-fixtures.ts').toEqual([]);

    const owner = await signIn(server.app, net.users.dengkouAdmin.username);
    const sibling = await signIn(server.app, net.users.wltzqAdmin.username);
    const failures: string[] = [];
    for (const op of getsWithParams.filter((candidate) => candidate.path in RECORD_FIXTURES)) {
      const fixture = RECORD_FIXTURES[op.path];
      if (!fixture) continue;
      const url = fill(
        op.path,
        await fixture({ db: server.database.db, dataDir: server.database.dataDir, owner: net.orgs.dengkou }),
      );
      const own = await owner.get(url);
      const other = await sibling.get(url);
      // The owner's 200 shows the fixture made a real record, so the sibling's 404 is not vacuous.
      if (own.statusCode !== 200 || other.statusCode !== 404) {
        failures.push(`${op.path}: owner ${own.statusCode}, sibling ${other.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets the public allowlist through without a session', async () => {
    for (const route of PUBLIC_ROUTES.filter((r) => r.startsWith('GET '))) {
      // A route with path parameters is asked for a record that does not exist: absent, not refused.
      const url = route.slice(4).replace(/:(\w+)/g, (_whole, name: string) => placeholderFor(name));
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.statusCode, route).toBe(url === route.slice(4) ? 200 : 404);
    }
  });
});
