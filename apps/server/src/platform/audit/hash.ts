import { createHash } from 'node:crypto';
import type { AuditEventRow } from './tables.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The link hash covers every stored column but the hash itself, and the previous link. */
export function auditEventHash(row: Omit<AuditEventRow, 'hash'>): string {
  const material = JSON.stringify([
    row.prev_hash,
    row.id,
    row.chain_id,
    row.seq,
    row.occurred_at,
    row.actor_id,
    row.actor_username,
    row.action,
    row.entity_type,
    row.entity_id,
    row.changes,
    row.request_id,
  ]);
  return createHash('sha256').update(material).digest('hex');
}
