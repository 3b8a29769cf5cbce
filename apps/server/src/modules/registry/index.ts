import type { TongxinModule } from '../../platform/http/index.js';
import { registryFigures } from './figures.js';
import { registryMigrations } from './migrations.js';
import { importRoutes } from './import/index.js';
import { registryRoutes } from './routes.js';

export const registryModule: TongxinModule = {
  name: 'registry',
  migrations: registryMigrations,
  routes: (app) => {
    registryRoutes(app);
    importRoutes(app);
  },
  figures: registryFigures,
};

export { registryErrors } from './errors.js';
export {
  createHousehold,
  findHouseholds,
  getHouseholdCard,
  updateHousehold,
  visibleHouseholdIds,
} from './household.service.js';
export { addPerson } from './person.service.js';
export { createVillage, findVillages, villageRegionCodes, visibleVillages } from './village.service.js';
export {
  HeaderError,
  HOUSEHOLD_COLUMNS,
  PERSON_COLUMNS,
  runImport,
  templateCsv,
  TEMPLATE_NAMES,
  writeErrorWorkbook,
  templateWorkbook,
  tidyImports,
  type FileFormat,
  type ImportKind,
  type ImportMode,
  type ImportReport,
} from './import/index.js';
export type { RegistryTables } from './tables.js';
