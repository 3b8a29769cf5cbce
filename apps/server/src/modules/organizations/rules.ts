import {
  isRegionWithin,
  type Localized,
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

type ParentPlacement = Pick<OrganizationRow, 'level' | 'region_code'>;

function isLevelAbove(level: TOrganizationLevel, parent: ParentPlacement): boolean {
  return LEVEL_RANK[level] < LEVEL_RANK[parent.level];
}

/** A national organization's region is where its office is; it does not bound what lies under it. */
function isRegionOutside(regionCode: string | null, parent: ParentPlacement): boolean {
  return (
    regionCode !== null &&
    parent.region_code !== null &&
    parent.level !== 'national' &&
    !isRegionWithin(regionCode, parent.region_code)
  );
}

/**
 * An organization's region fits its level, lies within its parent's region, and its level is not above
 * the parent's. Problems name the field they belong to.
 */
export async function placementProblems(db: Executor, placement: Placement): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const { level, regionCode, parent } = placement;
  if (parent && isLevelAbove(level, parent)) {
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
  if (parent?.region_code && isRegionOutside(regionCode, parent)) {
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

export type ChildPlacement = Pick<OrganizationRow, 'name' | 'level' | 'region_code'>;

/**
 * The children that would no longer fit under a parent placed anew (its region or level changed): those
 * whose region lies outside the parent's, and those whose level is above the parent's.
 */
export function misplacedChildren(
  parent: ParentPlacement,
  children: readonly ChildPlacement[],
): { outsideRegion: ChildPlacement[]; aboveLevel: ChildPlacement[] } {
  return {
    outsideRegion: children.filter((child) => isRegionOutside(child.region_code, parent)),
    aboveLevel: children.filter((child) => isLevelAbove(child.level, parent)),
  };
}

/** How many names a refusal lists before it says how many more there are. */
const NAMES_SHOWN = 5;

/** “A”、“B” … in both languages, the first few only, for a message that also gives the count. */
export function nameList(names: readonly string[]): Localized {
  const shown = names.slice(0, NAMES_SHOWN);
  const more = names.length - shown.length;
  return {
    'zh-CN': shown.map((name) => `“${name}”`).join('、') + (more > 0 ? '等' : ''),
    en: shown.map((name) => `“${name}”`).join(', ') + (more > 0 ? ` and ${more} more` : ''),
  };
}
