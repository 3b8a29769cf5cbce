import { issueMessage, type Lang, type TErrorBody } from '@tongxin/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, platformErrors, type AppError } from '../errors/index.js';
import { RequestValidationError } from './validator.js';

const CONTEXT_PREFIX: Record<string, string> = { querystring: 'query.', params: 'params.', headers: 'headers.' };

function bodyOf(error: AppError, lang: Lang, requestId: string): TErrorBody {
  const fields = error.fields.map((field) => ({ path: field.path, message: field.message[lang] }));
  return {
    error: {
      code: error.code,
      message: error.messageIn(lang),
      ...(fields.length > 0 ? { fields } : {}),
      requestId,
    },
  };
}

/** Maps anything thrown to one error body; clients never see a stack trace. */
function toAppError(error: FastifyError | Error, request: FastifyRequest): AppError {
  if (isAppError(error)) return error;
  if (error instanceof RequestValidationError) {
    const prefix = CONTEXT_PREFIX[error.validationContext ?? ''] ?? '';
    return platformErrors.validationFailed(
      {},
      error.issues.map((issue) => ({
        path: prefix + issue.path.map(String).join('.'),
        message: { 'zh-CN': issueMessage(issue, 'zh-CN'), en: issueMessage(issue, 'en') },
      })),
    );
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return platformErrors.malformedJson();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return platformErrors.unsupportedMediaType({ type: request.headers['content-type'] ?? '' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return platformErrors.payloadTooLarge();
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return platformErrors.unsupportedMediaType({ type: request.headers['content-type'] ?? '' });
  }
  if (error instanceof SyntaxError && 'statusCode' in error && error.statusCode === 400) {
    return platformErrors.malformedJson();
  }
  return platformErrors.internal({ requestId: request.id });
}

/**
 * One error body for everything thrown. With a web root, unknown non-API paths answer the web app's
 * index.html, so that the browser router can show deep links.
 */
export function installErrorHandlers(app: FastifyInstance, webRoot: string | null): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, 'request refused');
    return reply.status(appError.status).send(bodyOf(appError, request.lang, request.id));
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api');
    if (webRoot && isPage) return reply.type('text/html').sendFile('index.html', webRoot);
    const error = platformErrors.routeNotFound({ method: request.method, url: request.url.split('?')[0] });
    return reply.status(404).send(bodyOf(error, request.lang, request.id));
  });
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(error.status).send(bodyOf(error, reply.request.lang, reply.request.id));
}
