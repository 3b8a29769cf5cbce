import type { TongxinModule } from '../../platform/http/index.js';
import { portalRoutes } from './routes.js';

/** The public disclosure portal: reads other modules' public faces only, owns no tables. */
export const portalModule: TongxinModule = {
  name: 'portal',
  routes: portalRoutes,
};
