import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../context.js';
import { platformErrors } from '../errors/index.js';

export function serviceContext(request: FastifyRequest): ServiceContext {
  if (!request.actor) throw platformErrors.notAuthenticated();
  return {
    db: request.server.tongxin.db.executor,
    actor: request.actor,
    requestId: request.id,
    lang: request.lang,
  };
}
