import type { TongxinModule } from '../../platform/http/index.js';
import { disclosureRoutes } from './routes.js';

/** The disclosure clocks: computed from other modules' dated records; this module keeps no tables. */
export const disclosuresModule: TongxinModule = {
  name: 'disclosures',
  routes: disclosureRoutes,
};

export { disclosureBoard } from './board.service.js';
export { disclosureErrors } from './errors.js';
