import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYuanToFen, type TGrantPackage } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { makeNetwork, makeProject, unique, type Network } from '../../test-support/factories.js';
import { donate, fundAccountId, makeActiveProject, makeDonor } from '../../test-support/funds-factories.js';
import {
  loadTestVillages,
  makeHousehold,
  makeIdNumber,
  makeVillage,
  testVillageCode,
} from '../../test-support/registry-factories.js';
import { startTestServer, type TestServer } from '../../test-support/test-app.js';
import { systemContext } from '../../platform/context.js';
import {
  allocateToProject,
  createPaymentBatch,
  handleRemainder,
  projectFunding,
  recordDonation,
  reverseEntry,
  settlePayments,
  transferFunds,
} from '../funds/index.js';
import { transitionProject } from '../projects/index.js';

// The IATI file is checked against the 2.03 schema with xmllint (Debian libxml2-utils, which .ci/run
// installs); the schema files are kept beside this module. Without xmllint the schema check is skipped with
// the reason printed, and under CI=true it fails instead.
const SCHEMA = join(import.meta.dirname, 'iati-2.03', 'iati-activities-schema.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).error === undefined;
const MISSING = 'xmllint is not installed (Debian libxml2-utils: apt-get install -y libxml2-utils)';
if (!hasXmllint && process.env.CI !== 'true') console.warn(`skipping IATI schema checks: ${MISSING}`);

function validateIati(ctx: TestContext, xml: string): void {
  if (!hasXmllint) {
    if (process.env.CI === 'true') throw new Error(`CI=true needs the schema check: ${MISSING}`);
    ctx.skip(MISSING);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'tongxin-iati-')), 'activities.xml');
  writeFileSync(file, xml);
  // Throws with xmllint's complaint when the file does not validate.
  execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: 'pipe' });
}

// IATI 2.03 codelists (iatistandard.org/en/iati-standard/203/codelists), held here apart from the mapping
// tables they check.
const TRANSACTION_TYPES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13'];
const ORGANISATION_ROLES = ['1', '2', '3', '4'];
const ORGANISATION_TYPES = [
  '10',
  '11',
  '15',
  '21',
  '22',
  '23',
  '24',
  '30',
  '40',
  '60',
  '70',
  '71',
  '72',
  '73',
  '80',
  '90',
];
const ACTIVITY_STATUSES = ['1', '2', '3', '4', '5', '6'];
const ACTIVITY_DATE_TYPES = ['1', '2', '3', '4'];
/** Sector vocabulary 1: the OECD DAC 5-digit purpose codes of the IATI Sector codelist. */
const DAC_PURPOSE_CODES = `
11110 11120 11130 11182 11220 11230 11240 11320 11330 11420 11430 12110 12181 12182 12191 12220 12230 12240
12250 12261 12262 12263 12281 13010 13020 13030 13040 13081 14010 14015 14020 14021 14022 14030 14031 14032
14040 14050 14081 15110 15111 15112 15113 15120 15130 15140 15150 15151 15152 15153 15160 15170 15210 15220
15230 15240 15250 15261 16010 16020 16030 16040 16050 16061 16062 16063 16064 21010 21020 21030 21040 21050
21061 21081 22010 22020 22030 22040 23010 23020 23030 23040 23050 23061 23062 23063 23064 23065 23066 23067
23068 23069 23070 23081 23082 24010 24020 24030 24040 24081 25010 25020 31110 31120 31130 31140 31150 31161
31162 31163 31164 31165 31166 31181 31182 31191 31192 31193 31194 31195 31210 31220 31261 31281 31282 31291
31310 31320 31381 31382 31391 32110 32120 32130 32140 32161 32162 32163 32164 32165 32166 32167 32168 32169
32170 32171 32172 32182 32210 32220 32261 32262 32263 32264 32265 32266 32267 32268 32310 33110 33120 33130
33140 33150 33181 33210 41010 41020 41030 41040 41050 41081 41082 43010 43030 43040 43050 43081 43082 51010
52010 53030 53040 60010 60020 60030 60040 60061 60062 60063 72010 72040 72050 73010 74010 91010 92010 92020
92030 93010 99810 99820`
  .trim()
  .split(/\s+/);

