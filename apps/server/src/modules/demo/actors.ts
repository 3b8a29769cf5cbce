import { SYSTEM_ACTOR, type ServiceContext } from '../../platform/context.js';
import { actorOf } from '../accounts/index.js';

/** Demo work done by the demo user who would do it, or by the system where the organization has none. */
export async function contextFor(ctx: ServiceContext, username: string | null): Promise<ServiceContext> {
  const actor = username ? await actorOf(ctx.db, username) : null;
  return { ...ctx, actor: actor ?? SYSTEM_ACTOR };
}
