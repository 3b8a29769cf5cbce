import type { TOrganization, TOrganizationTreeNode, TPage } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetwork, makeOrganization, makeUser, unique, type Network } from '../../test-support/factories.js';
import { signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';

let server: TestServer;
let net: Network;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
});
afterAll(() => server.close());

async function treeNames(username: string, asOf?: string): Promise<string[]> {
  const client = await signIn(server.app, username);
  const response = await client.get(`/api/v1/organizations/tree${asOf ? `?asOf=${asOf}` : ''}`);
  expect(response.statusCode).toBe(200);
  return response
    .json<{ nodes: TOrganizationTreeNode[] }>()
    .nodes.map((node) => node.name)
    .sort();
}

describe('subtree scoping', () => {
  it('a county association sees its own subtree and nothing of its neighbour', async () => {
    const names = await treeNames(net.users.dengkouAdmin.username);
    expect(names).toEqual([net.orgs.dengkou.name]);
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const neighbour = await client.get(`/api/v1/organizations/${net.orgs.wltzq.id}`);
    expect(neighbour.statusCode).toBe(404);
    expect(neighbour.json().error.code).toBe('ORGANIZATION_NOT_FOUND');
  });

  it('a region association sees all its leagues and counties but not another province', async () => {
    const names = await treeNames(net.users.regionAdmin.username);
    const { region, bayannur, ulanqab, dengkou, wltzq, siziwang } = net.orgs;
    expect(names).toEqual([region, bayannur, ulanqab, dengkou, wltzq, siziwang].map((o) => o.name).sort());
    expect(names).not.toContain(net.orgs.fujian.name);
    expect(names).not.toContain(net.orgs.civil.name);
  });

  it('lists the organizations directly under one', async () => {
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const page = (await client.get(`/api/v1/organizations?parentId=${net.orgs.bayannur.id}`)).json<
      TPage<TOrganization>
    >();
    expect(page.items.map((o) => o.name).sort()).toEqual([net.orgs.dengkou.name, net.orgs.wltzq.name].sort());
  });

  it('lists are scoped the same way, with search by pinyin initials', async () => {
    const client = await signIn(server.app, net.users.bayannurAdmin.username);
    const all = (await client.get('/api/v1/organizations?pageSize=200')).json<TPage<TOrganization>>();
    expect(all.items.map((o) => o.name).sort()).toEqual(
      [net.orgs.bayannur, net.orgs.dengkou, net.orgs.wltzq].map((o) => o.name).sort(),
    );
    const byInitials = (await client.get('/api/v1/organizations?q=dkx')).json<TPage<TOrganization>>();
    expect(byInitials.items.map((o) => o.name)).toEqual([net.orgs.dengkou.name]);
  });

  it('a supervisor reads every organization in its region, whatever the network, and nothing outside', async () => {
    const names = await treeNames(net.users.civilSupervisor.username);
    for (const org of [net.orgs.region, net.orgs.dengkou, net.orgs.siziwang, net.orgs.civil])
      expect(names).toContain(org.name);
    expect(names).not.toContain(net.orgs.fujian.name);
    expect(names).not.toContain(net.orgs.sanming.name);
    const client = await signIn(server.app, net.users.civilSupervisor.username);
    const write = await client.patch(`/api/v1/organizations/${net.orgs.dengkou.id}`, { shortName: '磴口' });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');
  });

  it('an org admin can read but not change the organization above it', async () => {
    const client = await signIn(server.app, net.users.dengkouAdmin.username);
    const response = await client.patch(`/api/v1/organizations/${net.orgs.bayannur.id}`, { shortName: '巴盟' });
    expect(response.statusCode).toBe(404);
    const own = await client.patch(`/api/v1/organizations/${net.orgs.dengkou.id}`, { shortName: '磴口促进会' });
    expect(own.statusCode).toBe(200);
    expect(own.json().shortName).toBe('磴口促进会');
  });

  it('staff may read but not manage organizations', async () => {
    const client = await signIn(server.app, net.users.dengkouStaff.username);
    expect((await client.get(`/api/v1/organizations/${net.orgs.dengkou.id}`)).statusCode).toBe(200);
    const create = await client.post('/api/v1/organizations', {
      name: '某合作社',
      type: 'enterprise',
      level: 'county',
      regionCode: '150822',
      parentId: net.orgs.dengkou.id,
    });
    expect(create.statusCode).toBe(403);
  });
});

