import type { TongxinModule } from '../../platform/http/index.js';
import { statisticsMigrations } from './migrations.js';
import { statisticsRoutes } from './routes.js';

/**
 * The figures' tables belong to the platform (modules write to them in their own transactions); this
 * module answers questions over them and knows no other module's figures.
 */
export const statisticsModule: TongxinModule = {
  name: 'statistics',
  migrations: statisticsMigrations,
  routes: statisticsRoutes,
};

export { statisticsErrors } from './errors.js';
export { annualPack, issueAnnualPack } from './annual.service.js';
export { figureRecords } from './records.service.js';
export { statisticsSummary } from './summary.service.js';
