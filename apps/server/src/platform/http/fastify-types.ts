import type { FigureSource } from '../figures/index.js';
import type { Lang, TCapability } from '@tongxin/contracts';
import type { Actor } from '../access/index.js';
import type { Config } from '../config.js';
import type { Database } from '../db/index.js';

/** What a route demands: 'public' (listed in PUBLIC_ROUTES) or a capability of the caller's role. */
export type RouteAccess = 'public' | TCapability;

/* eslint-disable @typescript-eslint/consistent-type-definitions -- declaration merging needs interfaces */
declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The session's CSRF token, echoed to the web app by GET /auth/session. */
    csrfToken: string | null;
    lang: Lang;
  }
  interface FastifyInstance {
    tongxin: { db: Database; config: Config; figureSources: readonly FigureSource[] };
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */
