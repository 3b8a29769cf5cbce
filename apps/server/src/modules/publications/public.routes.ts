import {
  ZId,
  ZPage,
  ZPublicPublication,
  ZPublicPublicationListItem,
  ZPublicPublicationListQuery,
} from '@tongxin/contracts';
import { z } from 'zod';
import type { ApiApp } from '../../platform/http/index.js';
import { findPublicPublications, getPublicPublication, publicPublicationFile } from './public.service.js';
import { sendStoredFile, ZFileParams } from './routes.js';

const tags = ['public portal'];

/**
 * The portal's publications, without signing in (each route is in PUBLIC_ROUTES). Only published ones
 * are reached; `no-cache` makes browsers ask again, so a withdrawal takes effect at the next view.
 */
export function publicPublicationRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/public/publications',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Published publications, newest first',
        security: [],
        querystring: ZPublicPublicationListQuery,
        response: { 200: ZPage(ZPublicPublicationListItem) },
      },
    },
    async (request, reply) => {
      const page = await findPublicPublications(request.server.tongxin.db.executor, request.query);
      return reply.header('cache-control', 'no-cache').send(page);
    },
  );
  app.get(
    '/api/v1/public/publications/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One published publication with its attachments',
        security: [],
        params: z.object({ id: ZId }),
        response: { 200: ZPublicPublication },
      },
    },
    async (request, reply) => {
      const publication = await getPublicPublication(request.server.tongxin.db.executor, request.params.id);
      return reply.header('cache-control', 'no-cache').send(publication);
    },
  );
  app.get(
    '/api/v1/public/publications/:id/files/:fileId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Download an attachment or the cover of a published publication',
        security: [],
        params: ZFileParams,
      },
    },
    async (request, reply) => {
      const file = await publicPublicationFile(
        request.server.tongxin.db.executor,
        request.params.id,
        request.params.fileId,
        request.server.tongxin.config.dataDir,
      );
      return sendStoredFile(reply, file, 'no-cache');
    },
  );
}
