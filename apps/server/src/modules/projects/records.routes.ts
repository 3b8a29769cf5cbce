import {
  ZAcceptance,
  ZCreateAcceptanceRequest,
  ZCreateInspectionRequest,
  ZCreateMilestoneRequest,
  ZCreateReportRequest,
  ZId,
  ZInspection,
  ZMilestone,
  ZOverdueItem,
  ZProgressReport,
  ZProjectFile,
  ZReportingStatus,
  ZSupervisionRow,
  ZUpdateMilestoneRequest,
} from '@tongxin/contracts';
import { z } from 'zod';
import { FILE_LIMITS_MB, openStoredFile } from '../../platform/files/index.js';
import {
  contentDisposition,
  readUpload,
  sendWorkbook,
  serviceContext,
  type ApiApp,
} from '../../platform/http/index.js';
import { beijingDate } from '../../platform/time.js';
import { exportSupervision } from './export.service.js';
import {
  addAcceptance,
  addInspection,
  addMilestone,
  addReport,
  projectFile,
  projectRecords,
  supervisionBoard,
  updateMilestone,
  uploadProjectFile,
} from './records.service.js';

const ZIdParams = z.object({ id: ZId });
const tags = ['projects: supervision and records'];

export function recordRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/projects/supervision',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Running projects in scope with overdue reports, milestones or follow-ups',
        response: { 200: z.object({ items: z.array(ZSupervisionRow) }) },
      },
    },
    async (request) => ({ items: await supervisionBoard(serviceContext(request)) }),
  );
  app.get(
    '/api/v1/projects/supervision/export',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'The supervision board as a workbook: one row per overdue item',
        querystring: z.object({ kind: ZOverdueItem.shape.kind.optional() }),
      },
    },
    async (request, reply) => {
      const stream = exportSupervision(serviceContext(request), request.query.kind);
      return sendWorkbook(reply, stream, `逾期事项-${beijingDate()}.xlsx`, 'overdue.xlsx');
    },
  );

  app.get(
    '/api/v1/projects/:id/records',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Milestones, reports, inspections, acceptance checks, attachments and what is due',
        params: ZIdParams,
        response: {
          200: z.object({
            milestones: z.array(ZMilestone),
            reports: z.array(ZProgressReport),
            inspections: z.array(ZInspection),
            acceptances: z.array(ZAcceptance),
            files: z.array(ZProjectFile),
            reporting: ZReportingStatus,
          }),
        },
      },
    },
    async (request) => projectRecords(serviceContext(request), request.params.id),
  );

  app.post(
    '/api/v1/projects/:id/files',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Upload a photo (JPG/PNG, metadata removed) or a document (multipart: kind, isPublic, file)',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZProjectFile },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, FILE_LIMITS_MB.document * 1024 * 1024);
      const stored = await uploadProjectFile(serviceContext(request), request.params.id, {
        kind: upload.field('kind') === 'document' ? 'document' : 'photo',
        fileName: upload.fileName,
        bytes: upload.bytes,
        isPublic: upload.field('isPublic') === 'true',
        dataDir: request.server.tongxin.config.dataDir,
      });
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/api/v1/projects/:id/files/:fileId',
    {
      config: { access: 'read' },
      schema: { tags, summary: 'Download an attachment or photo', params: z.object({ id: ZId, fileId: ZId }) },
    },
    async (request, reply) => {
      const file = await projectFile(
        serviceContext(request),
        request.params.id,
        request.params.fileId,
        request.server.tongxin.config.dataDir,
      );
      const stream = await openStoredFile(file.file);
      return reply
        .type(file.mime)
        .header('content-disposition', contentDisposition('inline', file.name, null))
        .send(stream);
    },
  );

  app.post(
    '/api/v1/projects/:id/milestones',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Plan a milestone',
        params: ZIdParams,
        body: ZCreateMilestoneRequest,
        response: { 201: ZMilestone },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMilestone(serviceContext(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/projects/:id/milestones/:milestoneId',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Change a milestone or record it achieved',
        params: z.object({ id: ZId, milestoneId: ZId }),
        body: ZUpdateMilestoneRequest,
        response: { 200: ZMilestone },
      },
    },
    async (request) =>
      updateMilestone(serviceContext(request), request.params.id, request.params.milestoneId, request.body),
  );

  app.post(
    '/api/v1/projects/:id/reports',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'File a progress or final report',
        params: ZIdParams,
        body: ZCreateReportRequest,
        response: { 201: ZProgressReport },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addReport(serviceContext(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/projects/:id/inspections',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Record an inspection visit',
        params: ZIdParams,
        body: ZCreateInspectionRequest,
        response: { 201: ZInspection },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addInspection(serviceContext(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/projects/:id/acceptances',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Record an acceptance check; its verdict accepts the project or sends it back',
        params: ZIdParams,
        body: ZCreateAcceptanceRequest,
        response: { 201: ZAcceptance },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAcceptance(serviceContext(request), request.params.id, request.body)),
  );
}
