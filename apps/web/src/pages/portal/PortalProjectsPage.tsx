import { useQuery } from '@tanstack/react-query';
import { PROJECT_CATEGORY, type TProjectCategory } from '@tongxin/contracts';
import { Input, Select } from 'antd';
import { useState } from 'react';
import { keys } from '../../api/keys';
import { portalProjects } from '../../api/portal';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { useDebounced } from '../../lib/useDebounced';
import { PortalSection } from './PortalSection';
import { ProjectTable } from './ProjectTable';

const PAGE_SIZE = 20;

/** Every public project, searchable by name or code and by category. */
export function PortalProjectsPage() {
  const t = useT();
  const options = useLabelOptions();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<TProjectCategory | undefined>();
  const [page, setPage] = useState(1);
  const q = useDebounced(text.trim(), 300);
  const query = { q, category, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: keys.portalProjects(query), queryFn: () => portalProjects(query) });
  return (
    <PortalSection title={t('portal.projects.title')}>
      <div className="tx-toolbar">
        <Input.Search
          allowClear
          placeholder={t('portal.projects.search')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPage(1);
          }}
          style={{ maxWidth: 320 }}
        />
        <Select<TProjectCategory>
          allowClear
          placeholder={t('projects.field.category')}
          options={options(PROJECT_CATEGORY.labels, PROJECT_CATEGORY.values)}
          value={category}
          onChange={(value) => {
            setCategory(value);
            setPage(1);
          }}
          style={{ minWidth: 160 }}
        />
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ProjectTable
          rows={list.data?.items ?? []}
          loading={list.isPending}
          empty={<EmptyState compact title={t('portal.project.empty')} hint={t('portal.project.emptyHint')} />}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
        />
      )}
    </PortalSection>
  );
}
