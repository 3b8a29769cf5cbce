import { randomUUID } from 'node:crypto';
import type { Lang, TDonation, TDonationTrace, TFundAccount, TJournalEntry, TProjectFunding } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../platform/context.js';
import { makeNetwork, type Network } from '../../test-support/factories.js';
import { fundAccountId, makeActiveProject, makeDonor, makePledge } from '../../test-support/funds-factories.js';
import { loadTestVillages, makeVillage, testVillageCode } from '../../test-support/registry-factories.js';
import { contextOf, signIn, startTestServer, type Client, type TestServer } from '../../test-support/test-app.js';
import {
  allocateToProject,
  createPaymentBatch,
  fundAccounts,
  recordDonation,
  refundDonation,
  settlePayments,
} from './index.js';

// What the server names in its answers (accounts, designations, where money went, anonymous donors) comes
// in the reader's language; the names of organizations, projects and places stay as they are.

let server: TestServer;
let net: Network;
let county: ServiceContext;
let client: Client;
let project: Awaited<ReturnType<typeof makeActiveProject>>;
let gift: TDonation;
let goodsGift: TDonation;
let fund: string;
/** The village as the designation names it, in Chinese in both languages: 内蒙古自治区 … 测试3村. */
let village: string;

const db = () => server.database.db;
const org = () => net.orgs.dengkou.name;
const headers = (lang: Lang) => ({ 'accept-language': lang === 'en' ? 'en-US,en;q=0.9' : 'zh-CN,zh;q=0.9' });
const get = async <T>(url: string, lang: Lang): Promise<T> => {
  const response = await client.get(url, headers(lang));
  expect(response.statusCode).toBe(200);
  return response.json<T>();
};

beforeAll(async () => {
  server = await startTestServer();
  net = await makeNetwork(db());
  await loadTestVillages(db());
  county = await contextOf(db(), net.users.dengkouAdmin.username);
  client = await signIn(server.app, net.users.dengkouAdmin.username);
  const place = await makeVillage(db(), net.orgs.dengkou, testVillageCode('150822', 3));
  project = await makeActiveProject(db(), net.orgs.dengkou, { targetVillageIds: [place.id] });
  const donor = await makeDonor(db(), net.orgs.dengkou);
  // ¥5,000 for the village: ¥3,000 to its project, of which ¥1,000 paid to a household; ¥500 refunded.
  gift = await recordDonation(county, randomUUID(), {
    organizationId: net.orgs.dengkou.id,
    donorId: donor.id,
    method: 'bank_transfer',
    amount: 500_000,
    designation: { kind: 'village', villageId: place.id },
    displayAs: 'anonymous',
    receivedOn: '2026-03-01',
  });
  village = gift.designationText.replace(/^定向村：/, '');
  fund = await fundAccountId(db(), net.orgs.dengkou, '定向村');
  await allocateToProject(county, randomUUID(), {
    fundAccountId: fund,
    projectId: project.id,
    amount: 300_000,
    allocatedOn: '2026-03-02',
  });
  const batch = await createPaymentBatch(county, randomUUID(), {
    projectId: project.id,
    title: '产业补助第一批',
    approvedOn: '2026-03-03',
    items: [{ payeeKind: 'household', payeeName: '王小明', amount: 100_000 }],
  });
  await settlePayments(county, randomUUID(), batch.id, {
    itemIds: batch.items.map((item) => item.id),
    outcome: 'paid',
    settledOn: '2026-03-04',
  });
  await refundDonation(county, randomUUID(), gift.id, {
    amount: 50_000,
    refundedOn: '2026-03-05',
    reason: '捐赠人要求',
  });
  goodsGift = await recordDonation(county, randomUUID(), {
    organizationId: net.orgs.dengkou.id,
    donorId: donor.id,
    form: 'goods',
    items: [{ name: '课桌', quantity: 10, unit: '张', unitValue: 30_000, valuationBasis: '采购发票' }],
    receivedOn: '2026-03-06',
  });
});
afterAll(() => server.close());

