import type { THousehold, THouseholdCard, THouseholdVersion, TPage, TPerson } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNetwork, makeUser, type Network } from '../../test-support/factories.js';
import { rawExecute } from '../../test-support/raw-sql.js';
import {
  loadTestVillages,
  makeHousehold,
  makeIdNumber,
  makeVillage,
  testVillageCode,
} from '../../test-support/registry-factories.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';

let server: TestServer;
let net: Network;
let dengkou: Client;
let villageId: string;

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(server.database.db);
  await loadTestVillages(server.database.db);
  dengkou = await signIn(server.app, net.users.dengkouAdmin.username);
  villageId = (await makeVillage(server.database.db, net.orgs.dengkou, testVillageCode('150822', 1))).id;
});
afterAll(() => server.close());

const newHousehold = (idNumber: string, extra: Record<string, unknown> = {}) =>
  dengkou.post('/api/v1/households', {
    villageId,
    type: 'registered',
    identifiedYear: 2014,
    mainCause: 2,
    otherCauses: [8],
    address: '内蒙古自治区巴彦淖尔市磴口县测试镇测试1村3组12号',
    phone: '13912345678',
    head: { name: '李四海', idNumber, gender: 'male' },
    effectiveOn: '2014-06-01',
    ...extra,
  });

describe('households and persons', () => {
  it('registers a household whose head’s ID number is stored encrypted and shown masked', async () => {
    const idNumber = makeIdNumber({ birthDate: '1968-04-12', gender: 'male' });
    const response = await newHousehold(idNumber);
    expect(response.statusCode).toBe(201);
    const card = response.json<THouseholdCard>();
    expect(card).toMatchObject({
      headName: '李四海',
      headIdNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
      phoneMasked: '139****5678',
      addressMasked: '内蒙古自治区****',
      villageName: '内蒙古自治区 巴彦淖尔市 磴口县 测试镇 测试1村',
      memberCount: 1,
    });
    expect(card.members[0]).toMatchObject({ relation: 'head', birthDate: '1968-04-12', gender: 'male' });
    expect(response.body).not.toContain(idNumber);

    const stored = await rawExecute(server.database.db, 'select * from persons where household_id = ?', [card.id]);
    const households = await rawExecute(server.database.db, 'select * from households where id = ?', [card.id]);
    expect(JSON.stringify(stored)).not.toContain(idNumber);
    expect(JSON.stringify(households)).not.toContain('13912345678');
    expect(JSON.stringify(households)).not.toContain('测试1村3组12号');
  });

  it('reveals a full number only with a reason, and the audit trail records who, why and the masked number', async () => {
    const idNumber = makeIdNumber({ gender: 'female' });
    const card = (
      await newHousehold(idNumber, { head: { name: '赵春梅', idNumber, gender: 'female' } })
    ).json<THouseholdCard>();
    const personId = card.members[0]?.id ?? '';
    const noReason = await dengkou.post(`/api/v1/persons/${personId}/reveal-id-number`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const revealed = await dengkou.post(`/api/v1/persons/${personId}/reveal-id-number`, {
      reason: '办理医保报销核对身份',
    });
    expect(revealed.json()).toEqual({ value: idNumber });
    const trail = await dengkou.get(`/api/v1/audit-events?entityId=${personId}`);
    const event = trail.json().items.find((e: { action: string }) => e.action === 'person.reveal_id_number');
    expect(event).toMatchObject({
      actorUsername: net.users.dengkouAdmin.username,
      changes: { reason: { after: '办理医保报销核对身份' } },
    });
    expect(trail.body).not.toContain(idNumber);
    const phone = await dengkou.post(`/api/v1/households/${card.id}/reveal`, {
      field: 'phone',
      reason: '入户走访前电话联系',
    });
    expect(phone.json()).toEqual({ value: '13912345678' });
  });

  it('refuses an invalid ID number at its field, in the reader’s language', async () => {
    const valid = makeIdNumber();
    const response = await newHousehold(`${valid.slice(0, 17)}${valid.endsWith('1') ? '2' : '1'}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'head.idNumber', message: '身份证号校验位不正确，请核对是否抄错' },
    ]);
    const female = await newHousehold(makeIdNumber({ gender: 'male' }), {
      head: { name: '错性别', idNumber: makeIdNumber({ gender: 'male' }), gender: 'female' },
    });
    expect(female.json().error.fields[0]).toEqual({
      path: 'head.idNumber',
      message: '身份证号第 17 位与性别不符（奇数为男，偶数为女）',
    });
  });

  it('detects the same person in a second household, wherever the first one is', async () => {
    const idNumber = makeIdNumber();
    expect((await newHousehold(idNumber)).statusCode).toBe(201);
    const wltzqVillage = await makeVillage(server.database.db, net.orgs.wltzq, testVillageCode('150824', 1));
    const neighbour = await signIn(server.app, net.users.wltzqAdmin.username);
    const fullWidth = idNumber.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const response = await neighbour.post('/api/v1/households', {
      villageId: wltzqVillage.id,
      type: 'registered',
      head: { name: '同一人', idNumber: fullWidth, gender: 'male' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'ID_NUMBER_DUPLICATE', fields: [{ path: 'head.idNumber' }] });
    // The neighbour learns nothing of the other household beyond the fact.
    expect(response.body).not.toContain('李四海');
  });

  it('adds and removes members, keeping the count and refusing to remove the head', async () => {
    const card = (await newHousehold(makeIdNumber())).json<THouseholdCard>();
    const child = await dengkou.post(`/api/v1/households/${card.id}/persons`, {
      relation: 'child',
      name: '李小花',
      idNumber: makeIdNumber({ birthDate: '2012-09-01', gender: 'female' }),
      gender: 'female',
      schoolStatus: 'junior',
      health: 'healthy',
    });
    expect(child.statusCode).toBe(201);
    expect((await dengkou.get(`/api/v1/households/${card.id}`)).json<THouseholdCard>().memberCount).toBe(2);
    const head = card.members[0]?.id ?? '';
    expect((await dengkou.delete(`/api/v1/persons/${head}`)).json().error.code).toBe('HEAD_CANNOT_BE_REMOVED');
    expect((await dengkou.delete(`/api/v1/persons/${child.json<TPerson>().id}`)).statusCode).toBe(204);
    expect((await dengkou.get(`/api/v1/households/${card.id}`)).json<THouseholdCard>().memberCount).toBe(1);
  });

  it('finds a household by the exact ID number of any member', async () => {
    const idNumber = makeIdNumber();
    const card = (await newHousehold(idNumber)).json<THouseholdCard>();
    const found = (await dengkou.get(`/api/v1/households?idNumber=${idNumber.toLowerCase()}`)).json<
      TPage<THousehold>
    >();
    expect(found.items.map((h) => h.id)).toEqual([card.id]);
  });
});

describe('history', () => {
  it('answers what a household was on a past date', async () => {
    const card = (await newHousehold(makeIdNumber())).json<THouseholdCard>();
    const exited = await dengkou.patch(`/api/v1/households/${card.id}`, {
      type: 'exited',
      exitYear: 2019,
      exitWay: 'industry',
      effectiveOn: '2019-12-20',
    });
    expect(exited.statusCode).toBe(200);
    await dengkou.patch(`/api/v1/households/${card.id}`, {
      type: 'monitored',
      monitoringCategory: 'unstable_exited',
      risks: ['illness', 'lack_of_labour'],
      effectiveOn: '2022-03-15',
    });
    const asOf = async (date: string) =>
      (await dengkou.get(`/api/v1/households?asOf=${date}&villageId=${villageId}&pageSize=200`))
        .json<TPage<THousehold>>()
        .items.find((h) => h.id === card.id);
    expect((await asOf('2018-12-31'))?.type).toBe('registered');
    expect((await asOf('2020-12-31'))?.type).toBe('exited');
    expect(await asOf('2022-06-30')).toMatchObject({ type: 'monitored', risks: ['illness', 'lack_of_labour'] });
    expect(await asOf('2013-12-31')).toBeUndefined();
    const monitoredIn2020 = (
      await dengkou.get(`/api/v1/households?asOf=2020-12-31&type=monitored&villageId=${villageId}`)
    ).json<TPage<THousehold>>();
    expect(monitoredIn2020.items.map((h) => h.id)).not.toContain(card.id);

    const history = (await dengkou.get(`/api/v1/households/${card.id}/history`)).json<{ items: THouseholdVersion[] }>()
      .items;
    expect(history.map((v) => [v.validFrom, v.validTo, v.type])).toEqual([
      ['2022-03-15', null, 'monitored'],
      ['2019-12-20', '2022-03-15', 'exited'],
      ['2014-06-01', '2019-12-20', 'registered'],
    ]);
    expect(history[0]?.recordedBy).toBe(net.users.dengkouAdmin.username);
  });

  it('counts households by type, monitoring category and risk, today and as of a past date', async () => {
    const village = await makeVillage(server.database.db, net.orgs.dengkou, testVillageCode('150822', 6));
    const make = async (changes: Record<string, unknown>) => {
      const card = (
        await dengkou.post('/api/v1/households', {
          villageId: village.id,
          type: 'registered',
          head: { name: '计数户', idNumber: makeIdNumber(), gender: 'male' },
          effectiveOn: '2014-06-01',
        })
      ).json<THouseholdCard>();
      if (Object.keys(changes).length > 0)
        await dengkou.patch(`/api/v1/households/${card.id}`, { ...changes, effectiveOn: '2023-05-01' });
    };
    await make({});
    await make({ type: 'monitored', monitoringCategory: 'marginal', risks: ['illness', 'housing'] });
    await make({ type: 'monitored', monitoringCategory: 'unstable_exited', risks: ['illness'] });
    const summary = (await dengkou.get(`/api/v1/households/summary?villageId=${village.id}`)).json();
    expect(summary).toMatchObject({
      total: 3,
      byType: { registered: 1, monitored: 2 },
      byCategory: { marginal: 1, unstable_exited: 1 },
      byRisk: { illness: 2, housing: 1, disaster: 0 },
    });
    const then = (await dengkou.get(`/api/v1/households/summary?villageId=${village.id}&asOf=2020-12-31`)).json();
    expect(then).toMatchObject({ total: 3, byType: { registered: 3 }, byRisk: { illness: 0 } });
  });

  it('checks the monitoring rules across fields', async () => {
    const card = (await newHousehold(makeIdNumber())).json<THouseholdCard>();
    const response = await dengkou.patch(`/api/v1/households/${card.id}`, { type: 'monitored', riskEliminated: true });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'monitoringCategory',
      'riskEliminatedOn',
    ]);
  });
});

describe('access to the registry', () => {
  it('a sibling county sees none of the households, a supervisor of the region sees them, read-only', async () => {
    const household = await makeHousehold(server.database.db, villageId);
    const neighbour = await signIn(server.app, net.users.wltzqAdmin.username);
    expect((await neighbour.get(`/api/v1/households/${household.id}`)).statusCode).toBe(404);
    const list = (await neighbour.get('/api/v1/households?pageSize=200')).json<TPage<THousehold>>();
    expect(list.items.map((h) => h.id)).not.toContain(household.id);

    const supervisor = await signIn(server.app, net.users.civilSupervisor.username);
    expect((await supervisor.get(`/api/v1/households/${household.id}`)).statusCode).toBe(200);
    expect((await supervisor.patch(`/api/v1/households/${household.id}`, { type: 'exited' })).statusCode).toBe(403);

    const auditor = await signIn(server.app, net.users.regionAuditor.username);
    expect((await auditor.get(`/api/v1/households/${household.id}`)).statusCode).toBe(200);
    expect((await auditor.post(`/api/v1/households/${household.id}/persons`, {})).statusCode).toBe(403);

    const fujian = await signIn(server.app, net.users.fujianAdmin.username);
    expect((await fujian.get(`/api/v1/households/${household.id}`)).statusCode).toBe(404);
  });

  it('a cadre sees the households assigned to them and no others', async () => {
    const cadre = await makeUser(server.database.db, net.orgs.dengkou, 'cadre');
    const mine = await makeHousehold(server.database.db, villageId);
    const other = await makeHousehold(server.database.db, villageId);
    expect((await dengkou.patch(`/api/v1/households/${mine.id}`, { cadreUserId: cadre.id })).json().cadreName).toBe(
      cadre.displayName,
    );
    const client = await signIn(server.app, cadre.username);
    const list = (await client.get('/api/v1/households?pageSize=200')).json<TPage<THousehold>>();
    expect(list.items.map((h) => h.id)).toEqual([mine.id]);
    expect((await client.get(`/api/v1/households/${other.id}`)).statusCode).toBe(404);
    expect((await client.patch(`/api/v1/households/${mine.id}`, { housingSafe: true })).statusCode).toBe(200);
  });

  it('a cadre registers households in their village, which stay theirs, but cannot register villages', async () => {
    const cadre = await makeUser(server.database.db, net.orgs.dengkou, 'cadre');
    const assigned = await makeHousehold(server.database.db, villageId);
    await dengkou.patch(`/api/v1/households/${assigned.id}`, { cadreUserId: cadre.id });
    const client = await signIn(server.app, cadre.username);
    const created = await client.post('/api/v1/households', {
      villageId,
      type: 'monitored',
      monitoringCategory: 'sudden_hardship',
      risks: ['disaster'],
      head: { name: '新登记户', idNumber: makeIdNumber(), gender: 'male' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<THouseholdCard>().cadreUserId).toBe(cadre.id);
    const village = await client.post('/api/v1/villages', {
      regionCode: testVillageCode('150822', 9),
      organizationId: net.orgs.dengkou.id,
    });
    expect(village.statusCode).toBe(403);
    expect(village.json().error.code).toBe('CADRE_CANNOT_REGISTER_VILLAGE');
  });

  it('finds villages by name', async () => {
    const found = (await dengkou.get('/api/v1/villages?q=测试1村')).json<TPage<{ regionCode: string }>>();
    expect(found.items.map((v) => v.regionCode)).toEqual([testVillageCode('150822', 1)]);
  });

  it('nothing of the registry is open to the public', async () => {
    for (const url of ['/api/v1/households', '/api/v1/villages', `/api/v1/villages/${villageId}`]) {
      expect((await server.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
