import type { TongxinModule } from '../../platform/http/index.js';
import { accountMigrations } from './migrations.js';
import { accountRoutes } from './routes.js';

export const accountsModule: TongxinModule = {
  name: 'accounts',
  migrations: accountMigrations,
  routes: accountRoutes,
};

export { accountErrors } from './errors.js';
export { actorOf, LOGIN_LIMIT, login, purgeStaleSessions, resolveSession } from './session.service.js';
export {
  ADMIN_USERNAME,
  createUser,
  ensurePlatformAdmin,
  findUsers,
  resetPassword,
  updateUser,
  userIdByUsername,
  userSummaries,
} from './user.service.js';
export type { UserSummary } from './user.service.js';
