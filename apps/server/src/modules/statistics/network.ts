import type { TOrganizationTreeNode } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import { beijingDate } from '../../platform/time.js';
import { organizationTree } from '../organizations/index.js';
import { statisticsErrors as errors } from './errors.js';

/**
 * The organizations whose figures a question sums: those the caller may see, as the network stood on the
 * date (names, levels, regions and parents from the dated history), under `rootId` when one is given.
 */
export async function organizationsOn(
  ctx: ServiceContext,
  date: string,
  rootId: string | undefined,
): Promise<Map<string, TOrganizationTreeNode>> {
  const nodes = await organizationTree(ctx, date < beijingDate() ? date : undefined);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  if (!rootId) return byId;
  if (!byId.has(rootId)) throw errors.organizationNotVisible({ date });
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
  }
  const under = new Map<string, TOrganizationTreeNode>();
  const queue = [rootId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = byId.get(id);
    if (!node || under.has(id)) continue;
    under.set(id, node);
    queue.push(...(children.get(id) ?? []));
  }
  return under;
}
