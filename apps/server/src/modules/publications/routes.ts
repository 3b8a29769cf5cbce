import {
  ZCreatePublicationRequest,
  ZId,
  ZPage,
  ZPublication,
  ZPublicationFile,
  ZPublicationListItem,
  ZPublicationListQuery,
  ZPublicationTransitionRequest,
  ZUpdatePublicationRequest,
} from '@tongxin/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { FILE_LIMITS_MB, openStoredFile } from '../../platform/files/index.js';
import { contentDisposition, readUpload, serviceContext, type ApiApp } from '../../platform/http/index.js';
import { publicationFile, removePublicationFile, uploadPublicationFile, uploadRole } from './attachment.service.js';
import {
  createPublication,
  findPublications,
  getPublication,
  transitionPublication,
  updatePublication,
} from './publication.service.js';

const ZIdParams = z.object({ id: ZId });
export const ZFileParams = z.object({ id: ZId, fileId: ZId });
const tags = ['publications'];

/**
 * Sends a stored file (decrypted; a damaged one is refused) inline under its own name; `cacheControl` says
 * who may keep a copy.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  file: { file: string; name: string; mime: string },
  cacheControl: string,
) {
  const stream = await openStoredFile(file.file);
  return reply
    .type(file.mime)
    .header('content-disposition', contentDisposition('inline', file.name, null))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cacheControl)
    .send(stream);
}

export function publicationRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/publications',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Publications in scope, in every state, recently changed first',
        querystring: ZPublicationListQuery,
        response: { 200: ZPage(ZPublicationListItem) },
      },
    },
    async (request) => findPublications(serviceContext(request), request.query),
  );
  app.post(
    '/api/v1/publications',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Start a publication (as a draft): news, brief, research report, magazine issue, annual report',
        body: ZCreatePublicationRequest,
        response: { 201: ZPublication },
      },
    },
    async (request, reply) => reply.status(201).send(await createPublication(serviceContext(request), request.body)),
  );
  app.get(
    '/api/v1/publications/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'One publication with its cover, attachments and the actions open to you',
        params: ZIdParams,
        response: { 200: ZPublication },
      },
    },
    async (request) => getPublication(serviceContext(request), request.params.id),
  );
  app.patch(
    '/api/v1/publications/:id',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Change a publication; a published one is corrected in place and the correction audited',
        params: ZIdParams,
        body: ZUpdatePublicationRequest,
        response: { 200: ZPublication },
      },
    },
    async (request) => updatePublication(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/publications/:id/transitions',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Publish (from draft or withdrawn) or withdraw (with a reason)',
        params: ZIdParams,
        body: ZPublicationTransitionRequest,
        response: { 200: ZPublication },
      },
    },
    async (request) => transitionPublication(serviceContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/publications/:id/files',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary:
          'Upload an attachment (PDF, JPG/PNG, docx, xlsx) or the cover picture (multipart: role = attachment | cover, file); pictures lose their metadata',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZPublicationFile },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, FILE_LIMITS_MB.document * 1024 * 1024);
      const stored = await uploadPublicationFile(serviceContext(request), request.params.id, {
        role: uploadRole(upload.field('role')),
        fileName: upload.fileName,
        bytes: upload.bytes,
        dataDir: request.server.tongxin.config.dataDir,
      });
      return reply.status(201).send(stored);
    },
  );
  app.get(
    '/api/v1/publications/:id/files/:fileId',
    {
      config: { access: 'read' },
      schema: { tags, summary: 'Download an attachment or the cover', params: ZFileParams },
    },
    async (request, reply) => {
      const file = await publicationFile(
        serviceContext(request),
        request.params.id,
        request.params.fileId,
        request.server.tongxin.config.dataDir,
      );
      return sendStoredFile(reply, file, 'private, no-cache');
    },
  );
  app.delete(
    '/api/v1/publications/:id/files/:fileId',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Remove an attachment or the cover (a published magazine issue keeps its last PDF)',
        params: ZFileParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removePublicationFile(
        serviceContext(request),
        request.params.id,
        request.params.fileId,
        request.server.tongxin.config.dataDir,
      );
      return reply.status(204).send(null);
    },
  );
}
