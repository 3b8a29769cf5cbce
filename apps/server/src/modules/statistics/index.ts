import { figureMigrations } from '../../platform/figures/index.js';
import type { TongxinModule } from '../../platform/http/index.js';
import { statisticsRoutes } from './routes.js';

/**
 * The figures' tables belong to the platform (modules write to them in their own transactions); this
 * module answers questions over them and knows no other module's figures.
 */
export const statisticsModule: TongxinModule = {
  name: 'statistics',
  migrations: figureMigrations,
  routes: statisticsRoutes,
};

export { statisticsErrors } from './errors.js';
export { figureRecords } from './records.service.js';
export { statisticsSummary } from './summary.service.js';
