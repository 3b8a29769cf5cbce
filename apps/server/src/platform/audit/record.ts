import type { ServiceContext } from '../context.js';
import { withTransaction, type Executor } from '../db/index.js';
import { newId } from '../ids.js';
import { maskField } from '../privacy/mask.js';
import { canonicalJson } from './canonical-json.js';
import { auditEventHash } from './hash.js';
import { advanceChainHead, insertAuditEvent } from './repository.js';

export type AuditActor = { id: string; username: string } | null;

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export type AuditEntry = {
  /** The organization whose chain records the event; PLATFORM_CHAIN for platform-wide events. */
  chainId: string;
  /** `<entity>.<verb>`, e.g. organization.move. */
  action: string;
  entityType: string;
  entityId: string | null;
  changes: AuditChanges;
  actor: AuditActor;
  requestId?: string | null;
  at?: Date;
};

export const PLATFORM_CHAIN = 'platform';

/** Who acts and in which request, as the audit trail records it. */
export function auditBy(ctx: ServiceContext): Pick<AuditEntry, 'actor' | 'requestId'> {
  return { actor: { id: ctx.actor.userId, username: ctx.actor.username }, requestId: ctx.requestId };
}

/**
 * Appends an event to its chain in the caller's transaction, so the change and its record commit
 * together or not at all. Personal-data fields are masked before they are stored.
 */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  const occurredAt = (entry.at ?? new Date()).toISOString();
  const masked: AuditChanges = {};
  for (const [field, change] of Object.entries(entry.changes)) {
    masked[field] = { before: maskField(field, change.before), after: maskField(field, change.after) };
  }
  await withTransaction(executor, async (tx) => {
    const { seq, prevHash } = await advanceChainHead(tx, entry.chainId, occurredAt);
    const row = {
      id: newId(),
      chain_id: entry.chainId,
      seq,
      occurred_at: occurredAt,
      actor_id: entry.actor?.id ?? null,
      actor_username: entry.actor?.username ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      changes: canonicalJson(masked),
      request_id: entry.requestId ?? null,
      prev_hash: prevHash,
    };
    await insertAuditEvent(tx, { ...row, hash: auditEventHash(row) });
  });
}

/** The fields whose values differ, as before/after pairs. */
export function diffChanges<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const was = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (canonicalJson(was) !== canonicalJson(now)) changes[field] = { before: was, after: now };
  }
  return changes;
}