describe('creating and validating', () => {
  it('creates an organization under a league, visible to the region and the league but not the counties', async () => {
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const response = await client.post('/api/v1/organizations', {
      name: '杭锦后旗社会扶贫工作促进会',
      type: 'association',
      level: 'county',
      regionCode: '150826',
      parentId: net.orgs.bayannur.id,
      creditCode: '51150826MJ0000001A'.slice(0, 17) + 'X',
    });
    // The check character above is deliberately not computed: the answer names the field.
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'creditCode', message: '统一社会信用代码校验位不正确，请核对是否抄错' },
    ]);
    const created = await client.post('/api/v1/organizations', {
      name: '杭锦后旗社会扶贫工作促进会',
      type: 'association',
      level: 'county',
      regionCode: '150826',
      parentId: net.orgs.bayannur.id,
    });
    expect(created.statusCode).toBe(201);
    const org = created.json<TOrganization>();
    expect(org.regionName).toBe('内蒙古自治区 巴彦淖尔市 杭锦后旗');
    expect(org.parentName).toBe(net.orgs.bayannur.name);
    expect(await treeNames(net.users.bayannurAdmin.username)).toContain(org.name);
    expect(await treeNames(net.users.dengkouAdmin.username)).not.toContain(org.name);
  });

  it('rejects a region outside the parent’s, a region that does not exist, and a level above the parent, each at its field', async () => {
    const client = await signIn(server.app, net.users.bayannurAdmin.username, undefined);
    const outside = await client.post('/api/v1/organizations', {
      name: '四子王旗分会',
      type: 'association',
      level: 'county',
      regionCode: '150929',
      parentId: net.orgs.bayannur.id,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].path).toBe('regionCode');
    expect(outside.json().error.fields[0].message).toContain('巴彦淖尔');

    const unknown = await client.post(
      '/api/v1/organizations',
      {
        name: '不存在的旗',
        type: 'association',
        level: 'county',
        regionCode: '150899',
        parentId: net.orgs.bayannur.id,
      },
      { 'accept-language': 'en' },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      { path: 'regionCode', message: 'There is no region 150899; township and village levels must be loaded first' },
    ]);

    const above = await client.post('/api/v1/organizations', {
      name: '自治区级分会',
      type: 'association',
      level: 'provincial',
      regionCode: '150000',
      parentId: net.orgs.bayannur.id,
    });
    expect(above.statusCode).toBe(400);
    expect(above.json().error.fields.map((f: { path: string }) => f.path)).toContain('level');
  });

  it('rejects a malformed region code and a missing name with field messages in the reader’s language', async () => {
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const response = await client.post(
      '/api/v1/organizations',
      { type: 'association', level: 'county', regionCode: '15082', parentId: net.orgs.bayannur.id },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toBe('Some fields are not valid; correct them as noted and try again');
    expect(body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'This field is required' },
        {
          path: 'regionCode',
          message: 'A region code has 6 digits (province, prefecture, county) or 12 digits (township, village)',
        },
      ]),
    );
  });

  it('refuses a credit code already registered, naming the holder', async () => {
    const code = '51150800MJ1234567';
    const { creditCodeCheckCharacter } = await import('@tongxin/contracts');
    const creditCode = `${code}${creditCodeCheckCharacter(code)}`;
    const first = await makeOrganization(server.database.db, {
      parent: net.orgs.bayannur,
      creditCode,
      regionCode: '150822',
    });
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const response = await client.post('/api/v1/organizations', {
      name: '重复登记',
      type: 'association',
      level: 'county',
      regionCode: '150822',
      parentId: net.orgs.bayannur.id,
      creditCode: creditCode.toLowerCase(),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain(first.name);
    expect(response.json().error.fields[0].path).toBe('creditCode');
  });

  it('only the platform administrator creates top-level organizations', async () => {
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const response = await client.post('/api/v1/organizations', {
      name: '另一个顶级组织',
      type: 'association',
      level: 'provincial',
      regionCode: '150000',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ORGANIZATION_ROOT_NOT_ALLOWED');
  });
});

describe('changing an organization’s region or level', () => {
  /** Six of 巴彦淖尔's counties: more children than a refusal names. */
  const COUNTIES = ['150802', '150821', '150822', '150823', '150824', '150825'];

  it('refuses a region that would leave children outside it, naming the first few and counting them all', async () => {
    const city = await makeOrganization(server.database.db, {
      name: `巴彦淖尔第二促进会${unique()}`,
      level: 'prefecture',
      regionCode: '150800',
      parent: net.orgs.region,
    });
    const children: TOrganization[] = [];
    for (const [index, regionCode] of COUNTIES.entries()) {
      children.push(
        await makeOrganization(server.database.db, {
          name: `分会${index + 1}号${unique()}`,
          regionCode,
          parent: city,
        }),
      );
    }
    const client = await signIn(server.app, net.users.regionAdmin.username);

    const zh = await client.patch(`/api/v1/organizations/${city.id}`, { regionCode: '150900' });
    expect(zh.statusCode).toBe(409);
    const error = zh.json<{ error: { code: string; message: string; fields: { path: string }[] } }>().error;
    expect(error.code).toBe('ORGANIZATION_CHILDREN_OUTSIDE_REGION');
    expect(error.fields.map((field) => field.path)).toEqual(['regionCode']);
    expect(error.message).toContain('有 6 个下级单位的所在地区不在内蒙古自治区 乌兰察布市之内');
    const sorted = children.map((child) => child.name).sort();
    for (const name of sorted.slice(0, 5)) expect(error.message).toContain(`“${name}”`);
    expect(error.message).not.toContain(sorted[5]);
    expect(error.message).toContain('等；请先把它们移到其他上级单位');

    const en = await client.patch(
      `/api/v1/organizations/${city.id}`,
      { regionCode: '150900' },
      { 'accept-language': 'en' },
    );
    expect(en.json<{ error: { message: string } }>().error.message).toMatch(
      /^Sub-organizations lie outside 内蒙古自治区 乌兰察布市 \(6\): .* and 1 more; move them to another parent/,
    );
    expect((await client.get(`/api/v1/organizations/${city.id}`)).json<TOrganization>().regionCode).toBe('150800');

    // Once the children that lay outside have moved, the same change goes through.
    for (const child of children) {
      const moved = await client.post(`/api/v1/organizations/${child.id}/move`, { parentId: net.orgs.bayannur.id });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const changed = await client.patch(`/api/v1/organizations/${city.id}`, { regionCode: '150900' });
    expect(changed.statusCode, changed.body).toBe(200);
  });

  it('refuses a level below a child’s level, at the level field', async () => {
    const national = await makeOrganization(server.database.db, {
      name: `全国促进会${unique()}`,
      level: 'national',
      regionCode: '110000',
    });
    const child = await makeOrganization(server.database.db, {
      name: `全国分会${unique()}`,
      level: 'national',
      regionCode: '110000',
      parent: national,
    });
    const admin = await makeUser(server.database.db, national, 'org_admin');
    const client = await signIn(server.app, admin.username);
    const response = await client.patch(`/api/v1/organizations/${national.id}`, { level: 'provincial' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      error: { code: 'ORGANIZATION_CHILDREN_ABOVE_LEVEL', fields: [{ path: 'level' }] },
    });
    expect(response.json<{ error: { message: string } }>().error.message).toBe(
      `有 1 个下级单位的层级高于省级：“${child.name}”；请先调整它们的层级或隶属关系，再修改本单位的层级`,
    );
  });
});