let server: TestServer;
let net: Network;
const ctx = () => systemContext(server.database.db.executor);
const key = () => randomUUID();
const anonymous = (url: string) => server.app.inject({ method: 'GET', url });

/** Personal data planted in donors, payees and the registry; none of it may reach open data. */
const m = unique();
const MARKERS = {
  anonymousDonor: `隐名捐赠人${m}`,
  surnameDonor: `王秀英${m}`,
  donorPhone: '13912345678',
  donorAddress: `巴彦淖尔市临河区秘密路${m}号`,
  householdHead: `李标记${m}`,
  householdIdNumber: makeIdNumber({ region: '150822' }),
  householdPayee: `赵户主${m}`,
  personPayee: `钱个人${m}`,
  supplierPayee: `孙记农资店${m}`,
  draftProject: `草稿项目${m}`,
};
const PAYEE_ORGANIZATION = `团结村"股份",经济合作社${m}`;

let projectA: { id: string; code: string };
let projectB: { id: string; code: string };

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  net = await makeNetwork(db);
  const { dengkou, wltzq, region } = net.orgs;
  await loadTestVillages(db);
  const village = await makeVillage(db, dengkou, testVillageCode('150822', 1));
  const household = await makeHousehold(db, village.id, {
    headName: MARKERS.householdHead,
    idNumber: MARKERS.householdIdNumber,
  });

  // A: Dengkou's cattle project, paid for by three gifts designated to it, allocated from their fund.
  projectA = await makeActiveProject(db, dengkou, {
    name: '磴口县肉牛养殖扶贫项目',
    category: 'industry',
    budget: 1_500_000,
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    targetVillageIds: [village.id],
    householdIds: [household.id],
    description: '为建档立卡户提供基础母牛，带动增收。',
  });
  const toA = { kind: 'project' as const, projectId: projectA.id };
  const shown = await makeDonor(db, dengkou, { kind: 'enterprise', name: `家和房地产${m}`, salutation: null });
  const hidden = await makeDonor(db, dengkou, {
    name: MARKERS.anonymousDonor,
    phone: MARKERS.donorPhone,
    address: MARKERS.donorAddress,
  });
  const surname = await makeDonor(db, dengkou, { name: MARKERS.surnameDonor, salutation: 'ms' });
  const give = (donorId: string, amount: number, displayAs: 'full_name' | 'surname' | 'anonymous') =>
    recordDonation(ctx(), key(), {
      organizationId: dengkou.id,
      donorId,
      form: 'money',
      method: 'bank_transfer',
      amount,
      designation: toA,
      displayAs,
      receivedOn: '2026-03-01',
    });
  await give(shown.id, 500_000, 'full_name');
  await give(hidden.id, 300_000, 'anonymous');
  await give(surname.id, 200_000, 'surname');
  await allocateToProject(ctx(), key(), {
    fundAccountId: await fundAccountId(db, dengkou, '定向项目'),
    projectId: projectA.id,
    amount: 1_000_000,
    allocatedOn: '2026-03-02',
  });
  // An allocation booked by mistake and reversed: in IATI as +/−, never a grant.
  await donate(db, dengkou, 100_000, { receivedOn: '2026-03-04' });
  const mistaken = await allocateToProject(ctx(), key(), {
    fundAccountId: await fundAccountId(db, dengkou),
    projectId: projectA.id,
    amount: 100_000,
    allocatedOn: '2026-03-05',
  });
  await reverseEntry(ctx(), key(), mistaken.entryId, { reversedOn: '2026-03-06', reason: '拨错项目' });
  const batch = await createPaymentBatch(ctx(), key(), {
    projectId: projectA.id,
    title: '第一批母牛款',
    approvedOn: '2026-04-01',
    items: [
      { payeeKind: 'household', payeeName: MARKERS.householdPayee, householdId: household.id, amount: 200_000 },
      { payeeKind: 'person', payeeName: MARKERS.personPayee, amount: 100_001 },
      { payeeKind: 'organization', payeeName: PAYEE_ORGANIZATION, amount: 300_000 },
      { payeeKind: 'supplier', payeeName: MARKERS.supplierPayee, amount: 50_000 },
      { payeeKind: 'household', payeeName: `${MARKERS.householdPayee}乙`, amount: 150_000 },
    ],
  });
  const [failed, ...paid] = [...batch.items].reverse();
  await settlePayments(ctx(), key(), batch.id, {
    itemIds: paid.map((item) => item.id),
    outcome: 'paid',
    settledOn: '2026-04-10',
  });
  await settlePayments(ctx(), key(), batch.id, {
    itemIds: failed ? [failed.id] : [],
    outcome: 'failed',
    settledOn: '2026-04-11',
  });

  // B: 乌拉特中旗's project, funded by the region association's transfer, terminated, its money returned.
  projectB = await makeActiveProject(db, wltzq, {
    name: '乌拉特中旗饮水工程',
    category: 'infrastructure',
    infrastructureKind: 'water',
    budget: 0,
    plannedStart: '2026-01-01',
    plannedEnd: '2027-06-30',
    description: null,
  });
  await donate(db, region, 400_000);
  await transferFunds(ctx(), key(), {
    fundAccountId: await fundAccountId(db, region),
    toOrganizationId: wltzq.id,
    projectId: projectB.id,
    amount: 250_000,
    transferredOn: '2026-05-01',
  });
  await transitionProject(ctx(), projectB.id, { action: 'terminate', reason: '水源变更', on: '2026-06-01' });
  await handleRemainder(ctx(), key(), projectB.id, { mode: 'return', handledOn: '2026-06-15' });

  // Never public: a draft, and a project that was submitted but not approved.
  await makeProject(db, dengkou, { name: MARKERS.draftProject });
  const submitted = await makeProject(db, dengkou, { name: `${MARKERS.draftProject}（已申报）` });
  await transitionProject(ctx(), submitted.id, { action: 'submit' });
});
afterAll(() => server.close());

