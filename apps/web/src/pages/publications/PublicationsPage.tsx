import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PUBLICATION_KIND,
  PUBLICATION_STATUS,
  type TPublicationKind,
  type TPublicationListItem,
  type TPublicationStatus,
} from '@tongxin/contracts';
import { App, Button, Input, InputNumber, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/ApiError';
import { keys } from '../../api/keys';
import { fetchPublication, fetchPublications, transitionPublication } from '../../api/publications';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel, useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { useDebounced } from '../../lib/useDebounced';
import { useCan } from '../../session/SessionUserContext';
import { PublicationDrawer, type PublicationTarget } from './PublicationDrawer';
import { WithdrawModal } from './WithdrawModal';

const PAGE_SIZE = 20;
const STATUS_COLORS: Readonly<Record<TPublicationStatus, string>> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'orange',
};

/** 出版物: news, briefs, research and annual reports, magazine issues; written, published and withdrawn here. */
export function PublicationsPage() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const can = useCan();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<TPublicationKind | undefined>();
  const [status, setStatus] = useState<TPublicationStatus | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<PublicationTarget | null>(null);
  const [withdrawing, setWithdrawing] = useState<TPublicationListItem | null>(null);
  const q = useDebounced(text.trim(), 300);
  const query = { q, kind, status, year, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: keys.publicationList(query), queryFn: () => fetchPublications(query) });

  const publish = useMutation({
    mutationFn: (id: string) => transitionPublication(id, { action: 'publish' }),
    onSuccess: async (saved) => {
      void message.success(t('publications.published', { title: saved.title }));
      await queryClient.invalidateQueries({ queryKey: keys.publications });
    },
    onError: (error) => void message.error(errorMessage(error, t('error.unexpected'))),
  });
  const confirmPublish = (row: TPublicationListItem) =>
    modal.confirm({
      title: t('publications.publishTitle', { title: row.title }),
      content: t('publications.publishText'),
      okText: t('publications.publish'),
      cancelText: t('common.cancel'),
      onOk: () => publish.mutateAsync(row.id).catch(() => undefined),
    });
  const edit = async (row: TPublicationListItem) => {
    try {
      const publication = await queryClient.query({
        queryKey: keys.publication(row.id),
        queryFn: () => fetchPublication(row.id),
      });
      setTarget({ mode: 'edit', publication });
    } catch (error) {
      void message.error(errorMessage(error, t('error.unexpected')));
    }
  };
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  const columns: TableColumnsType<TPublicationListItem> = [
    {
      key: 'title',
      title: t('publications.field.title'),
      render: (_, row) => {
        const shown = `${row.title}${row.issueNumber ? ` ${row.issueNumber}` : ''}`;
        // Another organization's publication is read here, not opened for editing; the published ones on the portal.
        if (!row.canEdit) {
          return row.status === 'published' ? <Link to={`/portal/publications/${row.id}`}>{shown}</Link> : shown;
        }
        return (
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={() => void edit(row)}
          >
            {shown}
          </Button>
        );
      },
    },
    { key: 'kind', title: t('publications.field.kind'), render: (_, row) => label(PUBLICATION_KIND.labels, row.kind) },
    {
      key: 'organization',
      title: t('publications.field.organization'),
      dataIndex: 'organizationName',
      responsive: ['lg'],
    },
    {
      key: 'status',
      title: t('publications.field.status'),
      render: (_, row) => (
        <Tag color={STATUS_COLORS[row.status]} data-testid="publication-status">
          {label(PUBLICATION_STATUS.labels, row.status)}
        </Tag>
      ),
    },
    {
      key: 'publishedOn',
      title: t('publications.field.publishedOn'),
      render: (_, row) => row.publishedOn ?? t('common.none'),
    },
    {
      key: 'files',
      title: t('publications.field.files'),
      dataIndex: 'attachmentCount',
      align: 'right',
      responsive: ['md'],
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => (
        <Space size={4}>
          {row.canEdit && (
            <Button size="small" onClick={() => void edit(row)}>
              {t('common.edit')}
            </Button>
          )}
          {row.allowedActions.includes('publish') && (
            <Button
              size="small"
              type="primary"
              onClick={() => {
                confirmPublish(row);
              }}
            >
              {t('publications.publish')}
            </Button>
          )}
          {row.allowedActions.includes('withdraw') && (
            <Button size="small" danger onClick={() => setWithdrawing(row)}>
              {t('publications.withdraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('publications.title')}</h1>
        {can('write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
            {t('publications.create')}
          </Button>
        )}
      </div>
      <div className="tx-toolbar">
        <Input.Search
          allowClear
          placeholder={t('publications.search')}
          value={text}
          onChange={(event) => reset(setText)(event.target.value)}
          style={{ maxWidth: 280 }}
        />
        <Select<TPublicationKind>
          allowClear
          placeholder={t('publications.field.kind')}
          options={options(PUBLICATION_KIND.labels, PUBLICATION_KIND.values)}
          value={kind}
          onChange={reset(setKind)}
          style={{ minWidth: 150 }}
        />
        <Select<TPublicationStatus>
          allowClear
          placeholder={t('publications.field.status')}
          options={options(PUBLICATION_STATUS.labels, PUBLICATION_STATUS.values)}
          value={status}
          onChange={reset(setStatus)}
          style={{ minWidth: 120 }}
        />
        <InputNumber<number>
          placeholder={t('publications.year')}
          min={1949}
          max={2100}
          precision={0}
          value={year}
          onChange={(value) => reset(setYear)(value ?? undefined)}
          style={{ width: 110 }}
        />
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<TPublicationListItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          locale={{ emptyText: <EmptyState title={t('publications.empty')} hint={t('publications.emptyHint')} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
          scroll={{ x: 'max-content' }}
        />
      )}
      {target && <PublicationDrawer target={target} onClose={() => setTarget(null)} />}
      <WithdrawModal key={withdrawing?.id ?? 'none'} publication={withdrawing} onClose={() => setWithdrawing(null)} />
    </>
  );
}
