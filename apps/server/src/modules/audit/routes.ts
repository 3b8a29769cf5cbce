import { ZAuditEvent, ZAuditListQuery, ZPage } from '@tongxin/contracts';
import { z } from 'zod';
import { serviceContext, type ApiApp } from '../../platform/http/index.js';
import { findEvents, verifyAll } from './service.js';

const ZVerifyReport = z.object({
  chains: z.number().int(),
  events: z.number().int(),
  breaks: z.array(
    z.object({ chainId: z.string(), seq: z.number().int(), eventId: z.string().nullable(), problem: z.string() }),
  ),
});

export function auditRoutes(app: ApiApp): void {
  app.get(
    '/api/v1/audit-events',
    {
      config: { access: 'read_audit' },
      schema: {
        tags: ['audit'],
        summary: 'Audit events of the organizations in scope, newest first',
        querystring: ZAuditListQuery,
        response: { 200: ZPage(ZAuditEvent) },
      },
    },
    async (request) => findEvents(serviceContext(request), request.query),
  );

  app.get(
    '/api/v1/audit-events/verification',
    {
      config: { access: 'administer_platform' },
      schema: {
        tags: ['audit'],
        summary: 'Walk every hash chain and report the first broken link of each',
        response: { 200: ZVerifyReport },
      },
    },
    async (request) => verifyAll(serviceContext(request)),
  );
}
