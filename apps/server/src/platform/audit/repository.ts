import { tablesOf, type Executor } from '../db/index.js';
import type { AuditChainHeadRow, AuditEventRow, AuditTables } from './tables.js';

const db = (executor: Executor) => tablesOf<AuditTables>(executor);

/**
 * Takes the next sequence number of a chain. The update locks the chain's head row on PostgreSQL until
 * the transaction ends, so writers of one chain queue while other chains proceed.
 */
export async function advanceChainHead(
  executor: Executor,
  chainId: string,
  at: string,
): Promise<{ seq: number; prevHash: string }> {
  await db(executor)
    .insertInto('audit_chain_heads')
    .values({ chain_id: chainId, seq: 0, hash: '0'.repeat(64), updated_at: at })
    .onConflict((oc) => oc.column('chain_id').doNothing())
    .execute();
  const head = await db(executor)
    .updateTable('audit_chain_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1), updated_at: at }))
    .where('chain_id', '=', chainId)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: head.seq, prevHash: head.hash };
}

export async function insertAuditEvent(executor: Executor, row: AuditEventRow): Promise<void> {
  await db(executor).insertInto('audit_events').values(row).execute();
  await db(executor)
    .updateTable('audit_chain_heads')
    .set({ hash: row.hash })
    .where('chain_id', '=', row.chain_id)
    .execute();
}

export async function listChainHeads(executor: Executor): Promise<AuditChainHeadRow[]> {
  return db(executor).selectFrom('audit_chain_heads').selectAll().orderBy('chain_id').execute();
}

/** Chains that have events but possibly no head (a deleted head is itself a break). */
export async function listEventChainIds(executor: Executor): Promise<string[]> {
  const rows = await db(executor).selectFrom('audit_events').select('chain_id').distinct().execute();
  return rows.map((row) => row.chain_id);
}

export async function readChainPage(
  executor: Executor,
  chainId: string,
  afterSeq: number,
  limit: number,
): Promise<AuditEventRow[]> {
  return db(executor)
    .selectFrom('audit_events')
    .selectAll()
    .where('chain_id', '=', chainId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export type AuditEventFilter = {
  chainIds: readonly string[] | 'all';
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
};

export async function findAuditEvents(
  executor: Executor,
  filter: AuditEventFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditEventRow[]; total: number }> {
  let query = db(executor).selectFrom('audit_events');
  if (filter.chainIds !== 'all') {
    if (filter.chainIds.length === 0) return { rows: [], total: 0 };
    query = query.where('chain_id', 'in', filter.chainIds);
  }
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.action) query = query.where('action', '=', filter.action);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
