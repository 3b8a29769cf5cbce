import { randomUUID } from 'node:crypto';
import {
  idNumberCheckCharacter,
  PAGE_SIZE_MAX,
  type TDonorDisplay,
  type TPage,
  type TPortalDisclosures,
  type TPortalOrganization,
  type TPortalProject,
  type TPortalProjectListItem,
  type TPortalReceiptTrace,
  type TProjectFile,
  type TPublicPublication,
  type TPublicPublicationListItem,
} from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allocateToProject,
  createPaymentBatch,
  receiptsOfDonation,
  recordDonation,
  settlePayments,
} from './modules/funds/index.js';
import { uploadPublicationFile } from './modules/publications/index.js';
import { addPerson, createHousehold } from './modules/registry/index.js';
import { PUBLIC_PREFIXES, PUBLIC_ROUTES } from './platform/access/index.js';
import { systemContext } from './platform/context.js';
import { makeNetwork, makeOrganization, type Network } from './test-support/factories.js';
import { fundAccountId, makeActiveProject, makeDonor } from './test-support/funds-factories.js';
import { jpegWithGps } from './test-support/images.js';
import { attachPdf, makePublication, uploadForm } from './test-support/publication-factories.js';
import { loadTestVillages, makeVillage, testVillageCode } from './test-support/registry-factories.js';
import { signIn, startTestServer, type Client, type TestServer } from './test-support/test-app.js';

// Issue #6: personal data planted in the registry and the donor records must not reach anyone who is not
// signed in. The crawl starts from the list routes and follows the organizations, projects, photos,
// publications and files they name, and every answer is searched whole (headers and bytes), so a new field
// on an old route is covered without this file knowing of it; a route in PUBLIC_ROUTES or PUBLIC_PREFIXES
// that the crawl never reached fails the test instead of passing unseen.

