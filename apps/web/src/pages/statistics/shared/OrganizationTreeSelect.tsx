import type { TOrganizationTreeNode } from '@tongxin/contracts';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/useT';
import { beijingToday } from '../../../lib/dates';
import { useOrganizationTree } from '../../organizations/useOrganizationTree';

type TreeNode = { value: string; title: string; children?: TreeNode[] };

type Props = {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  /** The day the network is shown as it stood: figures of a past year roll up the tree of then. */
  on: string;
  /** Without a choice the figures cover everything the user may see; the annual pack needs one. */
  allowClear?: boolean;
  placeholder?: string;
};

/** Picks the organization whose subtree the figures cover, from the network as it stood on a day. */
export function OrganizationTreeSelect({ value, onChange, on, allowClear = true, placeholder }: Props) {
  const t = useT();
  const tree = useOrganizationTree(on < beijingToday() ? on : null);
  const forest = tree.forest;
  const treeData = useMemo(() => {
    if (!forest) return [];
    const build = (nodes: readonly TOrganizationTreeNode[]): TreeNode[] =>
      nodes.map((node) => {
        const children = forest.childrenOf.get(node.id) ?? [];
        return { value: node.id, title: node.name, children: children.length > 0 ? build(children) : undefined };
      });
    return build(forest.roots);
  }, [forest]);
  return (
    <TreeSelect
      style={{ width: 280, maxWidth: '100%' }}
      value={value}
      onChange={(id: string | undefined) => onChange(id ?? undefined)}
      treeData={treeData}
      loading={tree.isPending}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={forest?.roots.map((root) => root.id)}
      placeholder={placeholder ?? t('stats.scope.allOrganizations')}
      aria-label={t('stats.scope.organization')}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
      data-testid="stats-organization"
    />
  );
}
