import type { TOrganization, TOrganizationTreeNode, TOrganizationVersion, TMembership } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { beijingDate } from '../../platform/time.js';
import { makeNetwork, makeOrganization, makeUser, type Network } from '../../test-support/factories.js';
import { signIn, startTestServer, type TestServer } from '../../test-support/test-app.js';
import { createOrganization, moveOrganization, organizationsUnderAsOf, updateOrganization } from './index.js';

let server: TestServer;
let net: Network;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
});
afterAll(() => server.close());

const tree = async (username: string, asOf?: string) => {
  const client = await signIn(server.app, username);
  const response = await client.get(`/api/v1/organizations/tree${asOf ? `?asOf=${asOf}` : ''}`);
  return response.json<{ nodes: TOrganizationTreeNode[] }>().nodes;
};

describe('re-parenting', () => {
  it('moves access and roll-ups with the organization and its subtree', async () => {
    const db = server.database.db;
    const county = await makeOrganization(db, {
      name: '化德县促进会',
      regionCode: '150922',
      parent: net.orgs.region,
      effectiveOn: '2015-01-01',
    });
    const child = await makeOrganization(db, {
      name: '化德县某合作社',
      type: 'enterprise',
      regionCode: '150922',
      parent: county,
      effectiveOn: '2016-01-01',
    });
    const leagueAdmin = await makeUser(db, net.orgs.ulanqab, 'org_admin');
    const league = await signIn(server.app, leagueAdmin.username);
    expect((await league.get(`/api/v1/organizations/${child.id}`)).statusCode).toBe(404);

    const before = await tree(net.users.bayannurAdmin.username);
    expect(before.map((n) => n.id)).not.toContain(child.id);

    const regionClient = await signIn(server.app, net.users.regionAdmin.username);
    const moved = await regionClient.post(`/api/v1/organizations/${county.id}/move`, {
      parentId: net.orgs.ulanqab.id,
      effectiveOn: '2020-07-01',
      changeNote: '划归乌兰察布市促进会联系',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<TOrganization>().parentName).toBe(net.orgs.ulanqab.name);

    expect((await league.get(`/api/v1/organizations/${child.id}`)).statusCode).toBe(200);
    const leagueTree = await tree(leagueAdmin.username);
    expect(leagueTree.find((n) => n.id === child.id)?.parentId).toBe(county.id);

    // Roll-ups follow the dated history: before the move the county counted under the region only.
    expect(await organizationsUnderAsOf(db.executor, net.orgs.region.id, '2019-12-31')).toEqual(
      expect.arrayContaining([county.id, child.id]),
    );
    const leagueIn2019 = await organizationsUnderAsOf(db.executor, net.orgs.ulanqab.id, '2019-12-31');
    expect(leagueIn2019.sort()).toEqual([net.orgs.ulanqab.id, net.orgs.siziwang.id].sort());
    expect(await organizationsUnderAsOf(db.executor, net.orgs.ulanqab.id, beijingDate())).toEqual(
      expect.arrayContaining([net.orgs.ulanqab.id, county.id, child.id]),
    );
  });

  it('refuses to move an organization under itself or its own subtree', async () => {
    const regionClient = await signIn(server.app, net.users.regionAdmin.username);
    const response = await regionClient.post(`/api/v1/organizations/${net.orgs.bayannur.id}/move`, {
      parentId: net.orgs.dengkou.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ORGANIZATION_MOVE_CYCLE');
  });

  it('refuses to let an administrator move the own organization', async () => {
    const client = await signIn(server.app, net.users.bayannurAdmin.username);
    const response = await client.post(`/api/v1/organizations/${net.orgs.bayannur.id}/move`, {
      parentId: net.orgs.dengkou.id,
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a new parent outside the administrator’s subtree', async () => {
    const client = await signIn(server.app, net.users.bayannurAdmin.username);
    const response = await client.post(`/api/v1/organizations/${net.orgs.dengkou.id}/move`, {
      parentId: net.orgs.ulanqab.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('parentId');
  });
});

describe('dated history', () => {
  it('answers who was under whom, and under what name, on a past date', async () => {
    const ctx = systemContext(server.database.db.executor);
    const s = Math.random().toString(36).slice(2, 7);
    const org = await createOrganization(ctx, {
      name: `乌拉特中旗老促会${s}`,
      type: 'association',
      level: 'county',
      regionCode: '150824',
      parentId: net.orgs.region.id,
      effectiveOn: '2012-03-01',
    });
    await moveOrganization(ctx, org.id, { parentId: net.orgs.bayannur.id, effectiveOn: '2019-07-01' });
    await updateOrganization(ctx, org.id, { name: `乌拉特中旗社会扶贫促进会${s}`, effectiveOn: '2021-01-01' });

    const at2018 = (await tree(net.users.regionAdmin.username, '2018-12-31')).find((n) => n.id === org.id);
    expect(at2018).toMatchObject({ parentId: net.orgs.region.id, name: `乌拉特中旗老促会${s}` });
    const at2020 = (await tree(net.users.regionAdmin.username, '2020-12-31')).find((n) => n.id === org.id);
    expect(at2020).toMatchObject({ parentId: net.orgs.bayannur.id, name: `乌拉特中旗老促会${s}` });
    const now = (await tree(net.users.regionAdmin.username)).find((n) => n.id === org.id);
    expect(now).toMatchObject({ parentId: net.orgs.bayannur.id, name: `乌拉特中旗社会扶贫促进会${s}` });
    expect((await tree(net.users.regionAdmin.username, '2011-12-31')).find((n) => n.id === org.id)).toBeUndefined();

    const client = await signIn(server.app, net.users.regionAdmin.username);
    const history = (await client.get(`/api/v1/organizations/${org.id}/history`)).json<{
      items: TOrganizationVersion[];
    }>().items;
    expect(history.map((v) => [v.validFrom, v.validTo, v.changedFields.join(',')])).toEqual([
      ['2021-01-01', null, 'name'],
      ['2019-07-01', '2021-01-01', 'parent_id'],
      ['2012-03-01', '2019-07-01', 'name,short_name,type,level,status,region_code,parent_id,credit_code'],
    ]);
    expect(history[1]?.parentName).toBe(net.orgs.bayannur.name);
    expect(history[0]?.recordedBy).toBe('system');
  });

  it('keeps one version per day: a second change on the same date amends it', async () => {
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const org = await makeOrganization(server.database.db, { parent: net.orgs.bayannur, effectiveOn: '2015-01-01' });
    await client.patch(`/api/v1/organizations/${org.id}`, { name: `${org.name}甲`, effectiveOn: '2020-05-01' });
    await client.patch(`/api/v1/organizations/${org.id}`, { status: 'suspended', effectiveOn: '2020-05-01' });
    const history = (await client.get(`/api/v1/organizations/${org.id}/history`)).json<{
      items: TOrganizationVersion[];
    }>().items;
    expect(
      history.map((v) => [v.validFrom, v.validTo, v.name.endsWith('甲'), v.status, v.changedFields.join(',')]),
    ).toEqual([
      ['2020-05-01', null, true, 'suspended', 'name,status'],
      [
        '2015-01-01',
        '2020-05-01',
        false,
        'active',
        'name,short_name,type,level,status,region_code,parent_id,credit_code',
      ],
    ]);
    const audit = (await client.get(`/api/v1/audit-events?entityId=${org.id}`)).json<{ items: unknown[] }>();
    expect(audit.items).toHaveLength(3);
  });

  it('refuses an effective date before the previous change or after today', async () => {
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const org = await makeOrganization(server.database.db, { parent: net.orgs.bayannur, effectiveOn: '2020-01-01' });
    const early = await client.patch(`/api/v1/organizations/${org.id}`, {
      name: '改名太早',
      effectiveOn: '2019-12-31',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([
      { path: 'effectiveOn', message: '生效日期不能早于上一次变更的生效日期（2020-01-01）' },
    ]);
    const future = await client.patch(`/api/v1/organizations/${org.id}`, {
      name: '改名太晚',
      effectiveOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('effectiveOn');
  });
});

describe('members and council', () => {
  it('records member units with role and term, and refuses a member that is the association itself', async () => {
    const client = await signIn(server.app, net.users.regionAdmin.username);
    const bank = await makeOrganization(server.database.db, {
      name: '邮储银行测试分行',
      type: 'bank',
      level: 'provincial',
      regionCode: '150000',
      parent: net.orgs.region,
    });
    const added = await client.post(`/api/v1/organizations/${net.orgs.region.id}/members`, {
      memberId: bank.id,
      role: 'council',
      term: '第二届',
      startsOn: '2013-01-15',
      endsOn: '2018-01-14',
    });
    expect(added.statusCode).toBe(201);
    const membership = added.json<TMembership>();
    const changed = await client.patch(`/api/v1/organizations/${net.orgs.region.id}/members/${membership.id}`, {
      role: 'standing_council',
    });
    expect(changed.json<TMembership>().role).toBe('standing_council');
    const listed = (await client.get(`/api/v1/organizations/${net.orgs.region.id}/members`)).json<{
      items: TMembership[];
    }>();
    expect(listed.items.map((m) => [m.memberName, m.role, m.term])).toContainEqual([
      bank.name,
      'standing_council',
      '第二届',
    ]);

    const self = await client.post(`/api/v1/organizations/${net.orgs.region.id}/members`, {
      memberId: net.orgs.region.id,
      role: 'member',
    });
    expect(self.statusCode).toBe(400);
    const reversed = await client.post(`/api/v1/organizations/${net.orgs.region.id}/members`, {
      memberId: bank.id,
      role: 'member',
      startsOn: '2020-01-01',
      endsOn: '2019-01-01',
    });
    expect(reversed.json().error.fields).toEqual([{ path: 'endsOn', message: '结束日期不能早于开始日期' }]);

    expect(
      (await client.delete(`/api/v1/organizations/${net.orgs.region.id}/members/${membership.id}`)).statusCode,
    ).toBe(204);
    const after = (await client.get(`/api/v1/organizations/${net.orgs.region.id}/members`)).json<{
      items: TMembership[];
    }>();
    expect(after.items.map((m) => m.id)).not.toContain(membership.id);
  });
});
