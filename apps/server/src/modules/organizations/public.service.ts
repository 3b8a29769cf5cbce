import {
  ZPortalOrganization,
  ZPortalOrganizationListQuery,
  type TPage,
  type TPortalOrganization,
  type TPortalOrganizationListQuery,
} from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { regionFullNames } from '../regions/index.js';
import { toOrganization } from './mapping.js';
import { findOrganization, listOrganizations, type OrganizationWithNames } from './repository.js';

// Registered organizations are public record (name, type, level, region, credit code), so the portal reads
// every one; the office address and phone are left out, since a small association's phone is often a person's.
const PUBLIC_READ = { kind: 'all' } as const;

async function present(executor: Executor, rows: readonly OrganizationWithNames[]): Promise<TPortalOrganization[]> {
  const names = await regionFullNames(
    executor,
    rows.map((row) => row.region_code),
  );
  // Parsing keeps the public fields only: address, phone and bookkeeping dates fall away here.
  return rows.map((row) => ZPortalOrganization.parse(toOrganization(row, names)));
}

/**
 * Organizations for the portal, from the top of the network down. The installation's operator is not one
 * of the field's organizations and stays out of the list and its count; its own page still answers, for a
 * publication of its own links there.
 */
export async function findPublicOrganizations(
  executor: Executor,
  input: TPortalOrganizationListQuery,
): Promise<TPage<TPortalOrganization>> {
  const query = ZPortalOrganizationListQuery.parse(input);
  const { rows, total } = await listOrganizations(executor, PUBLIC_READ, {
    text: query.q,
    type: query.type,
    level: query.level,
    excludeOperator: true,
    sort: 'level',
    order: 'asc',
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await present(executor, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getPublicOrganization(executor: Executor, id: string): Promise<TPortalOrganization | null> {
  const row = await findOrganization(executor, PUBLIC_READ, id);
  return row ? ((await present(executor, [row]))[0] ?? null) : null;
}
