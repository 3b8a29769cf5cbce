import { scopeOf, writeScopeOf } from '../../platform/access/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { registryErrors as errors } from './errors.js';
import { findHousehold } from './household.repository.js';
import type { HouseholdRow } from './tables.js';

/** A household the actor may see (or change): 404 when invisible, 403 when visible but not theirs to change. */
export async function requireHousehold(ctx: ServiceContext, id: string, write = false): Promise<HouseholdRow> {
  const row = await findHousehold(ctx.db, write ? writeScopeOf(ctx.actor) : scopeOf(ctx.actor), id);
  if (row) return row;
  if (write && (await findHousehold(ctx.db, scopeOf(ctx.actor), id))) throw errors.notWritable();
  throw errors.householdNotFound({ id });
}
