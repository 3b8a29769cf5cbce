import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DONOR_KIND, type TDonor, type TDonorKind } from '@tongxin/contracts';
import { Button, Card, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fetchDonors, type DonorListQuery } from '../../api/funds';
import { keys } from '../../api/keys';
import { EmptyState } from '../../components/EmptyState';
import { ListTable, NoMatch } from '../../components/ListTable';
import { useLabel, useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { EnterGiftsButton } from './shared/EnterGiftsButton';
import { formatDateTime } from '../../lib/dates';
import { useRunsProjects } from '../projects/shared/useProjectSide';
import { MONO, pickOne } from '../registry/shared/labels';
import { useListParams } from '../registry/shared/useListParams';
import { DonorFormDrawer } from './donors/DonorFormDrawer';
import { Money } from './shared/Money';

const FILTERS = ['q', 'kind'] as const;

/** 捐赠人: persons, enterprises and organizations who gave, with what they gave in all; contact data masked. */
export function DonorsPage() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const navigate = useNavigate();
  const keepsBooks = useRunsProjects();
  const [params, update] = useListParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const [opening, setOpening] = useState(0);
  const query: DonorListQuery = {
    q: params.get('q') ?? undefined,
    kind: pickOne<TDonorKind>(params.get('kind'), DONOR_KIND.values),
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const filtered = FILTERS.some((name) => params.has(name));
  const list = useQuery({
    queryKey: keys.donorList(query),
    queryFn: ({ signal }) => fetchDonors(query, signal),
    placeholderData: keepPreviousData,
  });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const nowrap = { whiteSpace: 'nowrap' } as const;
  const openCreate = () => {
    setOpening((count) => count + 1);
    setCreating(true);
  };
  const createButton = keepsBooks ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
      {t('funds.donor.create')}
    </Button>
  ) : null;

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('funds.donors.title')}</h1>
        {createButton}
      </div>
      <Card>
        <div className="tx-toolbar">
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('funds.donors.searchPlaceholder')}
            aria-label={t('funds.donors.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => update({ q: value.trim() })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('funds.donor.kind')}
            aria-label={t('funds.donor.kind')}
            value={query.kind}
            options={options(DONOR_KIND.labels, DONOR_KIND.values)}
            onChange={(value: TDonorKind | undefined) => update({ kind: value })}
          />
        </div>
        <ListTable<TDonor>
          list={list}
          page={query}
          onRow={(row) => ({ onDoubleClick: () => void navigate(`/funds/donors/${row.id}`) })}
          data-testid="donors"
          columns={[
            {
              key: 'name',
              title: t('funds.donor.name'),
              fixed: 'left',
              render: (_, row) => (
                <div style={{ minWidth: 120, maxWidth: 240 }}>
                  <Link to={`/funds/donors/${row.id}`} data-testid="donor-link">
                    {row.name}
                  </Link>
                  {row.isRelatedParty && (
                    <Tag color="orange" style={{ marginInlineStart: 6 }}>
                      {t('funds.relatedParty')}
                    </Tag>
                  )}
                </div>
              ),
            },
            {
              key: 'kind',
              title: t('funds.donor.kind'),
              render: (_, row) => <span style={nowrap}>{label(DONOR_KIND.labels, row.kind)}</span>,
            },
            {
              key: 'phone',
              title: t('funds.donor.phone'),
              render: (_, row) => (row.phoneMasked ? <span style={MONO}>{row.phoneMasked}</span> : none),
            },
            {
              key: 'count',
              title: t('funds.donor.donationCount'),
              align: 'right',
              render: (_, row) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{row.donationCount}</span>,
            },
            {
              key: 'total',
              title: t('funds.donor.donatedTotal'),
              align: 'right',
              render: (_, row) => <Money fen={row.donatedTotal} />,
            },
            {
              key: 'createdAt',
              title: t('funds.field.createdAt'),
              render: (_, row) => <span style={nowrap}>{formatDateTime(row.createdAt)}</span>,
            },
          ]}
          filtered={filtered}
          noMatch={
            <NoMatch
              title={t('funds.donors.noMatch')}
              onClear={() => {
                setSearch('');
                update({ q: null, kind: null });
              }}
            />
          }
          empty={
            <EmptyState
              compact
              title={t('funds.donors.empty')}
              hint={keepsBooks ? t('funds.donors.emptyHint') : t('funds.donations.emptyReadOnly')}
              action={<EnterGiftsButton />}
            />
          }
          totalText={(total) => t('funds.donors.total', { total })}
          onPage={(changes) => update(changes, false)}
        />
      </Card>
      <DonorFormDrawer
        key={opening}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(donor) => {
          setCreating(false);
          void navigate(`/funds/donors/${donor.id}`);
        }}
      />
    </>
  );
}