type Transaction = { type: string; fen: number };

/** The activities of an IATI file by identifier, with their codes and transactions, read with regexes. */
function activities(xml: string) {
  const found = new Map<string, { xml: string; transactions: Transaction[] }>();
  for (const [activity] of xml.matchAll(/<iati-activity[\s\S]*?<\/iati-activity>/g)) {
    const id = /<iati-identifier>([^<]*)<\/iati-identifier>/.exec(activity)?.[1] ?? '';
    const transactions = [...activity.matchAll(/<transaction [\s\S]*?<\/transaction>/g)].map(([t]) => ({
      type: /<transaction-type code="([^"]*)"/.exec(t)?.[1] ?? '',
      fen: parseYuanToFen(/<value [^>]*>([^<]*)<\/value>/.exec(t)?.[1] ?? '') ?? Number.NaN,
    }));
    found.set(id, { xml: activity, transactions });
  }
  return found;
}

const attributeValues = (xml: string, element: string, attribute: string) =>
  [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\b${attribute}="([^"]*)"`, 'g'))].map((match) => match[1]);

const sum = (transactions: readonly Transaction[], types: readonly string[]) =>
  transactions.filter((t) => types.includes(t.type)).reduce((total, t) => total + t.fen, 0);

const identifier = (ownerId: string, code: string) => `XI-TONGXIN-${ownerId}-${code}`;

