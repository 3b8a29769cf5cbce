import type { TOrganization, TRole } from '@tongxin/contracts';
import { createUser } from '../modules/accounts/index.js';
import { createOrganization } from '../modules/organizations/index.js';
import { createProject } from '../modules/projects/index.js';
import { systemContext } from '../platform/context.js';
import type { Database } from '../platform/db/index.js';

export const TEST_PASSWORD = 'testpass123';

let counter = 0;
/** A suffix that keeps names and usernames unique within a database shared by a file's tests. */
export function unique(): string {
  counter += 1;
  return `${process.pid.toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Test networks are on record from this date, so that tests can date changes in the past. */
export const NETWORK_SINCE = '2010-01-01';

type OrgInput = Parameters<typeof createOrganization>[1];

export async function makeOrganization(db: Database, input: Partial<OrgInput> & { parent?: TOrganization | null }) {
  const { parent, ...rest } = input;
  return createOrganization(systemContext(db.executor), {
    name: `测试组织${unique()}`,
    type: 'association',
    level: 'county',
    regionCode: '150822',
    parentId: parent?.id ?? null,
    effectiveOn: NETWORK_SINCE,
    ...rest,
  });
}

export async function makeUser(
  db: Database,
  organization: TOrganization,
  role: TRole,
  options: { mustChange?: boolean } = {},
) {
  const username = `u${unique()}`;
  const result = await createUser(systemContext(db.executor), {
    username,
    displayName: `用户${username}`,
    role,
    organizationId: organization.id,
    ...(options.mustChange ? {} : { password: TEST_PASSWORD }),
  });
  return { ...result.user, password: result.temporaryPassword ?? TEST_PASSWORD };
}

/**
 * A small network like the real ones: an Inner Mongolia region association with two leagues and three
 * counties (磴口 and 乌拉特中旗 are siblings under 巴彦淖尔), a civil-affairs supervisor for region 15, and
 * an unrelated Fujian network.
 */
export async function makeNetwork(db: Database) {
  const s = unique();
  const region = await makeOrganization(db, { name: `内蒙古促进会${s}`, level: 'provincial', regionCode: '150000' });
  const bayannur = await makeOrganization(db, {
    name: `巴彦淖尔促进会${s}`,
    level: 'prefecture',
    regionCode: '150800',
    parent: region,
  });
  const ulanqab = await makeOrganization(db, {
    name: `乌兰察布促进会${s}`,
    level: 'prefecture',
    regionCode: '150900',
    parent: region,
  });
  const dengkou = await makeOrganization(db, {
    name: `磴口县促进会${s}`,
    level: 'county',
    regionCode: '150822',
    parent: bayannur,
  });
  const wltzq = await makeOrganization(db, {
    name: `乌拉特中旗促进会${s}`,
    level: 'county',
    regionCode: '150824',
    parent: bayannur,
  });
  const siziwang = await makeOrganization(db, {
    name: `四子王旗促进会${s}`,
    level: 'county',
    regionCode: '150929',
    parent: ulanqab,
  });
  const civil = await makeOrganization(db, {
    name: `内蒙古民政厅${s}`,
    type: 'government',
    level: 'provincial',
    regionCode: '150000',
  });
  const fujian = await makeOrganization(db, { name: `福建老促会${s}`, level: 'provincial', regionCode: '350000' });
  const sanming = await makeOrganization(db, {
    name: `三明老促会${s}`,
    level: 'prefecture',
    regionCode: '350400',
    parent: fujian,
  });
  const users = {
    regionAdmin: await makeUser(db, region, 'org_admin'),
    bayannurAdmin: await makeUser(db, bayannur, 'org_admin'),
    dengkouAdmin: await makeUser(db, dengkou, 'org_admin'),
    dengkouStaff: await makeUser(db, dengkou, 'org_staff'),
    wltzqAdmin: await makeUser(db, wltzq, 'org_admin'),
    regionAuditor: await makeUser(db, region, 'auditor'),
    civilSupervisor: await makeUser(db, civil, 'supervisor'),
    fujianAdmin: await makeUser(db, fujian, 'org_admin'),
  };
  return { orgs: { region, bayannur, ulanqab, dengkou, wltzq, siziwang, civil, fujian, sanming }, users };
}

export type Network = Awaited<ReturnType<typeof makeNetwork>>;

export async function makeProject(
  db: Database,
  owner: TOrganization,
  overrides: Partial<Parameters<typeof createProject>[1]> = {},
) {
  return createProject(systemContext(db.executor), {
    ownerOrganizationId: owner.id,
    name: `测试项目${unique()}`,
    category: 'industry',
    budget: 20_000_000,
    plannedStart: '2024-03-01',
    plannedEnd: '2025-02-28',
    targetRegionCodes: owner.regionCode ? [owner.regionCode] : [],
    ...overrides,
  });
}
