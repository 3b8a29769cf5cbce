import { CaretDownOutlined, HistoryOutlined, NodeCollapseOutlined, NodeExpandOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ORGANIZATION_STATUS_LABELS, type TOrganizationTreeNode } from '@tongxin/contracts';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  Skeleton,
  Tag,
  Tooltip,
  Tree,
  Typography,
  type TreeDataNode,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { keys } from '../../api/keys';
import { fetchOrganizations } from '../../api/organizations';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';
import { useDebounced } from '../../lib/useDebounced';
import { pathTo, type OrgForest } from './buildTree';
import { OrgTypeIcon } from './OrgTypeIcon';

type Props = {
  forest: OrgForest | null;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  asOf: string | null;
  onAsOfChange: (date: string | null) => void;
};

/** Small networks open fully; large ones show two levels and the way to the selected organization. */
const EXPAND_ALL_UP_TO = 60;

function Marked({ text, term }: { text: string; term: string }) {
  const at = term ? text.toLowerCase().indexOf(term.toLowerCase()) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="tx-tree-match">{text.slice(at, at + term.length)}</span>
      {text.slice(at + term.length)}
    </>
  );
}

function defaultExpanded(forest: OrgForest, selectedId: string | null): string[] {
  if (forest.byId.size <= EXPAND_ALL_UP_TO) return [...forest.childrenOf.keys()];
  const open = new Set(forest.roots.map((root) => root.id));
  if (selectedId) for (const node of pathTo(forest, selectedId).slice(0, -1)) open.add(node.id);
  return [...open];
}

/**
 * The organization network as a tree: search by name (or pinyin, via the server) filters and highlights;
 * a date shows who was under whom on that day.
 */
