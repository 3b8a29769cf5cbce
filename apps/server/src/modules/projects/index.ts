import type { TongxinModule } from '../../platform/http/index.js';
import { projectFigures } from './figures.js';
import { projectMigrations } from './migrations.js';
import { recordRoutes } from './records.routes.js';
import { projectRoutes } from './routes.js';

export const projectsModule: TongxinModule = {
  name: 'projects',
  migrations: projectMigrations,
  routes: (app) => {
    recordRoutes(app);
    projectRoutes(app);
  },
  figures: projectFigures,
};

export { projectErrors } from './errors.js';
export { createProject, findProjects, getProject, transitionProject, updateProject } from './project.service.js';
export { addAcceptance, addInspection, addMilestone, addReport, uploadProjectFile } from './records.service.js';
export { projectCategories, projectFundingFacts, projectNames, type ProjectFundingFacts } from './funding-facts.js';
export { projectCategoriesWhen } from './figures-replay.js';
export { TRANSITIONS } from './state-machine.js';
export type { ProjectTables } from './tables.js';
export { findPublicProjects, getPublicProject, publicProjectPhoto } from './public.service.js';
export { publicProjectsForOpenData, type OpenDataProject } from './open-data.service.js';
export { projectDisclosureFacts, type ProjectDisclosureFacts } from './disclosure-facts.js';
