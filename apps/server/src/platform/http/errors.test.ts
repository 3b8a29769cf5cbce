import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allErrorDefinitions } from '../errors/index.js';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import { signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';

let server: TestServer;
let net: Network;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
});
afterAll(() => server.close());

describe('error answers', () => {
  it('an unknown route gets a 404 with a code and guidance in the reader’s language', async () => {
    const zh = await server.app.inject({ method: 'GET', url: '/api/v1/no-such-thing?x=1' });
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: '没有这个接口：GET /api/v1/no-such-thing，请查看 /api/v1/docs 中的接口列表',
    });
    const en = await server.app.inject({
      method: 'GET',
      url: '/api/v1/no-such-thing',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe(
      'There is no endpoint GET /api/v1/no-such-thing; see the list at /api/v1/docs',
    );
    const cookie = await server.app.inject({ method: 'GET', url: '/api/v1/x', cookies: { tongxin_lang: 'en' } });
    expect(cookie.json().error.message).toContain('There is no endpoint');
  });

  it('malformed JSON gets a 400 that says so, and the wrong content type a 415', async () => {
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const base = { cookie: client.cookie, 'x-csrf-token': client.csrfToken };
    const bad = await server.app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${net.orgs.dengkou.id}`,
      headers: { ...base, 'content-type': 'application/json' },
      payload: '{"shortName": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('MALFORMED_JSON');
    const xml = await server.app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${net.orgs.dengkou.id}`,
      headers: { ...base, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('validation answers name each field and the query parameters', async () => {
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const response = await client.get('/api/v1/organizations?pageSize=5000&level=town');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'query.pageSize', message: '不能大于 200' },
      { path: 'query.level', message: '请从以下选项中选择：national、provincial、prefecture、county' },
    ]);
  });

  it('an unexpected failure answers 500 with a request id and no internals', async () => {
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const original = server.database.db.executor;
    // A closed pool stands in for a database that fails mid-request.
    const broken = await import('../../test-support/test-database.js').then((m) => m.createTestDatabase());
    await broken.db.close();
    server.app.tongxin.db = { ...server.app.tongxin.db, executor: broken.db.executor };
    try {
      const response = await client.get(`/api/v1/organizations/${net.orgs.dengkou.id}`);
      expect(response.statusCode).toBe(500);
      const body = response.json();
      expect(body.error.code).toBe('INTERNAL_ERROR');
      expect(body.error.message).toContain(body.error.requestId);
      expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(response.headers['x-request-id']).toBe(body.error.requestId);
    } finally {
      server.app.tongxin.db = { ...server.app.tongxin.db, executor: original };
      await broken.close().catch(() => undefined);
    }
  });

  it('every error code has a message in Chinese and English', () => {
    const definitions = allErrorDefinitions();
    expect(definitions.length).toBeGreaterThan(20);
    for (const definition of definitions) {
      expect(definition.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(definition.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(definition.message.en).toMatch(/^[A-Z“]/);
    }
  });

  it('health reports the database', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });
});
