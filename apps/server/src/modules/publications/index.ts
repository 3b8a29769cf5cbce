import type { TongxinModule } from '../../platform/http/index.js';
import { publicationMigrations } from './migrations.js';
import { publicPublicationRoutes } from './public.routes.js';
import { publicationRoutes } from './routes.js';

export const publicationsModule: TongxinModule = {
  name: 'publications',
  migrations: publicationMigrations,
  routes: (app) => {
    publicationRoutes(app);
    publicPublicationRoutes(app);
  },
};

export { publicationErrors } from './errors.js';
export { removePublicationFile, uploadPublicationFile } from './attachment.service.js';
export { findPublicPublications, getPublicPublication } from './public.service.js';
export {
  createPublication,
  findPublications,
  getPublication,
  transitionPublication,
  updatePublication,
} from './publication.service.js';
export type { PublicationTables } from './tables.js';
export { sendStoredFile } from './routes.js';
export { publishedAnnualReports, type AnnualReportFact } from './disclosure-facts.js';
