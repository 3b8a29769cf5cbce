import {
  ZId,
  ZPage,
  ZPortalDisclosures,
  ZPortalOrganization,
  ZPortalOrganizationListQuery,
  ZPortalProject,
  ZPortalProjectListItem,
  ZPortalProjectListQuery,
  ZPortalReceiptLookup,
  ZPortalReceiptTrace,
} from '@tongxin/contracts';
import { z } from 'zod';
import type { ApiApp } from '../../platform/http/index.js';
import { sendStoredFile } from '../publications/index.js';
import {
  portalDisclosures,
  portalOrganization,
  portalOrganizations,
  portalProject,
  portalProjectPhoto,
  portalProjects,
  portalReceiptTrace,
} from './portal.service.js';

const tags = ['public portal'];
/** Anyone may ask; `no-cache` makes browsers ask again, so a correction shows at the next view. */
const open = { config: { access: 'public' as const } };
const NO_CACHE = 'no-cache';
const ZIdParams = z.object({ id: ZId });

/** The public portal's read side (each route is in PUBLIC_ROUTES). */
export function portalRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/public/organizations',
    {
      ...open,
      schema: {
        tags,
        summary: 'Organizations, from the top of the network down',
        security: [],
        querystring: ZPortalOrganizationListQuery,
        response: { 200: ZPage(ZPortalOrganization) },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', NO_CACHE)
        .send(await portalOrganizations(request.server.tongxin.db.executor, request.query)),
  );
  app.get(
    '/api/v1/public/organizations/:id',
    {
      ...open,
      schema: {
        tags,
        summary: "An organization's basic information",
        security: [],
        params: ZIdParams,
        response: { 200: ZPortalOrganization },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', NO_CACHE)
        .send(await portalOrganization(request.server.tongxin.db.executor, request.params.id)),
  );
  app.get(
    '/api/v1/public/organizations/:id/disclosures',
    {
      ...open,
      schema: {
        tags,
        summary: "An organization's disclosures: its public projects' money and its publications",
        security: [],
        params: ZIdParams,
        response: { 200: ZPortalDisclosures },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', NO_CACHE)
        .send(await portalDisclosures(request.server.tongxin.db.executor, request.params.id)),
  );
  app.get(
    '/api/v1/public/projects',
    {
      ...open,
      schema: {
        tags,
        summary: 'Approved projects, the most recently started first',
        security: [],
        querystring: ZPortalProjectListQuery,
        response: { 200: ZPage(ZPortalProjectListItem) },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', NO_CACHE)
        .send(await portalProjects(request.server.tongxin.db.executor, request.query)),
  );
  app.get(
    '/api/v1/public/projects/:id',
    {
      ...open,
      schema: {
        tags,
        summary: 'A project with its public reports, photos, money and donors as they chose to be shown',
        security: [],
        params: ZIdParams,
        response: { 200: ZPortalProject },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', NO_CACHE)
        .send(await portalProject(request.server.tongxin.db.executor, request.params.id, request.lang)),
  );
  app.get(
    '/api/v1/public/projects/:id/photos/:fileId',
    {
      ...open,
      schema: {
        tags,
        summary: 'A public photo of a public report (stored without its metadata)',
        security: [],
        params: z.object({ id: ZId, fileId: ZId }),
      },
    },
    async (request, reply) => {
      const photo = await portalProjectPhoto(
        request.server.tongxin.db.executor,
        request.params.id,
        request.params.fileId,
        request.server.tongxin.config.dataDir,
      );
      return sendStoredFile(reply, photo, NO_CACHE);
    },
  );
  // A POST keeps the verification code out of addresses, browser history and access logs.
  app.post(
    '/api/v1/public/receipts/verify',
    {
      ...open,
      schema: {
        tags,
        summary: 'The trace of the gift behind a receipt, by its number and verification code',
        security: [],
        body: ZPortalReceiptLookup,
        response: { 200: ZPortalReceiptTrace },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await portalReceiptTrace(request.server.tongxin.db.executor, request.body, request.lang)),
  );
}
