import {
  isRegionWithin,
  ORGANIZATION_LEVEL_LABELS,
  REGION_LEVEL_LABELS,
  type RegionLevel,
  type TOrganizationLevel,
} from '@tongxin/contracts';
import { fieldProblem, type FieldProblem } from '../../platform/errors/index.js';
import type { Executor } from '../../platform/db/index.js';
import { lookupRegion } from '../regions/index.js';
import { firstValidFrom } from './repository.js';
import { organizationFieldMessages as messages } from './errors.js';
import type { OrganizationRow } from './tables.js';

const LEVEL_RANK: Record<TOrganizationLevel, number> = { national: 0, provincial: 1, prefecture: 2, county: 3 };

/** Where an organization of each level may be located. */
const REGION_LEVELS_FOR: Record<TOrganizationLevel, readonly RegionLevel[]> = {
  national: ['province'],
  provincial: ['province'],
  prefecture: ['prefecture'],
  county: ['county', 'township', 'village'],
};

export type Placement = {
  level: TOrganizationLevel;
  regionCode: string | null;
  parent: Pick<OrganizationRow, 'name' | 'level' | 'region_code'> | null;
};

/**
 * An organization's region fits its level, lies within its parent's region, and its level is not above
 * the parent's. Problems name the field they belong to.
 */
export async function placementProblems(db: Executor, placement: Placement): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const { level, regionCode, parent } = placement;
  if (parent && LEVEL_RANK[level] < LEVEL_RANK[parent.level]) {
    problems.push(fieldProblem('level', messages.levelAboveParent, { parent: parent.name }));
  }
  if (!regionCode) return problems;
  const region = await lookupRegion(db, regionCode);
  if (!region) {
    problems.push(fieldProblem('regionCode', messages.regionUnknown, { code: regionCode }));
    return problems;
  }
  const allowed = REGION_LEVELS_FOR[level];
  if (!allowed.includes(region.level)) {
    problems.push(
      fieldProblem('regionCode', messages.regionLevel, {
        level: ORGANIZATION_LEVEL_LABELS[level],
        expected: REGION_LEVEL_LABELS[allowed[0] ?? 'county'],
      }),
    );
  }
  if (parent?.region_code && parent.level !== 'national' && !isRegionWithin(regionCode, parent.region_code)) {
    const parentRegion = await lookupRegion(db, parent.region_code);
    problems.push(
      fieldProblem('regionCode', messages.regionOutsideParent, {
        parent: parent.name,
        parentRegion: parentRegion?.full_name ?? parent.region_code,
      }),
    );
  }
  return problems;
}

/** A placement under a parent cannot take effect before the parent itself is on record. */
export async function parentDateProblems(
  db: Executor,
  effectiveOn: string,
  parent: Pick<OrganizationRow, 'id' | 'name'> | null,
): Promise<FieldProblem[]> {
  if (!parent) return [];
  const since = await firstValidFrom(db, parent.id);
  return since && effectiveOn < since
    ? [fieldProblem('effectiveOn', messages.effectiveBeforeParent, { parent: parent.name, since })]
    : [];
}
