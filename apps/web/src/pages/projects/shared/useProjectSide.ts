import { useQuery } from '@tanstack/react-query';
import type { TProject } from '@tongxin/contracts';
import { keys } from '../../../api/keys';
import { fetchOrganization } from '../../../api/organizations';
import { useSessionUser } from '../../../session/SessionUserContext';

/** Roles that run projects; auditors, supervisors and cadres read them (the server's MANAGERS). */
const MANAGERS = new Set(['platform_admin', 'org_admin', 'org_staff']);

export type ProjectSide = {
  /** The signed-in user's organization runs the project: it reports, plans milestones, submits… */
  isOwner: boolean;
  /** An organization above the owner: it approves, inspects, checks acceptance. */
  isAbove: boolean;
};

/** Whether the signed-in user may run projects at all (create them, report on them). */
export function useRunsProjects(): boolean {
  const user = useSessionUser();
  return MANAGERS.has(user.role) && user.capabilities.includes('write');
}

/**
 * How the signed-in user stands to a project, to offer only the records their side keeps. The server
 * decides; here the owner organization being within the user's own network (readable as an organization)
 * means the user's organization is above it. Partners see the project but are on neither side.
 */
export function useProjectSide(project: TProject | undefined): ProjectSide {
  const user = useSessionUser();
  const manager = MANAGERS.has(user.role);
  const isOwner = Boolean(project && manager && project.ownerOrganizationId === user.organizationId);
  const ownerId = project?.ownerOrganizationId ?? '';
  const owner = useQuery({
    queryKey: keys.org(ownerId),
    queryFn: ({ signal }) => fetchOrganization(ownerId, signal),
    enabled: manager && !isOwner && ownerId !== '',
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (user.role === 'platform_admin') return { isOwner: true, isAbove: true };
  return { isOwner, isAbove: manager && !isOwner && owner.isSuccess };
}
