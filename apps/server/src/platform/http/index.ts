import './fastify-types.js';
export { installAccessGuard } from './access-guard.js';
export { serviceContext } from './context.js';

export { contentDisposition, sendWorkbook, XLSX_TYPE } from './download.js';
export { installErrorHandlers, sendError } from './error-handler.js';
export type { RouteAccess } from './fastify-types.js';
export { LANG_COOKIE, negotiateLang } from './lang.js';
export type { ApiApp, TongxinModule } from './module.js';
export { RequestValidationError, validatorCompiler } from './validator.js';
export { readUpload } from './upload.js';
export type { Upload } from './upload.js';
