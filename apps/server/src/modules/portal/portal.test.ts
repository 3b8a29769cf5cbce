import { randomUUID } from 'node:crypto';
import type {
  TOrganization,
  TPage,
  TPortalDisclosures,
  TPortalOrganization,
  TPortalProject,
  TPortalProjectListItem,
  TPortalReceiptTrace,
  TProjectFile,
} from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { ADMIN_USERNAME, ensurePlatformAdmin } from '../accounts/index.js';
import {
  allocateToProject,
  createPaymentBatch,
  receiptsOfDonation,
  recordDonation,
  settlePayments,
} from '../funds/index.js';
import {
  makeNetwork,
  makeOrganization,
  makeProject,
  TEST_PASSWORD,
  type Network,
} from '../../test-support/factories.js';
import { fundAccountId, makeActiveProject, makeDonor } from '../../test-support/funds-factories.js';
import { jpegWithGps } from '../../test-support/images.js';
import { makePublication, uploadForm } from '../../test-support/publication-factories.js';
import {
  loadTestVillages,
  makeHousehold,
  makeIdNumber,
  makeVillage,
  testVillageCode,
} from '../../test-support/registry-factories.js';
import { signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';

// Personal data planted where the portal's sources keep it; no public answer may carry any of it.
const MARKERS = {
  householdHead: '隐私户主甲',
  idNumber: makeIdNumber({ region: '150822' }),
  donorPhone: '13987654321',
  donorAddress: '磴口县隐私路一号院',
  hiddenDonor: '赵隐名',
  surnameDonor: '李秀英',
  payee: '钱隐私',
  orgPhone: '0478-7654321',
  orgAddress: '巴彦淖尔市隐私大街九号',
  privateReport: '内部报告：不公开的记录',
};

let server: TestServer;
let net: Network;
let county: Client;
let project: { id: string };
let draft: { id: string };
let submitted: { id: string };
let publicPhoto: TProjectFile;
let privatePhoto: TProjectFile;
let gifts: Record<'full' | 'surname' | 'anonymous', { id: string }>;

/** Nobody signed in: no cookie, no CSRF token. */
const anonymous = (url: string, lang = 'zh-CN') =>
  server.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
const verify = (payload: Record<string, string>, lang = 'zh-CN') =>
  server.app.inject({
    method: 'POST',
    url: '/api/v1/public/receipts/verify',
    payload,
    headers: { 'accept-language': lang },
  });

async function receiptOf(donationId: string) {
  const [receipt] = await receiptsOfDonation(systemContext(server.database.db.executor), donationId);
  if (!receipt) throw new Error('the gift has no receipt');
  return receipt;
}

const photo = (isPublic: boolean) =>
  uploadForm(
    server.app,
    county,
    `/api/v1/projects/${project.id}/files`,
    { kind: 'photo', isPublic: String(isPublic) },
    { name: isPublic ? '入户.jpg' : '内部.jpg', bytes: jpegWithGps() },
  ).then((response) => response.json<TProjectFile>());

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  net = await makeNetwork(db);
  await loadTestVillages(db);
  county = await signIn(server.app, net.users.dengkouAdmin.username);
  await makeOrganization(db, {
    name: '磴口县隐私测试基金会',
    level: 'county',
    regionCode: '150822',
    parent: net.orgs.dengkou,
    phone: MARKERS.orgPhone,
    address: MARKERS.orgAddress,
  });
  const village = await makeVillage(db, net.orgs.dengkou, testVillageCode('150822', 1));
  const household = await makeHousehold(db, village.id, {
    headName: MARKERS.householdHead,
    idNumber: MARKERS.idNumber,
  });

  project = await makeActiveProject(db, net.orgs.dengkou, {
    name: '磴口县肉羊养殖帮扶项目',
    targetVillageIds: [village.id],
    householdIds: [household.id],
  });
  draft = await makeProject(db, net.orgs.dengkou, { name: '磴口县草稿项目' });
  submitted = await makeProject(db, net.orgs.dengkou, { name: '磴口县已申报项目' });
  expect((await county.post(`/api/v1/projects/${submitted.id}/transitions`, { action: 'submit' })).statusCode).toBe(
    200,
  );

  publicPhoto = await photo(true);
  privatePhoto = await photo(false);
  const report = (body: Record<string, unknown>) => county.post(`/api/v1/projects/${project.id}/reports`, body);
  expect(
    (
      await report({
        kind: 'progress',
        reportedOn: '2026-03-10',
        text: '已购入基础母羊 200 只，分发到 40 户。',
        figures: [{ label: '母羊', value: 200, unit: '只' }],
        isPublic: true,
        photoIds: [publicPhoto.id],
      })
    ).statusCode,
  ).toBe(201);
  expect(
    (
      await report({
        reportedOn: '2026-03-11',
        text: MARKERS.privateReport,
        isPublic: false,
        photoIds: [privatePhoto.id],
      })
    ).statusCode,
  ).toBe(201);

  const ctx = systemContext(db.executor);
  const give = async (name: string, salutation: 'mr' | 'ms', displayAs: 'full_name' | 'surname' | 'anonymous') => {
    const donor = await makeDonor(db, net.orgs.dengkou, {
      name,
      salutation,
      phone: MARKERS.donorPhone,
      address: MARKERS.donorAddress,
    });
    return recordDonation(ctx, randomUUID(), {
      organizationId: net.orgs.dengkou.id,
      donorId: donor.id,
      form: 'money',
      method: 'bank_transfer',
      amount: 100_000,
      designation: { kind: 'project', projectId: project.id },
      displayAs,
      receivedOn: '2026-03-01',
    });
  };
  gifts = {
    full: await give('王大明', 'mr', 'full_name'),
    surname: await give(MARKERS.surnameDonor, 'ms', 'surname'),
    anonymous: await give(MARKERS.hiddenDonor, 'mr', 'anonymous'),
  };
  await allocateToProject(ctx, randomUUID(), {
    fundAccountId: await fundAccountId(db, net.orgs.dengkou, '定向项目'),
    projectId: project.id,
    amount: 300_000,
    allocatedOn: '2026-03-02',
  });
  const batch = await createPaymentBatch(ctx, randomUUID(), {
    projectId: project.id,
    title: '母羊款',
    approvedOn: '2026-03-03',
    items: [{ payeeKind: 'household', payeeName: MARKERS.payee, householdId: household.id, amount: 120_000 }],
  });
  await settlePayments(ctx, randomUUID(), batch.id, {
    itemIds: batch.items.map((item) => item.id),
    outcome: 'paid',
    settledOn: '2026-03-05',
  });
});
afterAll(() => server.close());

