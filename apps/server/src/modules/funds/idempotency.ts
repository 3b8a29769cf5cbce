import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/audit/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { withGroupCommit } from '../../platform/db/index.js';
import { fundErrors as errors } from './errors.js';
import { claimKey, findKey, storeResponse } from './idempotency.repository.js';

export type IdempotencyKey = string | undefined;

/**
 * Runs a posting at most once per key: the key, the request's fingerprint and the answer commit in the
 * same transaction as the posting, so a retry after a lost answer (a dropped connection, a killed server)
 * gets the first answer and posts nothing. The same key with a different request is refused. Keys belong
 * to the user who sent them.
 */
export async function onceForKey<T>(
  ctx: ServiceContext,
  key: IdempotencyKey,
  operation: string,
  request: unknown,
  work: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  if (!key) throw errors.idempotencyKeyMissing();
  const requestHash = createHash('sha256').update(canonicalJson({ operation, request })).digest('base64url');
  return withGroupCommit(ctx.db, async (tx) => {
    const owner = ctx.actor.userId;
    const claimed = await claimKey(tx, {
      owner_id: owner,
      key,
      operation,
      request_hash: requestHash,
      response: '',
      created_at: new Date().toISOString(),
    });
    if (!claimed) {
      const existing = await findKey(tx, owner, key);
      if (!existing || existing.request_hash !== requestHash) throw errors.idempotencyConflict({ key });
      return JSON.parse(existing.response) as T;
    }
    const result = await work({ ...ctx, db: tx });
    await storeResponse(tx, owner, key, JSON.stringify(result));
    return result;
  });
}
