import { UserOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DONOR_KIND, SALUTATION, type TDonation } from '@tongxin/contracts';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { fetchDonations, fetchDonor } from '../../api/funds';
import { keys } from '../../api/keys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { usePageCrumbs, type Crumb } from '../../layout/BreadcrumbContext';
import { formatDateTime } from '../../lib/dates';
import { useRunsProjects } from '../projects/shared/useProjectSide';
import { MONO } from '../registry/shared/labels';
import { Money } from './shared/Money';
import { useDonationColumns, type DonationColumnKey } from './shared/useDonationColumns';
import { RecordPageState } from '../../components/RecordPageState';

const GIFT_COLUMNS: readonly DonationColumnKey[] = ['receivedOn', 'amount', 'form', 'designation', 'status', 'receipt'];

/** 捐赠人: who the donor is (contact data masked), what they gave in all, and each of their gifts. */
export function DonorPage() {
  const t = useT();
  const label = useLabel();
  const keepsBooks = useRunsProjects();
  const { donorId = '' } = useParams();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const donor = useQuery({
    queryKey: keys.donor(donorId),
    queryFn: ({ signal }) => fetchDonor(donorId, signal),
  });
  const query = { donorId, ...page };
  const gifts = useQuery({
    queryKey: keys.donationList(query),
    queryFn: ({ signal }) => fetchDonations(query, signal),
    enabled: donor.isSuccess,
    placeholderData: keepPreviousData,
  });
  const columns = useDonationColumns('receivedOn');
  const d = donor.data;
  const crumbs = useMemo<Crumb[]>(() => (d ? [{ key: d.id, title: d.name }] : []), [d]);
  usePageCrumbs(crumbs);

  if (donor.isPending || donor.isError || !d) return <RecordPageState query={donor} />;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const facts: { key: string; label: string; value: ReactNode }[] = [
    { key: 'total', label: t('funds.donor.donatedTotal'), value: <Money fen={d.donatedTotal} testId="donor-total" /> },
    { key: 'count', label: t('funds.donor.donationCount'), value: d.donationCount },
    {
      key: 'phone',
      label: t('funds.donor.phone'),
      value: d.phoneMasked ? <span style={MONO}>{d.phoneMasked}</span> : none,
    },
    { key: 'address', label: t('funds.donor.address'), value: d.addressMasked ?? none },
    ...(d.kind === 'person'
      ? [
          {
            key: 'salutation',
            label: t('funds.donor.salutation'),
            value: d.salutation ? label(SALUTATION.labels, d.salutation) : none,
          },
        ]
      : [
          {
            key: 'creditCode',
            label: t('funds.donor.creditCode'),
            value: d.creditCode ? <span style={MONO}>{d.creditCode}</span> : none,
          },
        ]),
    { key: 'createdAt', label: t('funds.field.createdAt'), value: formatDateTime(d.createdAt) },
  ];

  return (
    <>
      <Card styles={{ body: { paddingBlock: 20 } }} style={{ marginBottom: 16 }}>
        <div className="tx-detail-header">
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Space align="center" size={10} wrap>
              <UserOutlined style={{ fontSize: 20, color: '#1a5fb4' }} />
              <Typography.Title level={2} className="tx-detail-title" data-testid="donor-title">
                {d.name}
              </Typography.Title>
              <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
                {label(DONOR_KIND.labels, d.kind)}
              </Tag>
              {d.isRelatedParty && (
                <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                  {t('funds.relatedParty')}
                </Tag>
              )}
            </Space>
            {d.note && (
              <div className="tx-detail-meta">
                <Typography.Text type="secondary">{d.note}</Typography.Text>
              </div>
            )}
            <div className="tx-facts">
              {facts.map((fact) => (
                <div key={fact.key} className="tx-fact">
                  <div className="tx-fact-label">{fact.label}</div>
                  <div className="tx-fact-value">{fact.value}</div>
                </div>
              ))}
            </div>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
              {t('funds.donor.maskedHint')}
            </Typography.Paragraph>
          </div>
          {keepsBooks && (
            <Link to={`/funds/entry?donor=${d.id}`}>
              <Button type="primary">{t('funds.donations.enter')}</Button>
            </Link>
          )}
        </div>
      </Card>
      <Card title={t('funds.donor.gifts')}>
        {gifts.isError ? (
          <ErrorState compact error={gifts.error} onRetry={() => void gifts.refetch()} />
        ) : (
          <Table<TDonation>
            rowKey="id"
            size="middle"
            loading={gifts.isFetching}
            dataSource={gifts.data?.items ?? []}
            columns={GIFT_COLUMNS.map((key) => columns[key])}
            scroll={{ x: 'max-content' }}
            data-testid="donor-gifts"
            locale={{
              emptyText: gifts.isPending ? (
                ' '
              ) : (
                <EmptyState compact title={t('funds.donor.noGifts')} hint={t('funds.donor.noGiftsHint')} />
              ),
            }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: gifts.data?.total ?? 0,
              hideOnSinglePage: true,
            }}
            onChange={(pagination) => setPage({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })}
          />
        )}
      </Card>
    </>
  );
}
