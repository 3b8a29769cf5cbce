import type { TRegion } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';
import { isProvinceLoaded, loadProvince } from './index.js';

let server: TestServer;
let net: Network;
let client: Client;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  client = await signIn(server.app, net.users.dengkouStaff.username);
});
afterAll(() => server.close());

const search = async (query: string) =>
  (await client.get(`/api/v1/regions?${query}`)).json<{ items: TRegion[] }>().items;

describe('regions', () => {
  it('has every province, prefecture and county from the first start', async () => {
    expect(await search('level=province&limit=200')).toHaveLength(34);
    const counties = await search('parent=150800&limit=200');
    expect(counties.map((r) => r.name)).toEqual([
      '临河区',
      '五原县',
      '磴口县',
      '乌拉特前旗',
      '乌拉特中旗',
      '乌拉特后旗',
      '杭锦后旗',
    ]);
  });

  it('finds a region by code prefix, Chinese name, full pinyin and initials', async () => {
    expect((await search('q=150822')).map((r) => r.name)).toEqual(['磴口县']);
    expect((await search('q=磴口')).map((r) => r.code)).toContain('150822');
    expect((await search('q=huhehaote')).map((r) => r.code)[0]).toBe('150100');
    const byInitials = await search('q=hhht');
    expect(byInitials[0]).toMatchObject({ code: '150100', name: '呼和浩特市', level: 'prefecture', hasChildren: true });
  });

  it('answers one region with its full name, and a clear 404 for a code that is not there', async () => {
    const region = (await client.get('/api/v1/regions/150822')).json<TRegion>();
    expect(region).toMatchObject({ fullName: '内蒙古自治区 巴彦淖尔市 磴口县', parentCode: '150800', level: 'county' });
    const missing = await client.get('/api/v1/regions/150899');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('150899');
  });

  it('loads a province down to its villages', async () => {
    const ctx = systemContext(server.database.db.executor);
    expect(await isProvinceLoaded(ctx.db, '15')).toBe(false);
    const progress: number[] = [];
    const report = await loadProvince(ctx, '15', null, (done) => progress.push(done));
    expect(report.byLevel.township).toBeGreaterThan(1000);
    expect(report.byLevel.village).toBeGreaterThan(10000);
    expect(progress.at(-1)).toBe(report.rows);
    expect(await isProvinceLoaded(ctx.db, '15')).toBe(true);
    const townships = await search('parent=150822');
    expect(townships.length).toBeGreaterThan(3);
    expect(townships.every((t) => t.level === 'township' && t.code.startsWith('150822'))).toBe(true);
    const village = (await search(`parent=${townships[0]?.code ?? ''}`))[0];
    expect(village?.fullName).toMatch(/^内蒙古自治区 巴彦淖尔市 磴口县 \S+ \S+$/);
  });

  it('is reference data every signed-in user reads, and nobody anonymous', async () => {
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/v1/regions?q=15' });
    expect(anonymous.statusCode).toBe(401);
  });
});
