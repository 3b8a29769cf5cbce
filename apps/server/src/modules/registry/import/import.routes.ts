import type {} from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZImportJob, ZImportKind, ZImportProblem, ZPageQuery } from '@tongxin/contracts';
import { z } from 'zod';
import { contentDisposition, serviceContext, XLSX_TYPE, type ApiApp } from '../../../platform/http/index.js';
import { platformErrors } from '../../../platform/errors/index.js';
import { createEncryptedWriteStream, openStoredFile } from '../../../platform/files/index.js';
import { importErrors } from './errors.js';
import { errorReportFile, getImportJob, importProblems, listImports, startImport } from './import-jobs.service.js';
import { templateCsv, TEMPLATE_NAMES, templateWorkbook } from './templates.js';

const ZKind = ZImportKind;
const ZIdParams = z.object({ id: z.uuid() });
const ZJob = ZImportJob;
const tags = ['registry: import'];

export function importRoutes(app: ApiApp): void {
  app.post(
    '/api/v1/imports',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary:
          'Upload a household or member file (multipart: kind, mode, file); checks and imports it in the background',
        consumes: ['multipart/form-data'],
        response: { 202: ZJob },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { dataDir, databaseUrl } = request.server.tongxin.config;
      const part = await request.file();
      if (!part) throw importErrors.badFile();
      const upload = path.join(dataDir, 'imports', `upload-${randomUUID()}`);
      fs.mkdirSync(path.dirname(upload), { recursive: true });
      // The file holds ID numbers and phones: it is written encrypted, and kept only while it is imported.
      const encrypted = createEncryptedWriteStream(upload);
      await pipeline(part.file, encrypted.stream);
      await encrypted.finished;
      if (part.file.truncated) {
        fs.rmSync(upload, { force: true });
        throw platformErrors.payloadTooLarge();
      }
      const fieldValue = (name: string) => {
        const field = part.fields[name];
        return field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
      };
      const kind = ZKind.safeParse(fieldValue('kind'));
      const mode = fieldValue('mode') === 'valid' ? 'valid' : 'all';
      if (!kind.success) {
        fs.rmSync(upload, { force: true });
        throw platformErrors.validationFailed({}, [
          { path: 'kind', message: { 'zh-CN': '请选择导入农户还是家庭成员', en: 'Choose households or persons' } },
        ]);
      }
      const job = await startImport(ctx, {
        kind: kind.data,
        mode,
        fileName: part.filename,
        upload,
        dataDir,
        databaseUrl,
      });
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Recent imports of your organizations',
        response: { 200: z.object({ items: z.array(ZJob) }) },
      },
    },
    async (request) => ({ items: await listImports(serviceContext(request)) }),
  );

  app.get(
    '/api/v1/imports/templates/:kind',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'The import template (format=xlsx or csv)',
        params: z.object({ kind: ZKind }),
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const name = `${TEMPLATE_NAMES[request.params.kind]}.${request.query.format}`;
      void reply.header('content-disposition', contentDisposition('attachment', name));
      if (request.query.format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(templateCsv(request.params.kind));
      return reply.type(XLSX_TYPE).send(await templateWorkbook(request.params.kind));
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      config: { access: 'write' },
      schema: { tags, summary: 'Progress and outcome of an import', params: ZIdParams, response: { 200: ZJob } },
    },
    async (request) => getImportJob(serviceContext(request), request.params.id),
  );

  app.get(
    '/api/v1/imports/:id/problems',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'The problems found, row by row',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: {
          200: z.object({
            items: z.array(ZImportProblem),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await importProblems(serviceContext(request), request.params.id, {
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/api/v1/imports/:id/error-report',
    {
      config: { access: 'write' },
      schema: { tags, summary: 'The error workbook: bad cells marked, reasons beside them', params: ZIdParams },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const report = await errorReportFile(ctx, request.params.id, request.server.tongxin.config.dataDir);
      const stream = await openStoredFile(report.file);
      void reply.header('content-disposition', contentDisposition('attachment', report.name));
      return reply.type(XLSX_TYPE).send(stream);
    },
  );
}
