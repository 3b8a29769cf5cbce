import type { TOrganizationTreeNode, TOrganizationType } from '@tongxin/contracts';

export type OrgForest = {
  roots: TOrganizationTreeNode[];
  byId: ReadonlyMap<string, TOrganizationTreeNode>;
  childrenOf: ReadonlyMap<string, TOrganizationTreeNode[]>;
};

/** Associations first, then the other kinds; within a kind by name in pinyin order. */
const TYPE_ORDER: Readonly<Record<TOrganizationType, number>> = {
  association: 0,
  social_group: 1,
  foundation: 2,
  social_service: 3,
  government: 4,
  school: 5,
  bank: 6,
  enterprise: 7,
};

const collator = new Intl.Collator('zh-CN');

/** Associations first, then by kind; within a kind by name. */
export function compareNodes(
  a: Pick<TOrganizationTreeNode, 'type' | 'name'>,
  b: Pick<TOrganizationTreeNode, 'type' | 'name'>,
): number {
  return TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || collator.compare(a.name, b.name);
}

/** The flat list of GET /organizations/tree as a forest: nodes whose parent is not in the list are roots. */
export function buildForest(nodes: readonly TOrganizationTreeNode[]): OrgForest {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const childrenOf = new Map<string, TOrganizationTreeNode[]>();
  const roots: TOrganizationTreeNode[] = [];
  for (const node of nodes) {
    if (node.parentId && byId.has(node.parentId)) {
      const siblings = childrenOf.get(node.parentId) ?? [];
      siblings.push(node);
      childrenOf.set(node.parentId, siblings);
    } else {
      roots.push(node);
    }
  }
  roots.sort(compareNodes);
  for (const siblings of childrenOf.values()) siblings.sort(compareNodes);
  return { roots, byId, childrenOf };
}

/** The chain from the root down to the node itself. */
export function pathTo(forest: OrgForest, id: string): TOrganizationTreeNode[] {
  const path: TOrganizationTreeNode[] = [];
  const seen = new Set<string>();
  for (let node = forest.byId.get(id); node && !seen.has(node.id); node = forest.byId.get(node.parentId ?? '')) {
    seen.add(node.id);
    path.unshift(node);
  }
  return path;
}

/** The node and everything below it. */
export function subtreeIds(forest: OrgForest, id: string): Set<string> {
  const ids = new Set<string>();
  const queue = [id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (ids.has(next)) continue;
    ids.add(next);
    queue.push(...(forest.childrenOf.get(next) ?? []).map((child) => child.id));
  }
  return ids;
}
