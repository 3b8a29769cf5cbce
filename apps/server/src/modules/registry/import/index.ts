export { COLUMNS_OF, HOUSEHOLD_COLUMNS, PERSON_COLUMNS, type ImportKind } from './columns.js';
export { writeErrorWorkbook } from './error-report.js';
export { HeaderError, type FileFormat } from './read-rows.js';
export {
  PROBLEM_LIMIT,
  runImport,
  type ImportMode,
  type ImportProgress,
  type ImportReport,
  type RowProblem,
} from './run-import.js';
export { tidyImports } from './import-jobs.service.js';
export { importRoutes } from './import.routes.js';
export { templateCsv, TEMPLATE_NAMES, templateWorkbook } from './templates.js';
