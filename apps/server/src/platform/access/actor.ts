import { roleHas, type TCapability, type TRole } from '@tongxin/contracts';

/** The signed-in user a request acts for, with where they sit in the organization network. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: TRole;
  organizationId: string;
  organizationName: string;
  /** Materialized path of the user's organization: `/<root id>/…/<own id>/`. */
  organizationPath: string;
  /** Region of the user's organization (a supervisor reads everything inside it). */
  organizationRegionCode: string | null;
  mustChangePassword: boolean;
  sessionId: string;
};

export function actorCan(actor: Actor, capability: TCapability): boolean {
  return roleHas(actor.role, capability);
}
