import type { TProjectCategory, TProjectStatus } from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { villageRegionCodes } from '../registry/index.js';
import { categoriesByIds, findProject, projectNamesByIds, targetsOf } from './repository.js';

/** What the funds rules must know about a project before money may go to it. */
export type ProjectFundingFacts = {
  id: string;
  name: string;
  ownerOrganizationId: string;
  category: TProjectCategory;
  governmentObligated: boolean;
  status: TProjectStatus;
  targetRegionCodes: string[];
  targetVillageIds: string[];
  /** The region codes of the target villages. */
  targetVillageRegionCodes: string[];
};

/**
 * The facts of a project, whoever asks: the funds rules check designations against projects the caller
 * may not see (a region association's restricted fund paying a county's project). Nothing here is
 * returned to a caller as a project.
 */
export async function projectFundingFacts(executor: Executor, id: string): Promise<ProjectFundingFacts | null> {
  const row = await findProject(executor, { kind: 'all' }, id);
  if (!row) return null;
  const targets = await targetsOf(executor, [id]);
  const villageIds = targets.filter((t) => t.kind === 'village').map((t) => t.ref);
  const villageRegions = await villageRegionCodes(executor, villageIds);
  return {
    id: row.id,
    name: row.name,
    ownerOrganizationId: row.owner_organization_id,
    category: row.category,
    governmentObligated: row.government_obligated === 1,
    status: row.status,
    targetRegionCodes: targets.filter((t) => t.kind === 'region').map((t) => t.ref),
    targetVillageIds: villageIds,
    targetVillageRegionCodes: [...villageRegions.values()],
  };
}

/** Project names for labels (a fund account, a step of a trace); not a way to read projects. */
export async function projectNames(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  return projectNamesByIds(executor, [...new Set(ids)]);
}

/** The categories of projects, whoever asks: money figures are kept by the category of the project paid. */
export async function projectCategories(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, TProjectCategory>> {
  return categoriesByIds(executor, [...new Set(ids)]);
}