/** A well-formed ID number (GB 11643 check character) with a birth date no other record here carries. */
function idNumber(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

const ID_HEAD = idNumber('150822', '19670823', '417');
const ID_MEMBER = idNumber('150822', '19930514', '628');

/** What may never be shown in clear: each value with what it is, for the failure message. */
type Marker = { what: string; value: string };

/** A name, and its given name alone: a surname-only display must not keep the rest of it either. */
const name = (what: string, value: string): Marker[] => [
  { what, value },
  { what: `${what}, given name`, value: value.slice(1) },
];

/**
 * A mobile number in the forms people write it, and the masked form's hidden middle joined to either
 * visible end: 139****4821 is fine, 1390736 or 07364821 is the middle given away.
 */
const phone = (what: string, value: string): Marker[] => [
  { what, value },
  { what: `${what} spaced`, value: `${value.slice(0, 3)} ${value.slice(3, 7)} ${value.slice(7)}` },
  { what: `${what} hyphenated`, value: `${value.slice(0, 3)}-${value.slice(3, 7)}-${value.slice(7)}` },
  { what: `${what}, first seven`, value: value.slice(0, 7) },
  { what: `${what}, last eight`, value: value.slice(3) },
];

/** An ID number, its hidden middle (150822********1234 and 1508**********1234 both hide the birth date). */
const identity = (what: string, value: string): Marker[] => [
  { what, value },
  { what: `${what}, middle`, value: value.slice(4, 14) },
  { what: `${what}, birth date`, value: value.slice(6, 14) },
  { what: `${what}, birth date`, value: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}` },
];

/** An address, and what comes after the six characters a masked address keeps. */
const address = (what: string, value: string): Marker[] => [
  { what, value },
  { what: `${what}, after the masked prefix`, value: [...value].slice(6).join('') },
];

const PEOPLE = {
  head: '白标记甲',
  member: '白标记乙',
  surnameMr: '张标记丙',
  surnameMs: '刘标记丁',
  surnameUntitled: '周标记辛',
  anonymous: '赵标记戊',
  householdPayee: '钱标记己',
  personPayee: '孙标记庚',
};
const CONTACTS = {
  householdPhone: '13907364821',
  donorPhone: '18604718293',
  orgPhone: '15847913562',
  householdAddress: '内蒙古磴口县标记丙村西三排七号',
  donorAddress: '呼和浩特市新城区标记丁小区九号楼',
  orgAddress: '巴彦淖尔市临河区标记庚大街十一号',
};

const MARKERS: Marker[] = [
  ...name('household head', PEOPLE.head),
  ...name('household member', PEOPLE.member),
  ...name('donor shown by surname (先生)', PEOPLE.surnameMr),
  ...name('donor shown by surname (女士)', PEOPLE.surnameMs),
  ...name('donor shown by surname, no salutation', PEOPLE.surnameUntitled),
  ...name('anonymous donor', PEOPLE.anonymous),
  ...name('household payee', PEOPLE.householdPayee),
  ...name('person payee', PEOPLE.personPayee),
  ...identity('head ID number', ID_HEAD),
  ...identity('member ID number', ID_MEMBER),
  ...phone('household phone', CONTACTS.householdPhone),
  ...phone('donor phone', CONTACTS.donorPhone),
  ...phone('organization phone', CONTACTS.orgPhone),
  ...address('household address', CONTACTS.householdAddress),
  ...address('donor address', CONTACTS.donorAddress),
  ...address('organization address', CONTACTS.orgAddress),
];

/**
 * Record ids and who entered what, known once planted: none is a name, but a household's or donor's id
 * on a public page links records the public may see apart, and staff usernames are sign-in names.
 */
const identifiers: Marker[] = [];

// Positive controls: what the portal is meant to show, so that a crawl reaching nothing cannot pass.
const FULL_NAME_DONOR = '王公开';
const SUPPLIER = '磴口县标记合作社';

let server: TestServer;
let net: Network;
let county: Client;
let projectId: string;
let publicationId: string;
const gifts = new Map<string, string>();
/** Every receipt number and verification code of the planted gifts, as the donors hold them. */
let receipts: { number: string; code: string }[];

/** A JPEG as a phone writes it, with more of the owner's data in a comment the camera app added. */
function phonePhoto(): Buffer {
  const photo = jpegWithGps();
  const comment = Buffer.from(`${PEOPLE.head} ${CONTACTS.householdPhone} ${CONTACTS.householdAddress}`);
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), comment]);
  segment.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([photo.subarray(0, 2), segment, photo.subarray(2)]);
}

async function plantRegistry(db: TestServer['database']['db']) {
  const ctx = systemContext(db.executor);
  const village = await makeVillage(db, net.orgs.dengkou, testVillageCode('150822', 2));
  const household = await createHousehold(ctx, {
    villageId: village.id,
    type: 'registered',
    identifiedYear: 2014,
    mainCause: 1,
    address: CONTACTS.householdAddress,
    phone: CONTACTS.householdPhone,
    head: { name: PEOPLE.head, idNumber: ID_HEAD, gender: 'male' },
    effectiveOn: '2014-06-01',
  });
  const member = await addPerson(ctx, household.id, {
    relation: 'spouse',
    name: PEOPLE.member,
    idNumber: ID_MEMBER,
    gender: 'female',
  });
  identifiers.push(
    { what: 'household id', value: household.id },
    { what: 'household head id', value: household.members[0]?.id ?? '' },
    { what: 'household member id', value: member.id },
  );
  return { village, household };
}

async function plantMoney(db: TestServer['database']['db'], householdId: string) {
  const ctx = systemContext(db.executor);
  const give = async (
    donorName: string,
    displayAs: TDonorDisplay,
    salutation: 'mr' | 'ms' | null,
    isRelatedParty = false,
  ) => {
    const donor = await makeDonor(db, net.orgs.dengkou, {
      name: donorName,
      salutation,
      isRelatedParty,
      phone: CONTACTS.donorPhone,
      address: CONTACTS.donorAddress,
      note: `${donorName} ${CONTACTS.donorPhone}`,
    });
    const donation = await recordDonation(ctx, randomUUID(), {
      organizationId: net.orgs.dengkou.id,
      donorId: donor.id,
      form: 'money',
      method: 'bank_transfer',
      amount: 100_000,
      designation: { kind: 'project', projectId },
      displayAs,
      receivedOn: '2026-03-01',
      note: `${donorName} 住 ${CONTACTS.donorAddress}`,
    });
    gifts.set(donorName, donation.id);
    // A donor's id on a public page would tie an anonymous gift to the same donor's named ones.
    identifiers.push({ what: `id of donor ${donorName}`, value: donor.id });
  };
  await give(FULL_NAME_DONOR, 'full_name', 'mr');
  await give(PEOPLE.surnameMr, 'surname', 'mr');
  await give(PEOPLE.surnameMs, 'surname', 'ms');
  await give(PEOPLE.surnameUntitled, 'surname', null);
  // A related party's gifts are disclosed apart (and their ledger memo names the donor): still anonymous.
  await give(PEOPLE.anonymous, 'anonymous', 'mr', true);

  await allocateToProject(ctx, randomUUID(), {
    fundAccountId: await fundAccountId(db, net.orgs.dengkou, '定向项目'),
    projectId,
    amount: 500_000,
    allocatedOn: '2026-03-02',
  });
  const batch = await createPaymentBatch(ctx, randomUUID(), {
    projectId,
    title: '母羊款',
    approvedOn: '2026-03-03',
    items: [
      {
        payeeKind: 'household',
        payeeName: PEOPLE.householdPayee,
        householdId,
        amount: 120_000,
        note: `${CONTACTS.householdAddress} ${CONTACTS.householdPhone}`,
      },
      { payeeKind: 'person', payeeName: PEOPLE.personPayee, amount: 80_000, note: ID_MEMBER },
      { payeeKind: 'organization', payeeName: SUPPLIER, amount: 50_000 },
    ],
  });
  await settlePayments(ctx, randomUUID(), batch.id, {
    itemIds: batch.items.map((item) => item.id),
    outcome: 'paid',
    settledOn: '2026-03-05',
  });
  receipts = [];
  for (const donationId of gifts.values()) {
    for (const receipt of await receiptsOfDonation(ctx, donationId))
      receipts.push({ number: receipt.number, code: receipt.verificationCode });
  }
}

async function plantReport() {
  const upload = await uploadForm(
    server.app,
    county,
    `/api/v1/projects/${projectId}/files`,
    { kind: 'photo', isPublic: 'true' },
    { name: '母羊发放.jpg', bytes: phonePhoto() },
  );
  expect(upload.statusCode, upload.body).toBe(201);
  const photo = upload.json<TProjectFile>();
  const report = await county.post(`/api/v1/projects/${projectId}/reports`, {
    kind: 'progress',
    reportedOn: '2026-03-10',
    text: '已购入基础母羊 200 只，分发到 40 户。',
    figures: [{ label: '母羊', value: 200, unit: '只' }],
    isPublic: true,
    photoIds: [photo.id],
  });
  expect(report.statusCode, report.body).toBe(201);
}

async function plantPublication(db: TestServer['database']['db']) {
  const publication = await makePublication(db, net.orgs.dengkou, { title: '磴口县帮扶工作简报' });
  await attachPdf(db, server.database.dataDir, publication.id, '简报全文.pdf');
  await uploadPublicationFile(systemContext(db.executor), publication.id, {
    role: 'cover',
    fileName: '封面.jpg',
    bytes: phonePhoto(),
    dataDir: server.database.dataDir,
  });
  const published = await county.post(`/api/v1/publications/${publication.id}/transitions`, { action: 'publish' });
  expect(published.statusCode, published.body).toBe(200);
  publicationId = publication.id;
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.database.db;
  net = await makeNetwork(db);
  await loadTestVillages(db);
  county = await signIn(server.app, net.users.dengkouAdmin.username);
  identifiers.push({
    what: 'username of the staff who reported and published',
    value: net.users.dengkouAdmin.username,
  });
  await makeOrganization(db, {
    name: '磴口县标记基金会',
    parent: net.orgs.dengkou,
    phone: CONTACTS.orgPhone,
    address: CONTACTS.orgAddress,
  });
  const { village, household } = await plantRegistry(db);
  projectId = (
    await makeActiveProject(db, net.orgs.dengkou, {
      name: '磴口县肉羊养殖帮扶项目',
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
      targetVillageIds: [village.id],
      householdIds: [household.id],
    })
  ).id;
  await plantMoney(db, household.id);
  await plantReport();
  await plantPublication(db);
});
afterAll(() => server.close());

// ── The crawl ────────────────────────────────────────────────────────────────

type Answer = { request: string; route: string; status: number; headers: string; body: Buffer; type: string };

const ROUTE_PATTERNS = PUBLIC_ROUTES.map((route) => {
  const [method = '', path = ''] = route.split(' ');
  return { route, method, pattern: new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}$`) };
});

