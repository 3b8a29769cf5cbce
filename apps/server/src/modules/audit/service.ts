import { ZAuditListQuery, type TAuditEvent, type TAuditListQuery, type TPage } from '@tongxin/contracts';
import { scopeOf } from '../../platform/access/index.js';
import {
  findAuditEvents,
  verifyAuditChains,
  type AuditEventRow,
  type VerifyReport,
} from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { organizationIdListInScope, organizationErrors } from '../organizations/index.js';

function toEvent(row: AuditEventRow): TAuditEvent {
  return {
    id: row.id,
    chainId: row.chain_id,
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorUsername: row.actor_username,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: JSON.parse(row.changes) as TAuditEvent['changes'],
    requestId: row.request_id,
  };
}

/** Audit events of the organizations in the actor's scope (each organization keeps its own chain). */
export async function findEvents(ctx: ServiceContext, input: TAuditListQuery): Promise<TPage<TAuditEvent>> {
  const query = ZAuditListQuery.parse(input);
  const scope = scopeOf(ctx.actor);
  let chainIds: readonly string[] | 'all' =
    scope.kind === 'all' ? 'all' : await organizationIdListInScope(ctx.db, scope);
  if (query.organizationId) {
    if (chainIds !== 'all' && !chainIds.includes(query.organizationId)) {
      throw organizationErrors.notFound({ id: query.organizationId });
    }
    chainIds = [query.organizationId];
  }
  const { rows, total } = await findAuditEvents(
    ctx.db,
    { chainIds, entityType: query.entityType, entityId: query.entityId, action: query.action },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(toEvent), total, page: query.page, pageSize: query.pageSize };
}

export async function verifyAll(ctx: ServiceContext): Promise<VerifyReport> {
  return verifyAuditChains(ctx.db);
}
