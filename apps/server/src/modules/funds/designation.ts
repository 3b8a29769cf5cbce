import { isRegionWithin, PROJECT_CATEGORY, type Localized, type TDesignation } from '@tongxin/contracts';
import type { ProjectFundingFacts } from '../projects/index.js';

/** The designation as stored: one text key, also part of the fund account's key. */
export function designationKey(designation: TDesignation): string {
  switch (designation.kind) {
    case 'unrestricted':
      return 'unrestricted';
    case 'project':
      return `project:${designation.projectId}`;
    case 'village':
      return `village:${designation.villageId}`;
    case 'region':
      return `region:${designation.regionCode}`;
    case 'category':
      return `category:${designation.category}`;
  }
}

export function parseDesignationKey(key: string): TDesignation {
  const [kind, ref = ''] = key.split(':');
  switch (kind) {
    case 'project':
      return { kind, projectId: ref };
    case 'village':
      return { kind, villageId: ref };
    case 'region':
      return { kind, regionCode: ref };
    case 'category':
      return { kind, category: ref as keyof typeof PROJECT_CATEGORY.labels };
    default:
      return { kind: 'unrestricted' };
  }
}

/**
 * Whether money with this designation may pay the project; if not, the rule it would break, to name in
 * the refusal. A village designation needs the village among the project's target villages; a region
 * one, a target region or village inside that region; a category one, the project's category.
 */
export function designationBreach(designation: TDesignation, project: ProjectFundingFacts): Localized | null {
  switch (designation.kind) {
    case 'unrestricted':
      return null;
    case 'project':
      return designation.projectId === project.id
        ? null
        : { 'zh-CN': '该资金定向于另一个项目，只能用于该项目', en: 'The money is designated to another project' };
    case 'village':
      return project.targetVillageIds.includes(designation.villageId)
        ? null
        : {
            'zh-CN': '该资金定向于某村，只能拨给把该村列为帮扶村的项目',
            en: 'The money is designated to a village; only a project that targets that village may receive it',
          };
    case 'region': {
      const codes = [...project.targetRegionCodes, ...project.targetVillageRegionCodes];
      return codes.some((code) => isRegionWithin(code, designation.regionCode))
        ? null
        : {
            'zh-CN': '该资金定向于某地区，只能拨给实施地区或帮扶村在该地区内的项目',
            en: 'The money is designated to a region; only a project working inside that region may receive it',
          };
    }
    case 'category':
      return designation.category === project.category
        ? null
        : {
            'zh-CN': `该资金定向于“${PROJECT_CATEGORY.labels[designation.category]['zh-CN']}”领域，只能拨给该类别的项目`,
            en: `The money is designated to ${PROJECT_CATEGORY.labels[designation.category].en}; only projects of that category may receive it`,
          };
  }
}