function routeOf(method: string, url: string): string {
  const path = url.split('?')[0] ?? url;
  const listed = ROUTE_PATTERNS.find((r) => r.method === method && r.pattern.test(path));
  if (listed) return listed.route;
  const prefix = PUBLIC_PREFIXES.find((p) => path === p || path.startsWith(`${p}/`));
  if (prefix) return prefix;
  throw new Error(`${method} ${url} is not public: the crawl only goes where anyone may go`);
}

/**
 * Everything anyone may reach, in one language: the lists page by page, then every organization, project,
 * photo, publication and file the lists and pages name, the receipts the donors hold, the open-data files
 * whole and filtered, and the API documentation.
 */
async function crawl(lang: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  const send = async (method: 'GET' | 'POST', url: string, payload?: Record<string, string>, expected = 200) => {
    const response = await server.app.inject({
      method,
      url,
      headers: { 'accept-language': lang },
      ...(payload ? { payload } : {}),
    });
    const answer: Answer = {
      request: `${method} ${url} (${lang})`,
      route: routeOf(method, url),
      status: response.statusCode,
      headers: JSON.stringify(response.headers),
      body: response.rawPayload,
      type: String(response.headers['content-type'] ?? ''),
    };
    expect(answer.status, `${answer.request}: ${response.body.slice(0, 300)}`).toBe(expected);
    answers.push(answer);
    return answer;
  };
  const json = async <T>(url: string) => JSON.parse((await send('GET', url)).body.toString('utf8')) as T;
  const allPages = async <T>(url: string) => {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const answer = await json<TPage<T>>(`${url}?page=${page}&pageSize=${PAGE_SIZE_MAX}`);
      items.push(...answer.items);
      if (page * answer.pageSize >= answer.total) return items;
    }
  };

  await send('GET', '/api/health');
  await send('GET', '/api/v1/openapi.json');
  await send('POST', '/api/v1/auth/login', { username: 'nobody', password: 'not-the-password' }, 401);

  const projectIds = new Set<string>();
  const publicationIds = new Set<string>();
  const organizations = await allPages<TPortalOrganization>('/api/v1/public/organizations');
  for (const organization of organizations) {
    await send('GET', `/api/v1/public/organizations/${organization.id}`);
    const disclosures = await json<TPortalDisclosures>(`/api/v1/public/organizations/${organization.id}/disclosures`);
    for (const project of disclosures.projects) projectIds.add(project.id);
    for (const publication of disclosures.publications) publicationIds.add(publication.id);
  }
  for (const project of await allPages<TPortalProjectListItem>('/api/v1/public/projects')) projectIds.add(project.id);
  for (const id of projectIds) {
    const project = await json<TPortalProject>(`/api/v1/public/projects/${id}`);
    for (const photo of project.reports.flatMap((report) => report.photos))
      await send('GET', `/api/v1/public/projects/${id}/photos/${photo.id}`);
  }
  for (const publication of await allPages<TPublicPublicationListItem>('/api/v1/public/publications'))
    publicationIds.add(publication.id);
  for (const id of publicationIds) {
    const publication = await json<TPublicPublication>(`/api/v1/public/publications/${id}`);
    const files = [...(publication.cover ? [publication.cover] : []), ...publication.attachments];
    for (const file of files) await send('GET', `/api/v1/public/publications/${id}/files/${file.id}`);
  }
  for (const receipt of receipts) await send('POST', '/api/v1/public/receipts/verify', receipt);
  for (const file of ['iati.xml', '360giving.json', '360giving.csv'])
    for (const query of ['', '?year=2026', `?organizationId=${net.orgs.dengkou.id}`])
      await send('GET', `/api/v1/public/opendata/${file}${query}`);
  for (const prefix of PUBLIC_PREFIXES) {
    // The documentation answers its bare address with a redirect; follow it as a browser would.
    let url = prefix;
    for (let hop = 0; hop < 5; hop++) {
      const response = await server.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
        url = new URL(location, `http://localhost${url}`).pathname;
        continue;
      }
      await send('GET', url);
      break;
    }
  }
  return answers;
}

