import { ZOpenDataQuery, type TOpenDataQuery } from '@tongxin/contracts';
import type { Scope } from '../../platform/access/index.js';
import type { Executor } from '../../platform/db/index.js';
import { publicProjectMoney, type ProjectDonor, type ProjectMovement } from '../funds/index.js';
import { organizationIdentities, organizationPlacement, type OrganizationIdentity } from '../organizations/index.js';
import { publicProjectsForOpenData, type OpenDataProject } from '../projects/index.js';
import { regionFullNames } from '../regions/index.js';
import { openDataErrors as errors } from './errors.js';

/** The identifier prefixes a deployment publishes under (config: TONGXIN_OPEN_DATA_*). */
export type OpenDataPrefixes = { orgPrefix: string; grantPrefix: string };

/** Everything both open-data formats say, read once: public projects only, and their books. */
export type OpenDataSet = {
  prefixes: OpenDataPrefixes;
  projects: OpenDataProject[];
  movementsOf: Map<string, ProjectMovement[]>;
  donorsOf: Map<string, ProjectDonor[]>;
  organizations: Map<string, OrganizationIdentity>;
  regionNames: Map<string, string>;
};

function byProject<T extends { projectId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.projectId) ?? [];
    list.push(row);
    grouped.set(row.projectId, list);
  }
  return grouped;
}

/**
 * Reads the public projects owned within the chosen organization's subtree (all when none is chosen) and
 * their money. `byProjectYear`: whether the year picks projects (IATI) or is left to the caller (grants).
 */
export async function readOpenData(
  executor: Executor,
  prefixes: OpenDataPrefixes,
  input: TOpenDataQuery,
  byProjectYear: boolean,
): Promise<OpenDataSet> {
  const query = ZOpenDataQuery.parse(input);
  let owners: Scope = { kind: 'all' };
  if (query.organizationId) {
    const placement = await organizationPlacement(executor, query.organizationId);
    if (!placement) throw errors.organizationNotFound.at('organizationId');
    owners = { kind: 'subtree', organizationPath: placement.path };
  }
  const projects = await publicProjectsForOpenData(executor, owners, byProjectYear ? (query.year ?? null) : null);
  const { movements, donors } = await publicProjectMoney(
    executor,
    projects.map((p) => p.id),
  );
  const [organizations, regionNames] = await Promise.all([
    organizationIdentities(executor, [
      ...projects.flatMap((p) => [p.ownerOrganizationId, ...p.partners.map((partner) => partner.organizationId)]),
      ...movements.flatMap((m) => (m.organizationId ? [m.organizationId] : [])),
    ]),
    regionFullNames(
      executor,
      projects.flatMap((p) => p.targetRegionCodes),
    ),
  ]);
  return {
    prefixes,
    projects,
    movementsOf: byProject(movements),
    donorsOf: byProject(donors),
    organizations,
    regionNames,
  };
}

/** The organisation identifier open data gives an organization of the network. */
export function organizationRef(set: OpenDataSet, organizationId: string): string {
  return `${set.prefixes.orgPrefix}-${organizationId}`;
}
