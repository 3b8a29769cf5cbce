import type { Executor } from '../db/index.js';
import { GENESIS_HASH, auditEventHash } from './hash.js';
import { listChainHeads, listEventChainIds, readChainPage } from './repository.js';

export type ChainBreak = {
  chainId: string;
  /** The sequence number where the chain first fails to hold. */
  seq: number;
  eventId: string | null;
  problem: 'edited' | 'missing_event' | 'tail_cut' | 'head_missing' | 'head_mismatch';
};

export type VerifyReport = { chains: number; events: number; breaks: ChainBreak[] };

const PAGE = 1000;

/**
 * Walks every chain from its first event: each event's hash must match its content and the previous
 * link, sequence numbers must run without gaps, and the chain must end where its stored head says.
 * Reports the first broken link of each chain.
 */
export async function verifyAuditChains(
  executor: Executor,
  onChain?: (done: number, total: number) => void,
): Promise<VerifyReport> {
  const heads = new Map((await listChainHeads(executor)).map((head) => [head.chain_id, head]));
  const chainIds = [...new Set([...heads.keys(), ...(await listEventChainIds(executor))])].sort();
  const breaks: ChainBreak[] = [];
  let events = 0;
  for (const [index, chainId] of chainIds.entries()) {
    const result = await verifyChain(executor, chainId, heads.get(chainId));
    events += result.events;
    if (result.break) breaks.push(result.break);
    onChain?.(index + 1, chainIds.length);
  }
  return { chains: chainIds.length, events, breaks };
}

async function verifyChain(
  executor: Executor,
  chainId: string,
  head: { seq: number; hash: string } | undefined,
): Promise<{ events: number; break: ChainBreak | null }> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let events = 0;
  for (;;) {
    const page = await readChainPage(executor, chainId, expectedSeq - 1, PAGE);
    for (const row of page) {
      const seq = row.seq;
      if (seq !== expectedSeq || row.prev_hash !== prevHash) {
        return { events, break: { chainId, seq: expectedSeq, eventId: row.id, problem: 'missing_event' } };
      }
      const { hash, ...content } = row;
      if (auditEventHash({ ...content, seq }) !== hash) {
        return { events, break: { chainId, seq, eventId: row.id, problem: 'edited' } };
      }
      prevHash = hash;
      expectedSeq += 1;
      events += 1;
    }
    if (page.length < PAGE) break;
  }
  const lastSeq = expectedSeq - 1;
  if (!head) return { events, break: { chainId, seq: lastSeq, eventId: null, problem: 'head_missing' } };
  if (head.seq > lastSeq) {
    return { events, break: { chainId, seq: lastSeq + 1, eventId: null, problem: 'tail_cut' } };
  }
  if (head.seq !== lastSeq || head.hash !== prevHash) {
    return { events, break: { chainId, seq: lastSeq, eventId: null, problem: 'head_mismatch' } };
  }
  return { events, break: null };
}