// ── Reading what came back ───────────────────────────────────────────────────

/** Escapes that hide text from a plain search: JSON \u, XML character references, percent-encoding. */
function unescaped(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_whole, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_whole, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/(%[0-9A-Fa-f]{2})+/g, (encoded) => {
      try {
        return decodeURIComponent(encoded);
      } catch {
        return encoded;
      }
    });
}

/** The bytes read every way a file may hold text: UTF-8, Latin-1 (digits in any 8-bit text), UTF-16 both ends. */
function readings(answer: Answer): string[] {
  const swapped = Buffer.from(answer.body);
  swapped.subarray(0, swapped.length - (swapped.length % 2)).swap16();
  const texts = [
    answer.headers,
    answer.body.toString('utf8'),
    answer.body.toString('latin1'),
    answer.body.toString('utf16le'),
    swapped.toString('utf16le'),
  ];
  return texts.flatMap((text) => [text, unescaped(text)]).map((text) => text.toLowerCase());
}

function leaksOf(answers: readonly Answer[]): string[] {
  const leaks: string[] = [];
  for (const answer of answers) {
    const texts = readings(answer);
    for (const marker of [...MARKERS, ...identifiers])
      if (texts.some((text) => text.includes(marker.value.toLowerCase())))
        leaks.push(`${answer.request} shows the ${marker.what} (${marker.value})`);
  }
  return leaks;
}