describe('server-built texts in the reader’s language', () => {
  it('names fund balances, designations and pledges in English or Chinese as asked', async () => {
    expect(village).toContain('测试3村');
    const url = `/api/v1/funds/accounts?organizationId=${net.orgs.dengkou.id}`;
    const text = (accounts: TFundAccount[], pick: (a: TFundAccount) => boolean) => accounts.find(pick)?.designationText;
    const villageFund = (a: TFundAccount) => a.id === fund;
    const projectFund = (a: TFundAccount) => a.kind === 'project_fund' && a.projectId === project.id;
    const bank = (a: TFundAccount) => a.kind === 'bank';

    const en = (await get<{ items: TFundAccount[] }>(url, 'en')).items;
    expect(text(en, villageFund)).toBe(`To a village: ${village}`);
    expect(text(en, projectFund)).toBe(`${org()} · Project fund: ${project.name}`);
    expect(text(en, bank)).toBe(`${org()} · Bank and cash`);
    expect(text(en, (a) => a.kind === 'fund' && a.form === 'goods')).toBe('Unrestricted');

    const zh = (await get<{ items: TFundAccount[] }>(url, 'zh-CN')).items;
    expect(text(zh, villageFund)).toBe(`定向村：${village}`);
    expect(text(zh, projectFund)).toBe(`${org()} · 项目资金：${project.name}`);
    expect(text(zh, bank)).toBe(`${org()} · 银行存款及现金`);
    expect(text(zh, (a) => a.kind === 'fund' && a.form === 'goods')).toBe('非定向');

    const pledge = await makePledge(db(), net.orgs.dengkou);
    expect((await get<{ designationText: string }>(`/api/v1/pledges/${pledge.id}`, 'en')).designationText).toBe(
      'Unrestricted',
    );
    expect((await get<{ designationText: string }>(`/api/v1/pledges/${pledge.id}`, 'zh-CN')).designationText).toBe(
      '非定向',
    );
  });

  it('tells where a gift went, and who gave to a project, in English or Chinese as asked', async () => {
    const steps = (trace: TDonationTrace) => trace.steps.map((s) => [s.kind, s.from, s.to]);
    const en = await get<TDonationTrace>(`/api/v1/donations/${gift.id}/trace`, 'en');
    const enFund = `${org()} · Restricted fund (To a village: ${village})`;
    const enProject = `${org()} · Project fund: ${project.name}`;
    expect(en.donation).toMatchObject({ designationText: `To a village: ${village}`, publicName: 'Anonymous' });
    expect(steps(en)).toEqual([
      ['donation', null, enFund],
      ['allocation', enFund, enProject],
      ['disbursement', enProject, `${org()} · Payables`],
      ['payment', `${org()} · Payables`, 'Paid to 王*明'],
      ['refund', enFund, 'Refunded to the donor'],
    ]);
    expect(en.heldIn).toEqual(
      expect.arrayContaining([
        { account: enFund, amount: 150_000 },
        { account: enProject, amount: 200_000 },
      ]),
    );

    const zh = await get<TDonationTrace>(`/api/v1/donations/${gift.id}/trace`, 'zh-CN');
    const zhFund = `${org()} · 限定性资金（定向村：${village}）`;
    const zhProject = `${org()} · 项目资金：${project.name}`;
    expect(zh.donation).toMatchObject({ designationText: `定向村：${village}`, publicName: '匿名' });
    expect(steps(zh)).toEqual([
      ['donation', null, zhFund],
      ['allocation', zhFund, zhProject],
      ['disbursement', zhProject, `${org()} · 应付款`],
      ['payment', `${org()} · 应付款`, '支付给 王*明'],
      ['refund', zhFund, '退还捐赠人'],
    ]);
    expect(zh.heldIn.map((h) => h.account).sort()).toEqual([zhFund, zhProject].sort());

    const goods = (lang: Lang) => get<TDonationTrace>(`/api/v1/donations/${goodsGift.id}/trace`, lang);
    expect((await goods('en')).steps[0]?.to).toBe(`${org()} · Unrestricted fund (in kind)`);
    expect((await goods('zh-CN')).steps[0]?.to).toBe(`${org()} · 非限定性资金（物资）`);

    const allocation = en.steps[1]?.entryId ?? '';
    const lines = async (lang: Lang) =>
      (await get<TJournalEntry>(`/api/v1/ledger/entries/${allocation}`, lang)).lines.map((l) => l.accountText).sort();
    expect(await lines('en')).toEqual([enFund, enProject].sort());
    expect(await lines('zh-CN')).toEqual([zhFund, zhProject].sort());

    const funding = (lang: Lang) => get<TProjectFunding>(`/api/v1/projects/${project.id}/funding`, lang);
    expect((await funding('en')).donations.map((d) => d.publicName)).toEqual(['Anonymous']);
    expect((await funding('zh-CN')).donations.map((d) => d.publicName)).toEqual(['匿名']);
  });

  it('names the account in a refusal in the reader’s language', async () => {
    const body = { fundAccountId: fund, projectId: project.id, amount: 150_001, allocatedOn: '2026-03-07' };
    const refuse = async (lang: Lang) => {
      const response = await client.post('/api/v1/funds/allocations', body, {
        ...headers(lang),
        'idempotency-key': randomUUID(),
      });
      expect(response.statusCode).toBe(409);
      return response.json<{ error: { code: string; message: string } }>().error;
    };
    const en = await refuse('en');
    expect(en.code).toBe('FUNDS_INSUFFICIENT');
    expect(en.message).toBe(
      `“${org()} · Restricted fund (To a village: ${village})” holds ¥1,500.00, less than ¥1,500.01; lower the amount or add money first`,
    );
    const zh = await refuse('zh-CN');
    expect(zh.message).toBe(
      `“${org()} · 限定性资金（定向村：${village}）”可用余额为 ¥1,500.00，不足 ¥1,500.01；请减少金额或先补充资金`,
    );
    // Services called without a reader (the command line, start-up) answer in zh-CN.
    const balances = await fundAccounts(county, { organizationId: net.orgs.dengkou.id });
    expect(balances.find((a) => a.id === fund)?.designationText).toBe(`定向村：${village}`);
  });
});