describe('IATI 2.03 activities', () => {
  it('validate against the schema, use codelist values only, and sum to what the ledger says', async (t) => {
    const response = await anonymous(`/api/v1/public/opendata/iati.xml?organizationId=${net.orgs.region.id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    const xml = response.body;

    expect(attributeValues(xml, 'transaction-type', 'code').every((c) => TRANSACTION_TYPES.includes(c ?? ''))).toBe(
      true,
    );
    expect(attributeValues(xml, 'participating-org', 'role').every((c) => ORGANISATION_ROLES.includes(c ?? ''))).toBe(
      true,
    );
    for (const element of ['reporting-org', 'participating-org', 'provider-org', 'receiver-org'])
      expect(attributeValues(xml, element, 'type').every((c) => ORGANISATION_TYPES.includes(c ?? ''))).toBe(true);
    expect(attributeValues(xml, 'activity-status', 'code').every((c) => ACTIVITY_STATUSES.includes(c ?? ''))).toBe(
      true,
    );
    expect(attributeValues(xml, 'activity-date', 'type').every((c) => ACTIVITY_DATE_TYPES.includes(c ?? ''))).toBe(
      true,
    );
    expect(attributeValues(xml, 'sector', 'vocabulary')).toEqual(['1', '1']);
    expect(attributeValues(xml, 'sector', 'code').every((c) => DAC_PURPOSE_CODES.includes(c ?? ''))).toBe(true);
    expect(attributeValues(xml, 'value', 'currency').every((c) => c === 'CNY')).toBe(true);

    const found = activities(xml);
    expect([...found.keys()].sort()).toEqual(
      [identifier(net.orgs.dengkou.id, projectA.code), identifier(net.orgs.wltzq.id, projectB.code)].sort(),
    );
    for (const [project, owner] of [
      [projectA, net.orgs.dengkou],
      [projectB, net.orgs.wltzq],
    ] as const) {
      const ledger = await projectFunding(ctx(), project.id);
      const activity = found.get(identifier(owner.id, project.code));
      expect(activity).toBeDefined();
      const transactions = activity?.transactions ?? [];
      expect(sum(transactions, ['1'])).toBe(ledger.received - ledger.returned);
      expect(sum(transactions, ['3', '4'])).toBe(ledger.spent);
    }

    const a = found.get(identifier(net.orgs.dengkou.id, projectA.code));
    // Received 1,000,000 plus a reversed 100,000; paid 650,001 of which 300,000 to the cooperative.
    expect(a?.transactions.slice(0, 3)).toEqual([
      { type: '1', fen: 1_000_000 },
      { type: '1', fen: 100_000 },
      { type: '1', fen: -100_000 },
    ]);
    // The cooperative is named in a Disbursement; households, the person and the supplier are Expenditures.
    expect(
      a?.transactions
        .slice(3)
        .map((t) => t.type)
        .sort(),
    ).toEqual(['3', '4', '4', '4']);
    expect(sum(a?.transactions ?? [], ['3'])).toBe(300_000);
    expect(sum(a?.transactions ?? [], ['4'])).toBe(350_001);
    expect(a?.xml).toContain('<value currency="CNY" value-date="2026-04-10">3000.00</value>');
    expect(a?.xml).toContain('<value currency="CNY" value-date="2026-03-06">-1000.00</value>');
    expect(a?.xml).toContain('<activity-status code="2"/>');
    expect(a?.xml).toContain('code="31120"');
    // Donors as they chose: the company by name, the surname-only donor as 王女士, the anonymous one as such.
    expect(a?.xml).toContain(`<narrative>家和房地产${m}</narrative>`);
    expect(a?.xml).toContain('<narrative>王女士</narrative>');
    expect(a?.xml).toContain('<narrative>匿名捐赠人</narrative>');

    const b = found.get(identifier(net.orgs.wltzq.id, projectB.code));
    // Terminated is reported as cancelled; water infrastructure has its own purpose code; the region
    // association that transferred the money is a funder, and got it back.
    expect(b?.xml).toContain('<activity-status code="5"/>');
    expect(b?.xml).toContain('code="14030"');
    expect(b?.transactions).toEqual([
      { type: '1', fen: 250_000 },
      { type: '1', fen: -250_000 },
    ]);
    expect(b?.xml).toContain(`ref="XI-TONGXIN-${net.orgs.region.id}" role="1"`);

    validateIati(t, xml);
  });

  it('is narrowed to an organization’s subtree and a year, and says so when nothing is left', async () => {
    const dengkou = activities(
      (await anonymous(`/api/v1/public/opendata/iati.xml?organizationId=${net.orgs.dengkou.id}&year=2026`)).body,
    );
    expect([...dengkou.keys()]).toEqual([identifier(net.orgs.dengkou.id, projectA.code)]);

    const none = await anonymous(`/api/v1/public/opendata/iati.xml?organizationId=${net.orgs.dengkou.id}&year=2030`);
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ error: { code: 'OPEN_DATA_NO_ACTIVITIES' } });

    const unknown = await anonymous(`/api/v1/public/opendata/iati.xml?organizationId=${randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'OPEN_DATA_ORGANIZATION_NOT_FOUND' } });
  });
});

