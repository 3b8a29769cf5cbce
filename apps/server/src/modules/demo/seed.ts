import { creditCodeCheckCharacter, type TOrganizationType } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import { createUser, userIdByUsername } from '../accounts/index.js';
import { addMember, createOrganization, findOrganizations, moveOrganization } from '../organizations/index.js';
import { isProvinceLoaded, loadProvince } from '../regions/index.js';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, type DemoOrganization } from './networks.js';
import { seedFundsDemo } from './funds-seed.js';
import { seedHistoryDemo } from './history-seed.js';
import { seedPortalDemo } from './portal-seed.js';
import { seedProjectDemo } from './project-seed.js';
import { seedPublicationDemo } from './publications-seed.js';
import { seedRegistryDemo } from './registry-seed.js';

/** GB 32100 authority and category digits: 51 civil-affairs social group, 91 enterprise, 11 state organ. */
const CREDIT_PREFIX: Record<TOrganizationType, string> = {
  association: '51',
  social_group: '51',
  foundation: '53',
  social_service: '52',
  government: '11',
  enterprise: '91',
  bank: '91',
  school: '12',
};

/** A well-formed, fictitious credit code: prefix, region, a serial as organization code, check character. */
export function demoCreditCode(org: DemoOrganization, serial: number): string {
  const first17 = `${CREDIT_PREFIX[org.type]}${org.regionCode}${String(700_000_000 + serial)}`;
  return `${first17}${creditCodeCheckCharacter(first17) ?? '0'}`;
}

export type DemoLogin = { username: string; displayName: string; organization: string; role: string };
export type DemoReport = { created: boolean; logins: DemoLogin[]; password: string };

export type DemoProgress = (step: string) => void;

/**
 * Loads the demo networks and users. Idempotent: organizations are recognised by credit code and users by
 * username, so a second run adds only what is missing.
 */
export async function seedDemo(ctx: ServiceContext, onStep: DemoProgress = () => undefined): Promise<DemoReport> {
  for (const province of ['15', '35']) {
    if (!(await isProvinceLoaded(ctx.db, province))) {
      onStep(`regions ${province}`);
      await loadProvince(ctx, province, null);
    }
  }
  const ids = new Map<string, string>();
  let created = false;
  for (const [serial, org] of DEMO_ORGANIZATIONS.entries()) {
    const creditCode = demoCreditCode(org, serial);
    const existing = await findOrganizations(ctx, { q: creditCode, pageSize: 1 });
    const found = existing.items.find((item) => item.creditCode === creditCode);
    if (found) {
      ids.set(org.key, found.id);
      continue;
    }
    onStep(org.name);
    const parentKey = org.movedFrom?.parent ?? org.parent;
    const parentSince = DEMO_ORGANIZATIONS.find((candidate) => candidate.key === parentKey)?.establishedOn ?? '';
    // Joining the network cannot precede the parent: a bank founded in 2005 joins an association of 2009 in 2009.
    const joinedOn = org.establishedOn > parentSince ? org.establishedOn : parentSince;
    const saved = await createOrganization(ctx, {
      name: org.name,
      shortName: org.shortName ?? null,
      type: org.type,
      level: org.level,
      regionCode: org.regionCode,
      creditCode,
      establishedOn: org.establishedOn,
      parentId: parentKey ? (ids.get(parentKey) ?? null) : null,
      effectiveOn: joinedOn,
    });
    ids.set(org.key, saved.id);
    if (org.movedFrom && org.parent) {
      await moveOrganization(ctx, saved.id, {
        parentId: ids.get(org.parent) ?? '',
        effectiveOn: org.movedFrom.on,
        changeNote: '按属地管理原则，调整为由盟市促进会直接联系',
      });
    }
    if (org.member) {
      await addMember(ctx, ids.get(org.member.of) ?? '', {
        memberId: saved.id,
        role: org.member.role,
        term: org.member.term,
        startsOn: '2013-01-15',
      });
    }
    created = true;
  }
  const logins: DemoLogin[] = [];
  for (const user of DEMO_USERS) {
    const organizationId = ids.get(user.organization) ?? '';
    if (!(await userIdByUsername(ctx.db, user.username))) {
      await createUser(ctx, {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        organizationId,
        password: DEMO_PASSWORD,
      });
      created = true;
    }
    const orgName = DEMO_ORGANIZATIONS.find((org) => org.key === user.organization)?.name ?? '';
    logins.push({ username: user.username, displayName: user.displayName, organization: orgName, role: user.role });
  }
  const cadre = await userIdByUsername(ctx.db, 'dengkou_cadre');
  if (await seedRegistryDemo(ctx, ids, cadre, onStep)) created = true;
  if (await seedProjectDemo(ctx, ids, onStep)) created = true;
  if (await seedHistoryDemo(ctx, ids, onStep)) created = true;
  if (await seedFundsDemo(ctx, ids, onStep)) created = true;
  if (await seedPublicationDemo(ctx, ids, onStep)) created = true;
  if (await seedPortalDemo(ctx, ids, onStep)) created = true;
  return { created, logins, password: DEMO_PASSWORD };
}
