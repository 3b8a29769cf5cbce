import type { TongxinModule } from '../../platform/http/index.js';
import { registryMigrations } from './migrations.js';
import { registryRoutes } from './routes.js';

export const registryModule: TongxinModule = {
  name: 'registry',
  migrations: registryMigrations,
  routes: registryRoutes,
};

export { registryErrors } from './errors.js';
export { createHousehold, findHouseholds, getHouseholdCard, updateHousehold } from './household.service.js';
export { addPerson } from './person.service.js';
export { createVillage, findVillages } from './village.service.js';
export type { RegistryTables } from './tables.js';
