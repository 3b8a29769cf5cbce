import type { TongxinModule } from './platform/http/index.js';
import { accountsModule } from './modules/accounts/index.js';
import { auditModule } from './modules/audit/index.js';
import { disclosuresModule } from './modules/disclosures/index.js';
import { fundsModule } from './modules/funds/index.js';
import { openDataModule } from './modules/opendata/index.js';
import { organizationsModule } from './modules/organizations/index.js';
import { portalModule } from './modules/portal/index.js';
import { projectsModule } from './modules/projects/index.js';
import { publicationsModule } from './modules/publications/index.js';
import { regionsModule } from './modules/regions/index.js';
import { registryModule } from './modules/registry/index.js';
import { statisticsModule } from './modules/statistics/index.js';

/** Every module of the product; migrations and routes are gathered from this list. */
export const MODULES: readonly TongxinModule[] = [
  auditModule,
  regionsModule,
  organizationsModule,
  accountsModule,
  registryModule,
  projectsModule,
  fundsModule,
  publicationsModule,
  statisticsModule,
  disclosuresModule,
  portalModule,
  openDataModule,
];
