import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MODULES } from './modules.js';
import { resolveSession } from './modules/accounts/index.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/index.js';
import { newId } from './platform/ids.js';
import { installAccessGuard, installErrorHandlers, validatorCompiler, type ApiApp } from './platform/http/index.js';
import type { Logger } from './platform/logging.js';

/** The built web app: apps/web/dist, the same distance from src/ and dist/. */
const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const API_VERSION = '0.1.0';

export type AppOptions = { db: Database; config: Config; logger: Logger; serveWeb?: boolean };

export async function buildApp({ db, config, logger, serveWeb = true }: AppOptions): Promise<ApiApp> {
  // Typed as Fastify's logger so the instance keeps Fastify's default logger type parameter.
  const loggerInstance: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : newId();
    },
    requestIdHeader: false,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('tongxin', {
    db,
    config,
    figureSources: MODULES.flatMap((module) => (module.figures ? [module.figures] : [])),
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('lang', 'zh-CN');
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  // One file per request, up to 200 MB (a million rows of CSV); imports stream it to disk.
  await app.register(fastifyMultipart, { limits: { files: 1, fileSize: 200 * 1024 * 1024, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Tongxin (同心) API',
        version: API_VERSION,
        description:
          'Sign in with POST /api/v1/auth/login; the session travels in an HttpOnly cookie. Every request that changes data sends the CSRF token from the login answer in the X-CSRF-Token header. Errors carry a code, a message in the language of Accept-Language (zh-CN by default, en), and field paths for validation.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tongxin_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  installErrorHandlers(app, serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html')) ? WEB_DIST : null);
  installAccessGuard(app, (token, now) => resolveSession(db.executor, token, now));

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        security: [],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.literal('ok'),
            dialect: z.string(),
            version: z.string(),
          }),
          503: z.object({
            status: z.literal('degraded'),
            database: z.literal('unreachable'),
            dialect: z.string(),
            version: z.string(),
          }),
        },
      },
    },
    async (_request, reply) => {
      const reachable = await db.ping();
      return reachable
        ? { status: 'ok' as const, database: 'ok' as const, dialect: db.dialect, version: API_VERSION }
        : reply
            .status(503)
            .send({ status: 'degraded', database: 'unreachable', dialect: db.dialect, version: API_VERSION });
    },
  );

  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs' });

  for (const module of MODULES) module.routes?.(app);

  if (serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    // Hashed assets never change; index.html always revalidates, so a rebuilt app is picked up at once.
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: true,
      index: 'index.html',
      setHeaders: (reply, file) => {
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
