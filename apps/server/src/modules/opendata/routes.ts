import { ZGrantPackage, ZOpenDataQuery, type TOpenDataQuery } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../platform/http/index.js';
import { grantPackage, grantTable, iatiActivities } from './service.js';

/**
 * Open data is for publishing: the IATI registry and 360Giving harvest files from a public address, and the
 * portal already shows the same projects and money to anyone. So these routes answer without signing in
 * (each is in PUBLIC_ROUTES) and carry only what the portal may show: projects once approved, organizations
 * by name, donors as they chose to be shown, payees named only when they are organizations. A signed-in,
 * scoped export of everything would be a different thing (the projects and funds exports).
 */
const open = (summary: string) => ({
  config: { access: 'public' as const },
  schema: { tags: ['open data'], summary, security: [], querystring: ZOpenDataQuery },
});

/** What every open-data service takes from a request: the database, the deployment's prefixes, the query. */
const from = (request: { server: FastifyRequest['server']; query: TOpenDataQuery }) =>
  [request.server.tongxin.db.executor, request.server.tongxin.config.openData, request.query] as const;

export function openDataRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/public/opendata/iati.xml',
    open('IATI 2.03 activity XML: public projects with their transactions from the ledger'),
    async (request, reply) =>
      reply
        .header('cache-control', 'no-cache')
        .type('application/xml; charset=utf-8')
        .send(await iatiActivities(...from(request))),
  );
  const grants = open('360Giving-style grants: allocations to public projects and payments to organizations');
  app.get(
    '/api/v1/public/opendata/360giving.json',
    { ...grants, schema: { ...grants.schema, response: { 200: ZGrantPackage } } },
    async (request, reply) => reply.header('cache-control', 'no-cache').send(await grantPackage(...from(request))),
  );
  app.get(
    '/api/v1/public/opendata/360giving.csv',
    open('The same grants as CSV (UTF-8 with BOM, for Excel)'),
    async (request, reply) =>
      reply
        .header('cache-control', 'no-cache')
        .header('content-disposition', 'attachment; filename="360giving-grants.csv"')
        .type('text/csv; charset=utf-8')
        .send(await grantTable(...from(request))),
  );
}
