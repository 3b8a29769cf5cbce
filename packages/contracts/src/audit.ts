import { z } from 'zod';
import { ZId, ZPageQuery, ZTimestamp } from './common.js';

export const ZAuditChange = z.object({ before: z.unknown(), after: z.unknown() });

export const ZAuditEvent = z.object({
  id: ZId,
  chainId: z.string(),
  seq: z.number().int(),
  occurredAt: ZTimestamp,
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), ZAuditChange),
  requestId: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditListQuery = ZPageQuery.extend({
  organizationId: ZId.optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
});
export type TAuditListQuery = z.input<typeof ZAuditListQuery>;
