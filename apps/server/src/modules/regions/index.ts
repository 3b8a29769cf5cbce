import type { TongxinModule } from '../../platform/http/index.js';
import { regionMigrations } from './migrations.js';
import { regionRoutes } from './routes.js';

export const regionsModule: TongxinModule = {
  name: 'regions',
  migrations: regionMigrations,
  routes: regionRoutes,
};

export { regionErrors } from './errors.js';
export {
  ensureBaseRegions,
  getRegion,
  isProvinceLoaded,
  loadProvince,
  loadRegionFile,
  lookupRegion,
  regionCodesNamed,
  regionFullNames,
} from './service.js';
export type { LoadProgress, LoadReport } from './service.js';
export type { RegionRow, RegionTables } from './tables.js';