describe('360Giving grants', () => {
  it('list allocations and transfers to projects and payments to organizations, as JSON and as CSV', async () => {
    const query = `organizationId=${net.orgs.region.id}`;
    const json = await anonymous(`/api/v1/public/opendata/360giving.json?${query}`);
    expect(json.statusCode, json.body).toBe(200);
    const { grants } = json.json<TGrantPackage>();
    expect(grants.map((g) => [g.awardDate, g.amountAwarded, g.fundingOrganization[0]?.name])).toEqual([
      ['2026-03-02', 10000, net.orgs.dengkou.name],
      ['2026-04-10', 3000, net.orgs.dengkou.name],
      ['2026-05-01', 2500, net.orgs.region.name],
    ]);
    expect(grants[1]?.recipientOrganization[0]?.name).toBe(PAYEE_ORGANIZATION);
    expect(grants[2]?.recipientOrganization[0]).toEqual({
      id: `XI-TONGXIN-${net.orgs.wltzq.id}`,
      name: net.orgs.wltzq.name,
    });
    expect(grants.every((g) => g.id.startsWith('360G-TONGXIN-') && g.currency === 'CNY')).toBe(true);
    expect(grants[0]?.beneficiaryLocation).toEqual([
      { name: expect.stringContaining('磴口') as string, countryCode: 'CN' },
    ]);

    const csv = await anonymous(`/api/v1/public/opendata/360giving.csv?${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,' +
        'Funding Org:Identifier,Funding Org:Name,Beneficiary Location:Name,Beneficiary Location:Country Code',
    );
    expect(lines).toHaveLength(grants.length + 2);
    expect(lines[1]).toContain(',CNY,10000.00,2026-03-02,');
    // The cooperative's name has a quote and a comma: quoted, the quote doubled.
    expect(lines[2]).toContain(`,"${PAYEE_ORGANIZATION.replace(/"/g, '""')}",`);

    const thisYear = await anonymous(`/api/v1/public/opendata/360giving.json?${query}&year=2025`);
    expect(thisYear.json<TGrantPackage>().grants).toEqual([]);
  });
});

describe('open data and personal data', () => {
  it('never carries donor or beneficiary details, nor projects that were never public', async () => {
    const bodies = await Promise.all(
      [
        '/api/v1/public/opendata/iati.xml',
        '/api/v1/public/opendata/360giving.json',
        '/api/v1/public/opendata/360giving.csv',
        `/api/v1/public/opendata/iati.xml?organizationId=${net.orgs.dengkou.id}`,
      ].map(async (url) => (await anonymous(url)).body),
    );
    for (const body of bodies) {
      expect(body.length).toBeGreaterThan(100);
      for (const marker of Object.values(MARKERS)) expect(body).not.toContain(marker);
    }
  });
});
