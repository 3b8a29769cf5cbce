import { auditMigrations } from '../../platform/audit/index.js';
import type { TongxinModule } from '../../platform/http/index.js';
import { auditRoutes } from './routes.js';

/** The audit trail's tables belong to the platform; this module serves them to auditors and supervisors. */
export const auditModule: TongxinModule = {
  name: 'audit',
  migrations: auditMigrations,
  routes: auditRoutes,
};
