import type { TInfrastructureKind, TPartnerRole, TProjectCategory, TProjectStatus } from '@tongxin/contracts';
import type { Scope } from '../../platform/access/index.js';
import type { Executor } from '../../platform/db/index.js';
import { listPublicProjectsForOpenData } from './open-data.repository.js';
import { partnersOf, targetsOf } from './repository.js';

/**
 * What open data says of a project: the fields the portal shows too. Villages and households it targets,
 * beneficiary lists, inspections and who entered what stay inside.
 */
export type OpenDataProject = {
  id: string;
  code: string;
  name: string;
  description: string | null;
  ownerOrganizationId: string;
  category: TProjectCategory;
  infrastructureKind: TInfrastructureKind | null;
  status: TProjectStatus;
  budget: number;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  targetRegionCodes: string[];
  partners: { organizationId: string; role: TPartnerRole }[];
  updatedAt: string;
};

/** Public projects owned within `owners` (see listPublicProjectsForOpenData), running in `year` if given. */
export async function publicProjectsForOpenData(
  executor: Executor,
  owners: Scope,
  year: number | null,
): Promise<OpenDataProject[]> {
  const rows = await listPublicProjectsForOpenData(
    executor,
    owners,
    year === null ? null : { start: `${year}-01-01`, end: `${year}-12-31` },
  );
  const ids = rows.map((row) => row.id);
  const [targets, partners] = await Promise.all([targetsOf(executor, ids), partnersOf(executor, ids)]);
  const regionsOf = new Map<string, string[]>();
  for (const target of targets) {
    if (target.kind !== 'region') continue;
    const list = regionsOf.get(target.project_id) ?? [];
    list.push(target.ref);
    regionsOf.set(target.project_id, list);
  }
  const partnersOfProject = new Map<string, OpenDataProject['partners']>();
  for (const partner of partners) {
    const list = partnersOfProject.get(partner.project_id) ?? [];
    list.push({ organizationId: partner.organization_id, role: partner.role });
    partnersOfProject.set(partner.project_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    ownerOrganizationId: row.owner_organization_id,
    category: row.category,
    infrastructureKind: row.infrastructure_kind,
    status: row.status,
    budget: row.budget,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    targetRegionCodes: regionsOf.get(row.id) ?? [],
    partners: partnersOfProject.get(row.id) ?? [],
    updatedAt: row.updated_at,
  }));
}
