import { HeartOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { DONOR_DISPLAY, PLEDGE_KIND, type TPledge } from '@tongxin/contracts';
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { fetchPledge } from '../../api/funds';
import { keys } from '../../api/keys';
import { RecordPageState } from '../../components/RecordPageState';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { usePageCrumbs, type Crumb } from '../../layout/BreadcrumbContext';
import { formatDateTime } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { useRunsProjects } from '../projects/shared/useProjectSide';
import { fulfilledShare } from './PledgesPage';
import { Money } from './shared/Money';
import { InstalmentStatusTag, OverdueTag } from './shared/Tags';

type Instalment = TPledge['instalments'][number];

/**
 * 认捐详情: one pledge — what was promised, by when, what came in (gifts count against the instalments in
 * the order they fall due) and what is overdue; from here the next gift is booked against it.
 */
export function PledgePage() {
  const t = useT();
  const label = useLabel();
  const keepsBooks = useRunsProjects();
  const { pledgeId = '' } = useParams();
  const pledge = useQuery({
    queryKey: keys.pledge(pledgeId),
    queryFn: ({ signal }) => fetchPledge(pledgeId, signal),
  });
  const p = pledge.data;
  const crumbs = useMemo<Crumb[]>(() => (p ? [{ key: p.id, title: p.title }] : []), [p]);
  usePageCrumbs(crumbs);

  if (pledge.isPending || pledge.isError || !p) return <RecordPageState query={pledge} />;

  const outstanding = Math.max(0, p.total - p.fulfilled);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const facts: { key: string; label: string; value: ReactNode }[] = [
    { key: 'total', label: t('funds.pledge.total'), value: <Money fen={p.total} testId="pledge-total" /> },
    {
      key: 'fulfilled',
      label: t('funds.pledge.fulfilled'),
      value: <Money fen={p.fulfilled} testId="pledge-fulfilled" />,
    },
    { key: 'outstanding', label: t('funds.pledge.outstanding'), value: <Money fen={outstanding} /> },
    {
      key: 'overdue',
      label: t('funds.pledge.overdue'),
      value: <Money fen={p.overdue} style={p.overdue > 0 ? { color: '#cf1322' } : undefined} />,
    },
  ];
  const details: { key: string; label: string; children: ReactNode; span?: 'filled' }[] = [
    {
      key: 'donor',
      label: t('funds.field.donor'),
      children: <Link to={`/funds/donors/${p.donorId}`}>{p.donorName}</Link>,
    },
    { key: 'designation', label: t('funds.field.designation'), children: p.designationText },
    { key: 'display', label: t('funds.field.displayAs'), children: label(DONOR_DISPLAY.labels, p.displayAs) },
    { key: 'pledgedOn', label: t('funds.pledge.pledgedOn'), children: p.pledgedOn },
    { key: 'organization', label: t('funds.field.organization'), children: p.organizationName },
    { key: 'createdAt', label: t('funds.field.createdAt'), children: formatDateTime(p.createdAt) },
    { key: 'note', label: t('funds.field.note'), children: p.note ?? none, span: 'filled' },
  ];
  const canFulfil = keepsBooks && outstanding > 0;

  return (
    <>
      <Card styles={{ body: { paddingBlock: 20 } }} style={{ marginBottom: 16 }}>
        <div className="tx-detail-header">
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Space align="center" size={10} wrap>
              <HeartOutlined style={{ fontSize: 20, color: '#c8102e' }} />
              <Typography.Title level={2} className="tx-detail-title" data-testid="pledge-title">
                {p.title}
              </Typography.Title>
              <Tag color={p.kind === 'build' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
                {label(PLEDGE_KIND.labels, p.kind)}
              </Tag>
              <OverdueTag amount={p.overdue} />
            </Space>
            <div className="tx-detail-meta" style={{ gap: 6 }}>
              <Typography.Text style={{ fontSize: 13, color: '#5c6370' }}>
                {t('funds.pledge.byOn', { name: p.donorName, date: p.pledgedOn })}
              </Typography.Text>
            </div>
            <div className="tx-facts">
              {facts.map((fact) => (
                <div key={fact.key} className="tx-fact">
                  <div className="tx-fact-label">{fact.label}</div>
                  <div className="tx-fact-value">{fact.value}</div>
                </div>
              ))}
              <div className="tx-fact" style={{ minWidth: 200 }}>
                <div className="tx-fact-label">{t('funds.pledge.progress')}</div>
                <Progress percent={fulfilledShare(p)} size="small" style={{ margin: 0, width: 200 }} />
              </div>
            </div>
          </div>
          {canFulfil && (
            <Link to={`/funds/entry?donor=${p.donorId}&pledge=${p.id}`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="fulfil-pledge">
                {t('funds.pledge.fulfil')}
              </Button>
            </Link>
          )}
        </div>
      </Card>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Card title={t('funds.pledge.schedule')}>
            <Table<Instalment>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={p.instalments}
              scroll={{ x: 'max-content' }}
              data-testid="instalments"
              columns={[
                {
                  key: 'n',
                  title: '#',
                  render: (_, _row, index) => t('funds.pledge.instalmentNo', { n: index + 1 }),
                },
                { key: 'dueOn', title: t('funds.pledge.dueOn'), render: (_, row) => row.dueOn },
                {
                  key: 'amount',
                  title: t('funds.field.amount'),
                  align: 'right',
                  render: (_, row) => <Money fen={row.amount} />,
                },
                {
                  key: 'covered',
                  title: t('funds.pledge.covered'),
                  align: 'right',
                  render: (_, row) => <Money fen={row.covered} testId="instalment-covered" />,
                },
                {
                  key: 'status',
                  title: t('funds.field.status'),
                  render: (_, row) => <InstalmentStatusTag status={row.status} />,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
              {t('funds.pledge.scheduleNote')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('funds.pledge.details')}>
            <Descriptions size="small" column={1} items={details} styles={{ label: { width: 110 } }} />
          </Card>
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title={t('funds.pledge.giftsTitle', { amount: formatYuan(p.fulfilled) ?? '' })}
            description={
              <>
                {t('funds.pledge.giftsHint')}{' '}
                <Link to={`/funds/donations?donor=${p.donorId}`}>
                  {t('funds.pledge.giftsLink', { name: p.donorName })}
                </Link>
              </>
            }
          />
        </Col>
      </Row>
    </>
  );
}