export function OrganizationTree({ forest, loading, error, onRetry, selectedId, onSelect, asOf, onAsOfChange }: Props) {
  const t = useT();
  const label = useLabel();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 200);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  // Names match in the browser; pinyin, initials and credit codes match on the server.
  const remote = useQuery({
    queryKey: keys.orgList({ q: term, pageSize: 200, purpose: 'tree' }),
    queryFn: ({ signal }) => fetchOrganizations({ q: term, pageSize: 200 }, signal),
    enabled: term.length > 0,
    staleTime: 30_000,
  });

  const matches = useMemo(() => {
    if (!forest || !term) return null;
    const found = new Set<string>();
    const lower = term.toLowerCase();
    for (const node of forest.byId.values()) {
      if (node.name.toLowerCase().includes(lower) || node.shortName?.toLowerCase().includes(lower)) found.add(node.id);
    }
    for (const item of remote.data?.items ?? []) if (forest.byId.has(item.id)) found.add(item.id);
    return found;
  }, [forest, term, remote.data]);

  // While searching: the matches and the way down to them.
  const visible = useMemo(() => {
    if (!forest || !matches) return null;
    const ids = new Set<string>();
    for (const id of matches) for (const node of pathTo(forest, id)) ids.add(node.id);
    return ids;
  }, [forest, matches]);

  // Open the way to a newly selected organization (a search result clicked, a new one created); afterwards the
  // user may fold it again. Adjusting state while rendering is React's way for a change of props.
  const [revealed, setRevealed] = useState<string | null>(null);
  if (forest && selectedId && revealed !== `${selectedId}@${forest.byId.size}`) {
    setRevealed(`${selectedId}@${forest.byId.size}`);
    const ancestors = pathTo(forest, selectedId)
      .slice(0, -1)
      .map((node) => node.id);
    const current = expanded ?? defaultExpanded(forest, selectedId);
    const missing = ancestors.filter((id) => !current.includes(id));
    setExpanded(missing.length > 0 ? [...current, ...missing] : current);
  }

  const treeData = useMemo(() => {
    if (!forest) return [];
    const build = (nodes: readonly TOrganizationTreeNode[], trail: string[]): TreeDataNode[] =>
      nodes
        .filter((node) => !visible || visible.has(node.id))
        .map((node) => {
          const names = [...trail, node.name];
          const title: ReactNode = (
            <span className="tx-tree-title" title={names.join(' / ')} data-org-id={node.id}>
              <OrgTypeIcon type={node.type} />
              <span className={`tx-tree-title-text${matches && !matches.has(node.id) ? ' tx-tree-dim' : ''}`}>
                <Marked text={node.name} term={term} />
              </span>
              {node.status !== 'active' && (
                <Tag color={node.status === 'suspended' ? 'orange' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {label(ORGANIZATION_STATUS_LABELS, node.status)}
                </Tag>
              )}
            </span>
          );
          const children = forest.childrenOf.get(node.id) ?? [];
          return {
            key: node.id,
            title,
            isLeaf: children.length === 0,
            children: children.length > 0 ? build(children, names) : undefined,
          };
        });
    return build(forest.roots, []);
  }, [forest, visible, matches, term, label]);

  const expandedKeys = visible ? [...visible] : (expanded ?? (forest ? defaultExpanded(forest, selectedId) : []));
  const total = forest?.byId.size ?? 0;
  const allParents = forest ? [...forest.childrenOf.keys()] : [];

  let body: ReactNode;
  if (loading) body = <Skeleton active paragraph={{ rows: 8 }} title={false} />;
  else if (error) body = <ErrorState error={error} onRetry={onRetry} compact />;
  else if (total === 0) body = <EmptyState compact title={t('org.tree.empty')} />;
  else if (matches && matches.size === 0 && !remote.isFetching)
    body = <EmptyState compact title={t('org.tree.noMatch', { q: term })} />;
  else
    body = (
      <Tree
        blockNode
        showLine={{ showLeafIcon: false }}
        switcherIcon={<CaretDownOutlined style={{ fontSize: 12, color: '#8a919f' }} />}
        treeData={treeData}
        selectedKeys={selectedId ? [selectedId] : []}
        expandedKeys={expandedKeys}
        onExpand={(keysNow) => {
          if (!visible) setExpanded(keysNow.map(String));
        }}
        onSelect={(keysNow, info) => {
          const key = keysNow[0] ?? info.node.key;
          onSelect(String(key));
        }}
        aria-label={t('org.tree.title')}
        style={{ background: 'transparent' }}
      />
    );

  return (
    <Card
      className="tx-panel-card"
      size="small"
      title={
        <span>
          {t('org.tree.title')}{' '}
          {total > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
              {matches ? t('org.tree.matchCount', { count: matches.size }) : t('org.tree.count', { count: total })}
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <span>
          <Tooltip title={t('org.tree.expandAll')}>
            <Button
              type="text"
              size="small"
              icon={<NodeExpandOutlined />}
              aria-label={t('org.tree.expandAll')}
              onClick={() => setExpanded(allParents)}
              disabled={Boolean(visible)}
            />
          </Tooltip>
          <Tooltip title={t('org.tree.collapseAll')}>
            <Button
              type="text"
              size="small"
              icon={<NodeCollapseOutlined />}
              aria-label={t('org.tree.collapseAll')}
              onClick={() => setExpanded(forest ? forest.roots.map((root) => root.id) : [])}
              disabled={Boolean(visible)}
            />
          </Tooltip>
        </span>
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 10 } }}
    >
      <Input.Search
        allowClear
        placeholder={t('org.tree.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        loading={remote.isFetching}
        aria-label={t('org.tree.searchPlaceholder')}
        data-testid="tree-search"
      />
      <DatePicker
        style={{ width: '100%' }}
        prefix={<HistoryOutlined />}
        placeholder={t('org.tree.asOfPlaceholder')}
        value={fromBusinessDate(asOf)}
        onChange={(value) => onAsOfChange(toBusinessDate(value) ?? null)}
        disabledDate={isAfterToday}
        aria-label={t('org.tree.asOf')}
        data-testid="as-of-date"
      />
      {asOf && (
        <Alert
          type="warning"
          showIcon
          icon={<HistoryOutlined />}
          title={t('org.tree.asOfBanner', { date: asOf })}
          action={
            <Button size="small" type="link" onClick={() => onAsOfChange(null)}>
              {t('org.tree.backToToday')}
            </Button>
          }
          style={{ padding: '6px 10px' }}
        />
      )}
      <div style={{ overflow: 'auto', maxHeight: 'calc(100vh - 300px)', minHeight: 200, marginInline: -4 }}>{body}</div>
    </Card>
  );
}
