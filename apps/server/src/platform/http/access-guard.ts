import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { PUBLIC_PREFIXES, PUBLIC_ROUTES, actorCan } from '../access/index.js';
import { CSRF_HEADER, SESSION_COOKIE, tokensEqual, type SessionResolver } from '../auth/index.js';
import { platformErrors } from '../errors/index.js';
import type { RouteAccess } from './fastify-types.js';
import { LANG_COOKIE, negotiateLang } from './lang.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}

function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/**
 * Declares and enforces who may call what. Denial is the default: the server refuses to start when an
 * API route declares no access, or when a route and the public allowlist disagree.
 */
export function installAccessGuard(app: FastifyInstance, resolveSession: SessionResolver): void {
  const declaredPublic = new Set<string>();

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = (route.config ??= {});
    if (!isApiUrl(route.url) || PUBLIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
      config.access = 'public';
      return;
    }
    for (const method of methods) {
      const key = routeKey(method, route.url);
      // Fastify adds a HEAD twin to every GET with the same config; the GET is the one checked.
      if (method === 'HEAD') continue;
      if (config.access === undefined) throw new Error(`${key} declares no access; add config.access`);
      const listed = PUBLIC_ROUTES.includes(key);
      if (config.access === 'public' && !listed) throw new Error(`${key} is public but not in PUBLIC_ROUTES`);
      if (config.access !== 'public' && listed)
        throw new Error(`${key} is in PUBLIC_ROUTES but demands ${config.access}`);
      if (listed) declaredPublic.add(key);
    }
  });

  app.addHook('onReady', (done) => {
    const stale = PUBLIC_ROUTES.filter((key) => !declaredPublic.has(key));
    done(stale.length > 0 ? new Error(`PUBLIC_ROUTES lists routes that do not exist: ${stale.join(', ')}`) : undefined);
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.lang = negotiateLang(request.cookies[LANG_COOKIE], request.headers['accept-language']);
    request.actor = null;
    request.csrfToken = null;
    const access: RouteAccess | undefined = request.routeOptions.config.access;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(token, new Date()) : null;
    if (access === 'public' || access === undefined) {
      request.actor = session?.actor ?? null;
      if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) throw platformErrors.csrfFailed();
      return;
    }
    if (!session) throw platformErrors.notAuthenticated();
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !tokensEqual(sent, session.csrfToken) || !sameOrigin(request)) {
        throw platformErrors.csrfFailed();
      }
    }
    if (session.actor.mustChangePassword && access !== 'session') throw platformErrors.passwordChangeRequired();
    if (!actorCan(session.actor, access)) throw platformErrors.forbidden();
  });
}

/** A browser names the page's origin on cross-site writes; it must be this server. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
