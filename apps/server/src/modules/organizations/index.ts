import type { TongxinModule } from '../../platform/http/index.js';
import { organizationMigrations } from './migrations.js';
import { organizationRoutes } from './routes.js';

export const organizationsModule: TongxinModule = {
  name: 'organizations',
  migrations: organizationMigrations,
  routes: organizationRoutes,
};

export { organizationErrors } from './errors.js';
export { addMember } from './membership.service.js';
export {
  createOrganization,
  findOrganizations,
  getOrganization,
  moveOrganization,
  organizationIdsAtLevel,
  organizationNames,
  organizationPlacement,
  organizationsUnderAsOf,
  organizationTree,
  requireWritableOrganization,
  requireWritablePlacement,
  updateOrganization,
} from './organization.service.js';
export { organizationIdListInScope, organizationIdsInScope } from './scope.repository.js';
export type { OrganizationPlacement } from './organization.service.js';
export type { OrganizationRow, OrganizationTables } from './tables.js';
export { findPublicOrganizations, getPublicOrganization } from './public.service.js';
export { organizationIdentities, type OrganizationIdentity } from './open-data.service.js';
export { organizationChanges, type OrganizationChange } from './disclosure-facts.js';
