import { useQuery } from '@tanstack/react-query';
import { PUBLICATION_KIND, type TPublicationKind } from '@tongxin/contracts';
import { Select } from 'antd';
import { useState } from 'react';
import { keys } from '../../api/keys';
import { publicPublications } from '../../api/portal';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { PortalSection } from './PortalSection';
import { PublicationList } from './PublicationList';

const PAGE_SIZE = 10;

/** Every published publication, newest first, by kind. */
export function PortalPublicationsPage() {
  const t = useT();
  const options = useLabelOptions();
  const [kind, setKind] = useState<TPublicationKind | undefined>();
  const [page, setPage] = useState(1);
  const query = { kind, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: keys.portalPublications(query), queryFn: () => publicPublications(query) });
  return (
    <PortalSection title={t('portal.publications.title')}>
      <div className="tx-toolbar">
        <Select<TPublicationKind>
          allowClear
          placeholder={t('portal.publications.kind')}
          options={options(PUBLICATION_KIND.labels, PUBLICATION_KIND.values)}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          style={{ minWidth: 180 }}
        />
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <PublicationList
          items={list.data?.items ?? []}
          loading={list.isPending}
          empty={<EmptyState title={t('portal.publication.empty')} hint={t('portal.publication.emptyHint')} />}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
        />
      )}
    </PortalSection>
  );
}
