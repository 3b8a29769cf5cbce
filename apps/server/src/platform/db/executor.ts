import type { Kysely } from 'kysely';

declare const executorBrand: unique symbol;

/**
 * A connection or an open transaction, opaque to everything but repositories. Services hold it and
 * pass it on; a repository narrows it to the tables it owns with `tablesOf`. Each module declares its
 * own table types, so no file has to know the whole schema.
 */
export type Executor = { readonly [executorBrand]: true };

export function tablesOf<Tables>(executor: Executor): Kysely<Tables> {
  return executor as unknown as Kysely<Tables>;
}

export function asExecutor<Tables>(kysely: Kysely<Tables>): Executor {
  return kysely as unknown as Executor;
}