/** The segments of a JPEG before its image data: what a stripped photo may still say about itself. */
function jpegHeaderSegments(bytes: Buffer): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return markers;
}

const text = (answers: readonly Answer[], route: string) =>
  answers
    .filter((a) => a.route === route)
    .map((a) => a.body.toString('utf8'))
    .join('\n');

describe('personal data on everything anyone can reach without signing in', () => {
  let answers: Answer[];

  beforeAll(async () => {
    answers = [...(await crawl('zh-CN')), ...(await crawl('en'))];
  });

  it('reaches every public route and prefix, and through them what was planted', () => {
    const reached = new Set(answers.map((a) => a.route));
    expect([...PUBLIC_ROUTES, ...PUBLIC_PREFIXES].filter((route) => !reached.has(route))).toEqual([]);

    expect(text(answers, 'GET /api/v1/public/projects/:id')).toContain('磴口县肉羊养殖帮扶项目');
    const photos = answers.filter((a) => a.request.startsWith(`GET /api/v1/public/projects/${projectId}/photos/`));
    expect(photos.map((a) => a.type)).toEqual(['image/jpeg', 'image/jpeg']);
    const files = answers.filter((a) =>
      a.request.startsWith(`GET /api/v1/public/publications/${publicationId}/files/`),
    );
    expect(files.map((a) => a.type).sort()).toEqual(
      ['application/pdf', 'application/pdf', 'image/jpeg', 'image/jpeg'].sort(),
    );
    expect(answers.filter((a) => a.route === 'POST /api/v1/public/receipts/verify').length).toBe(2 * gifts.size);
    expect(text(answers, 'GET /api/v1/public/opendata/360giving.csv')).toContain('磴口县肉羊养殖帮扶项目');
  });

  it('would notice a marker however an answer writes it', () => {
    const [marker] = MARKERS;
    if (!marker) throw new Error('no markers');
    const utf16be = Buffer.from(marker.value, 'utf16le');
    utf16be.swap16();
    const written = [
      Buffer.from(JSON.stringify({ name: marker.value })),
      Buffer.from(
        JSON.stringify({ name: marker.value }).replace(/\P{ASCII}/gu, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
      ),
      Buffer.from([...marker.value].map((c) => `&#x${(c.codePointAt(0) ?? 0).toString(16)};`).join('')),
      Buffer.from([...marker.value].map((c) => `&#${c.codePointAt(0) ?? 0};`).join('')),
      Buffer.from(marker.value, 'utf16le'),
      utf16be,
    ];
    const fake = (body: Buffer, headers = '{}'): Answer => ({
      request: 'fake',
      route: '',
      status: 200,
      headers,
      body,
      type: '',
    });
    for (const body of written) expect(leaksOf([fake(body)]), body.toString('latin1')).not.toEqual([]);
    const header = JSON.stringify({
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(marker.value)}.pdf`,
    });
    expect(leaksOf([fake(Buffer.alloc(0), header)])).not.toEqual([]);
    expect(leaksOf([fake(Buffer.from(`${ID_HEAD.slice(0, 6)}********${ID_HEAD.slice(-4)} 139****4821`))])).toEqual([]);
  });

  it('shows no planted name, ID number, phone or address in any answer, header or file', () => {
    expect(leaksOf(answers)).toEqual([]);
  });

  it('shows donors as they chose (full name, 张先生 / 刘女士, 匿名) and payees who are people masked', () => {
    const project = answers.find((a) => a.request === `GET /api/v1/public/projects/${projectId} (zh-CN)`);
    const shown = JSON.parse(project?.body.toString('utf8') ?? '{}') as TPortalProject;
    expect(shown.funding.donations.map((d) => d.publicName).sort()).toEqual(
      [FULL_NAME_DONOR, '张先生', '刘女士', '周**辛', '匿名'].sort(),
    );

    const tracesIn = (lang: string) =>
      answers
        .filter((a) => a.route === 'POST /api/v1/public/receipts/verify' && a.request.endsWith(`(${lang})`))
        .map((a) => JSON.parse(a.body.toString('utf8')) as TPortalReceiptTrace);
    expect(new Set(tracesIn('zh-CN').map((t) => t.gift.publicName))).toEqual(
      new Set([FULL_NAME_DONOR, '张先生', '刘女士', '周**辛', '匿名']),
    );
    // In English the same choices: a surname with a title, or no name at all.
    expect(new Set(tracesIn('en').map((t) => t.gift.publicName))).toEqual(
      new Set([FULL_NAME_DONOR, 'Mr 张', 'Ms 刘', '周**辛', 'Anonymous']),
    );
    const traces = [...tracesIn('zh-CN'), ...tracesIn('en')];
    // Payees who are people appear masked in a gift's trace, never by name.
    const paidTo = traces.flatMap((t) => t.steps.flatMap((s) => (s.direction === 'out' ? [s.to ?? ''] : [])));
    expect(paidTo.join('\n')).toMatch(/钱\*\*己|孙\*\*庚/);

    // IATI names the funders as they chose; grants are allocations and payments, so only organizations.
    const iati = text(answers, 'GET /api/v1/public/opendata/iati.xml');
    for (const shown of [FULL_NAME_DONOR, '张先生', '刘女士', '周**辛', '匿名', SUPPLIER])
      expect(iati).toContain(shown);
    for (const file of ['360giving.json', '360giving.csv'])
      expect(text(answers, `GET /api/v1/public/opendata/${file}`), file).toContain(SUPPLIER);
  });

  it('serves photos without their EXIF, GPS position or comments', () => {
    const photos = answers.filter((a) => a.type.startsWith('image/jpeg'));
    // The report's photo and the publication's cover, in both languages.
    expect(photos.length).toBeGreaterThanOrEqual(4);
    for (const photo of photos) {
      // APP1 (EXIF, XMP), APP13 (IPTC) and comments are where a camera writes where and by whom.
      for (const marker of [0xe1, 0xed, 0xfe])
        expect(jpegHeaderSegments(photo.body), photo.request).not.toContain(marker);
      expect(photo.body.includes(Buffer.from('Exif\0\0')), photo.request).toBe(false);
      expect(photo.body.includes(Buffer.from('GPS')), photo.request).toBe(false);
    }
  });
});
