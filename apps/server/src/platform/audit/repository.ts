import { insertMany, runWrittenSql, tablesOf, type Executor } from '../db/index.js';
import { GENESIS_HASH } from './hash.js';
import type { AuditChainHeadRow, AuditEventRow, AuditTables } from './tables.js';

const db = (executor: Executor) => tablesOf<AuditTables>(executor);

/**
 * Takes the next sequence number of a chain, starting the chain on its first event, in one statement. The
 * upsert locks the chain's head row on PostgreSQL until the transaction ends, so writers of one chain queue
 * while other chains proceed; the hash it returns is still the previous event's.
 */
export async function advanceChainHead(
  executor: Executor,
  chainId: string,
  at: string,
): Promise<{ seq: number; prevHash: string }> {
  const { rows } = await runWrittenSql(
    executor,
    'insert into audit_chain_heads (chain_id, seq, hash, updated_at) values (?, 1, ?, ?) ' +
      'on conflict (chain_id) do update set seq = audit_chain_heads.seq + 1, updated_at = excluded.updated_at ' +
      'returning seq, hash',
    [chainId, GENESIS_HASH, at],
  );
  const [head] = rows;
  if (typeof head?.seq !== 'number' || typeof head.hash !== 'string')
    throw new Error(`audit chain ${chainId} has no head`);
  return { seq: head.seq, prevHash: head.hash };
}

export async function insertAuditEvent(executor: Executor, row: AuditEventRow): Promise<void> {
  await insertMany(executor, 'audit_events', [row]);
  await runWrittenSql(executor, 'update audit_chain_heads set hash = ? where chain_id = ?', [row.hash, row.chain_id]);
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

/**
 * The events of some entities with the given actions, in the order they were recorded (by id: ids made by
 * one process sort in the order made), for rules that replay an entity's history. Unscoped: the caller
 * derives figures from them and never returns the events.
 */
export async function eventsOfEntities(
  executor: Executor,
  entityType: string,
  entityIds: readonly string[],
  actions: readonly string[],
): Promise<AuditEventRow[]> {
  const rows: AuditEventRow[] = [];
  for (let from = 0; from < entityIds.length; from += 1000) {
    rows.push(
      ...(await db(executor)
        .selectFrom('audit_events')
        .selectAll()
        .where('entity_type', '=', entityType)
        .where('entity_id', 'in', entityIds.slice(from, from + 1000))
        .where('action', 'in', [...actions])
        .execute()),
    );
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
