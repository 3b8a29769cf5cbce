import type { TDesignation, TProject } from '@tongxin/contracts';

/**
 * The projects money of this designation may plainly pay, to offer only those: not investment the
 * government must fund; the project itself, a project of the category, or one that targets the village.
 * A region designation is left to the server (a project's target villages may lie in the region).
 */
export function fitsDesignation(designation: TDesignation | null): (project: TProject) => boolean {
  return (project) => {
    if (project.governmentObligated) return false;
    if (!designation) return true;
    switch (designation.kind) {
      case 'unrestricted':
      case 'region':
        return true;
      case 'project':
        return project.id === designation.projectId;
      case 'village':
        return project.targetVillageIds.includes(designation.villageId);
      case 'category':
        return project.category === designation.category;
    }
  };
}
