import { ApartmentOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { TOrganization } from '@tongxin/contracts';
import { Button, Card, Segmented, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n/useT';
import { usePageCrumbs, type Crumb } from '../../layout/BreadcrumbContext';
import { useSessionUser } from '../../session/SessionUserContext';
import { pathTo } from './buildTree';
import { MoveOrganizationModal } from './MoveOrganizationModal';
import { OrganizationDetail } from './OrganizationDetail';
import { OrganizationFormDrawer, type OrganizationFormTarget } from './OrganizationFormDrawer';
import { OrganizationList } from './OrganizationList';
import { OrganizationTree } from './OrganizationTree';
import { useOrganizationTree } from './useOrganizationTree';

/** 组织网络: the tree with the selected organization beside it, or the whole network as a list. */
export function OrganizationsPage() {
  const t = useT();
  const user = useSessionUser();
  const navigate = useNavigate();
  const { orgId: requestedId } = useParams();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'list' ? 'list' : 'tree';
  const asOf = params.get('asOf');
  const shown = useOrganizationTree(asOf);
  const today = useOrganizationTree(null);
  const [formTarget, setFormTarget] = useState<OrganizationFormTarget | null>(null);
  const [moving, setMoving] = useState<TOrganization | null>(null);
  // Each opening of a form mounts it anew, so that it starts clean.
  const [opening, setOpening] = useState(0);
  const openForm = (target: OrganizationFormTarget) => {
    setOpening((count) => count + 1);
    setFormTarget(target);
  };
  const openMove = (organization: TOrganization) => {
    setOpening((count) => count + 1);
    setMoving(organization);
  };

  // Without an id in the address, show the user's own organization (or the first one they may see).
  const orgId =
    requestedId ??
    (today.forest
      ? today.forest.byId.has(user.organizationId)
        ? user.organizationId
        : today.forest.roots[0]?.id
      : undefined);

  const keep = (id: string) => `/organizations/${id}${asOf ? `?asOf=${asOf}` : ''}`;

  const crumbs = useMemo<Crumb[]>(() => {
    if (view === 'list' || !orgId || !today.forest) return [];
    const suffix = asOf ? `?asOf=${asOf}` : '';
    return pathTo(today.forest, orgId).map((node, index, path) => ({
      key: node.id,
      title: node.shortName ?? node.name,
      href: index < path.length - 1 ? `/organizations/${node.id}${suffix}` : undefined,
    }));
  }, [view, orgId, today.forest, asOf]);
  usePageCrumbs(crumbs);

  const setView = (next: string) => {
    if (next === 'list') void navigate('/organizations?view=list');
    else void navigate(requestedId ? `/organizations/${requestedId}` : '/organizations');
  };
  const setAsOf = (date: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (date) next.set('asOf', date);
      else next.delete('asOf');
      return next;
    });

  const missingOnDate = asOf && orgId && shown.forest && !shown.forest.byId.has(orgId) ? asOf : null;
  const canCreateRoot = user.role === 'platform_admin';

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('org.pageTitle')}</h1>
        <div style={{ display: 'flex', gap: 8 }}>
          {canCreateRoot && (
            <Button icon={<PlusOutlined />} onClick={() => openForm({ mode: 'create', parent: null })}>
              {t('org.action.createRoot')}
            </Button>
          )}
          <Segmented
            value={view}
            onChange={setView}
            options={[
              { value: 'tree', label: t('org.view.tree'), icon: <ApartmentOutlined /> },
              { value: 'list', label: t('org.view.list'), icon: <UnorderedListOutlined /> },
            ]}
          />
        </div>
      </div>
      {view === 'list' ? (
        <OrganizationList />
      ) : (
        <div className="tx-org-page">
          <div className="tx-org-tree-panel">
            <OrganizationTree
              forest={shown.forest}
              loading={shown.isPending}
              error={shown.error}
              onRetry={() => void shown.refetch()}
              selectedId={orgId ?? null}
              onSelect={(id) => void navigate(keep(id))}
              asOf={asOf}
              onAsOfChange={setAsOf}
            />
          </div>
          <div className="tx-org-detail-panel">
            {orgId ? (
              <OrganizationDetail
                key={orgId}
                id={orgId}
                missingOnDate={missingOnDate}
                isVisible={(id) => Boolean(today.forest?.byId.has(id))}
                onCreateChild={(parent) => openForm({ mode: 'create', parent })}
                onEdit={(organization) => openForm({ mode: 'edit', organization })}
                onMove={openMove}
              />
            ) : (
              <Card>
                {today.isPending ? (
                  <Skeleton active title={{ width: '40%' }} paragraph={{ rows: 10 }} />
                ) : (
                  <EmptyState title={t('org.detail.pick')} hint={t('org.detail.pickHint')} />
                )}
              </Card>
            )}
          </div>
        </div>
      )}
      <OrganizationFormDrawer
        key={`form-${opening}`}
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(saved) => {
          setFormTarget(null);
          void navigate(`/organizations/${saved.id}`);
        }}
      />
      <MoveOrganizationModal
        key={`move-${opening}`}
        organization={moving}
        forest={today.forest}
        onClose={() => setMoving(null)}
        onMoved={(moved) => {
          setMoving(null);
          void navigate(`/organizations/${moved.id}?tab=history`);
        }}
      />
    </>
  );
}
