import type { TongxinModule } from '../../platform/http/index.js';
import { openDataRoutes } from './routes.js';

export const openDataModule: TongxinModule = {
  name: 'opendata',
  routes: openDataRoutes,
};

export { openDataErrors } from './errors.js';
export { grantPackage, grantTable, iatiActivities } from './service.js';