describe('the public portal', () => {
  it('lists approved projects only: drafts and submissions are not there and read as absent', async () => {
    const list = await anonymous(`/api/v1/public/projects?organizationId=${net.orgs.dengkou.id}&pageSize=200`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.headers['cache-control']).toBe('no-cache');
    const ids = list.json<TPage<TPortalProjectListItem>>().items.map((p) => p.id);
    expect(ids).toContain(project.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(submitted.id);

    for (const hidden of [draft, submitted]) {
      const answer = await anonymous(`/api/v1/public/projects/${hidden.id}`);
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ error: { code: 'PORTAL_PROJECT_NOT_FOUND' } });
      expect(answer.json<{ error: { message: string } }>().error.message).toContain('尚未立项公开');
    }
  });

  it('shows a project with its public report and photo, the money received and spent, donors as they chose', async () => {
    const answer = await anonymous(`/api/v1/public/projects/${project.id}`);
    expect(answer.statusCode, answer.body).toBe(200);
    const shown = answer.json<TPortalProject>();
    expect(shown).toMatchObject({
      name: '磴口县肉羊养殖帮扶项目',
      organizationName: net.orgs.dengkou.name,
      status: 'in_progress',
      funding: { received: 300_000, spent: 120_000, held: 180_000 },
    });
    expect(shown.reports).toEqual([
      {
        id: expect.any(String) as string,
        kind: 'progress',
        reportedOn: '2026-03-10',
        text: '已购入基础母羊 200 只，分发到 40 户。',
        figures: [{ label: '母羊', value: 200, unit: '只' }],
        photos: [{ id: publicPhoto.id, fileName: publicPhoto.fileName, mime: 'image/jpeg' }],
      },
    ]);
    expect(shown.funding.donations.map((d) => [d.publicName, d.amount]).sort()).toEqual(
      [
        ['王大明', 100_000],
        ['李女士', 100_000],
        ['匿名', 100_000],
      ].sort(),
    );
    for (const key of ['householdIds', 'targetVillageIds', 'allowedActions', 'authorUsername', 'isPublic']) {
      expect(answer.body).not.toContain(`"${key}"`);
    }
  });

  it('serves the public photo without its GPS position, and no other photo', async () => {
    const shown = await anonymous(`/api/v1/public/projects/${project.id}/photos/${publicPhoto.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(shown.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    const hidden = await anonymous(`/api/v1/public/projects/${project.id}/photos/${privatePhoto.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ error: { code: 'PORTAL_PHOTO_NOT_FOUND' } });
  });

  it('shows the trace of a gift to whoever has its receipt number and verification code', async () => {
    const receipt = await receiptOf(gifts.anonymous.id);
    const answer = await verify({ number: receipt.number, code: receipt.verificationCode.toLowerCase() });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const trace = answer.json<TPortalReceiptTrace>();
    expect(trace.receipt).toMatchObject({ number: receipt.number, status: 'valid', amount: 100_000 });
    expect(trace.gift).toMatchObject({ publicName: '匿名', amount: 100_000, receivedOn: '2026-03-01' });
    expect(trace.steps.map((s) => [s.direction, s.kind])).toEqual([
      ['in', 'donation'],
      ['moved', 'allocation'],
    ]);
    expect(trace.steps[1]?.to).toContain('磴口县肉羊养殖帮扶项目');

    // A reader of English gets the same trace with its labels in English; the names stay as they are.
    const en = (
      await verify({ number: receipt.number, code: receipt.verificationCode }, 'en')
    ).json<TPortalReceiptTrace>();
    expect(en.gift.publicName).toBe('Anonymous');
    expect(en.steps[1]?.to).toMatch(/Project fund: 磴口县肉羊养殖帮扶项目/);
  });

  it('refuses a wrong verification code and says what to check, in the reader’s language', async () => {
    const receipt = await receiptOf(gifts.full.id);
    const zh = await verify({ number: receipt.number, code: 'WRONG234' });
    expect(zh.statusCode).toBe(404);
    expect(zh.json()).toMatchObject({
      error: { code: 'PORTAL_RECEIPT_NOT_VERIFIED', fields: [{ path: 'code' }] },
    });
    expect(zh.json<{ error: { message: string } }>().error.message).toContain('查验码');
    const en = await verify({ number: receipt.number, code: 'WRONG234' }, 'en');
    expect(en.json<{ error: { message: string } }>().error.message).toContain('verification code');
    expect((await verify({ number: '', code: '' })).statusCode).toBe(400);
  });

  it("shows an organization's basic information and disclosures without its address or phone", async () => {
    const list = await anonymous('/api/v1/public/organizations?pageSize=200&q=磴口县');
    expect(list.statusCode).toBe(200);
    const names = list.json<TPage<TPortalOrganization>>().items.map((o) => o.name);
    expect(names).toContain(net.orgs.dengkou.name);
    expect(names).toContain('磴口县隐私测试基金会');

    const one = await anonymous(`/api/v1/public/organizations/${net.orgs.dengkou.id}`);
    expect(one.json<TPortalOrganization>()).toMatchObject({ name: net.orgs.dengkou.name, level: 'county' });
    expect(one.body).not.toContain('"phone"');
    expect(one.body).not.toContain('"address"');

    const published = await makePublication(server.database.db, net.orgs.dengkou, { title: '磴口县年度工作报告' });
    expect(
      (await county.post(`/api/v1/publications/${published.id}/transitions`, { action: 'publish' })).statusCode,
    ).toBe(200);
    const unpublished = await makePublication(server.database.db, net.orgs.dengkou, { title: '磴口县草稿简报' });
    const disclosures = (
      await anonymous(`/api/v1/public/organizations/${net.orgs.dengkou.id}/disclosures`)
    ).json<TPortalDisclosures>();
    expect(disclosures.projects.map((p) => [p.id, p.received, p.spent])).toEqual([[project.id, 300_000, 120_000]]);
    expect(disclosures.totals).toMatchObject({ received: 300_000, spent: 120_000 });
    expect(disclosures.publications.map((p) => p.id)).toContain(published.id);
    expect(disclosures.publications.map((p) => p.id)).not.toContain(unpublished.id);

    const missing = await anonymous(`/api/v1/public/organizations/${randomUUID()}/disclosures`, 'en');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ error: { message: string } }>().error.message).toContain('no such organization');
  });

  it('leaves the platform operator’s own organization out of the list and its count', async () => {
    await ensurePlatformAdmin(systemContext(server.database.db.executor), TEST_PASSWORD);
    const admin = await signIn(server.app, ADMIN_USERNAME);
    const everything = (await admin.get('/api/v1/organizations?pageSize=200')).json<TPage<TOrganization>>();
    const operator = everything.items.find((o) => o.name === '同心平台运营单位');
    expect(operator).toBeDefined();

    const list = await anonymous('/api/v1/public/organizations?pageSize=200');
    const listed = list.json<TPage<TPortalOrganization>>();
    expect(listed.items.map((o) => o.id)).not.toContain(operator?.id);
    expect(listed.items.map((o) => o.id).sort()).toEqual(
      everything.items
        .map((o) => o.id)
        .filter((id) => id !== operator?.id)
        .sort(),
    );
    expect(listed.total).toBe(everything.total - 1);
    const searched = await anonymous(`/api/v1/public/organizations?q=${encodeURIComponent('同心平台')}`);
    expect(searched.json<TPage<TPortalOrganization>>()).toMatchObject({ items: [], total: 0 });
    const national = await anonymous('/api/v1/public/organizations?level=national');
    expect(national.json<TPage<TPortalOrganization>>().items.map((o) => o.id)).not.toContain(operator?.id);
  });

  it('never carries planted personal data on any portal answer', async () => {
    const receipts = await Promise.all(Object.values(gifts).map((gift) => receiptOf(gift.id)));
    const answers = [
      ...(await Promise.all(
        [
          '/api/v1/public/organizations?pageSize=200',
          `/api/v1/public/organizations/${net.orgs.dengkou.id}`,
          `/api/v1/public/organizations/${net.orgs.dengkou.id}/disclosures`,
          '/api/v1/public/projects?pageSize=200',
          `/api/v1/public/projects/${project.id}`,
        ].map((url) => anonymous(url)),
      )),
      ...(await Promise.all(receipts.map((r) => verify({ number: r.number, code: r.verificationCode })))),
    ];
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(200);
      for (const marker of Object.values(MARKERS)) expect(answer.body).not.toContain(marker);
    }
  });
});
