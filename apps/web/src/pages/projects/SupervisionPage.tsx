import { CheckCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TOverdueItem, TSupervisionRow } from '@tongxin/contracts';
import { Button, Card, Result, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { keys } from '../../api/keys';
import { exportSupervision, fetchSupervision } from '../../api/projects';
import { ExportButton } from '../../components/ExportButton';
import { ErrorState } from '../../components/ErrorState';
import { useT } from '../../i18n/useT';
import { beijingToday, formatDateTime } from '../../lib/dates';
import { MONO, pickOne } from '../registry/shared/labels';
import { useListParams } from '../registry/shared/useListParams';
import {
  daysBetween,
  OVERDUE_DETAIL,
  OVERDUE_KIND_COLORS,
  OVERDUE_KIND_LABELS,
  OVERDUE_KINDS,
  type OverdueKind,
} from './shared/labels';
import { ProjectStatusTag } from './shared/Tags';

/** Up to this many projects, the board shows every overdue item without a click. */
const OPEN_AT_ONCE = 5;

/** The tab of the project page where an overdue item is put right. */
const TAB_OF: Readonly<Record<OverdueKind, string>> = {
  progress_report: 'reports',
  final_report: 'reports',
  milestone: 'milestones',
  follow_up: 'inspections',
};

function OverdueItems({ row, kind }: { row: TSupervisionRow; kind: OverdueKind | undefined }) {
  const t = useT();
  const today = beijingToday();
  const items = row.overdue.filter((item) => !kind || item.kind === kind);
  return (
    <Table<TOverdueItem>
      size="small"
      rowKey={(item) => `${item.kind}-${item.dueOn}-${item.title}`}
      dataSource={items}
      pagination={false}
      data-testid="overdue-items"
      columns={[
        {
          key: 'kind',
          title: t('projects.supervision.kind'),
          render: (_, item) => (
            <Tag color={OVERDUE_KIND_COLORS[item.kind]} style={{ marginInlineEnd: 0 }}>
              {t(OVERDUE_KIND_LABELS[item.kind])}
            </Tag>
          ),
        },
        {
          key: 'title',
          title: t('projects.supervision.what'),
          render: (_, item) => t(OVERDUE_DETAIL[item.kind], { title: item.title }),
        },
        {
          key: 'dueOn',
          title: t('projects.supervision.dueOn'),
          render: (_, item) => <span style={{ whiteSpace: 'nowrap' }}>{item.dueOn}</span>,
        },
        {
          key: 'days',
          title: t('projects.supervision.late'),
          align: 'right',
          render: (_, item) => (
            <Typography.Text type="danger" style={{ whiteSpace: 'nowrap' }}>
              {t('projects.supervision.days', { days: daysBetween(item.dueOn, today) })}
            </Typography.Text>
          ),
        },
        {
          key: 'go',
          title: '',
          render: (_, item) => (
            <Link to={`/projects/${row.project.id}?tab=${TAB_OF[item.kind]}`} style={{ whiteSpace: 'nowrap' }}>
              {t('projects.supervision.open')}
            </Link>
          ),
        },
      ]}
    />
  );
}

/**
 * 督导看板: the running projects in the user's scope with reports, milestones or inspection follow-ups past
 * their dates, most overdue first; what is late, since when, and where to put it right.
 */
export function SupervisionPage() {
  const t = useT();
  const [params, update] = useListParams();
  const kind = pickOne(params.get('kind'), OVERDUE_KINDS);
  const board = useQuery({ queryKey: keys.supervision, queryFn: ({ signal }) => fetchSupervision(signal) });
  // A short board opens every project's items at once; a long one lists the projects, to be opened one by one.
  const [expanded, setExpanded] = useState<readonly string[] | null>(null);
  const today = beijingToday();
  const rows = board.data?.items ?? [];
  const counts = Object.fromEntries(
    OVERDUE_KINDS.map((each) => [
      each,
      rows.reduce((n, row) => n + row.overdue.filter((i) => i.kind === each).length, 0),
    ]),
  ) as Record<OverdueKind, number>;
  const shown = kind ? rows.filter((row) => row.overdue.some((item) => item.kind === kind)) : rows;
  const total = rows.reduce((n, row) => n + row.overdue.length, 0);
  const expandedKeys = expanded ?? (rows.length <= OPEN_AT_ONCE ? rows.map((row) => row.project.id) : []);

  const title = (
    <div className="tx-page-title-row">
      <h1>{t('nav.projects.supervision')}</h1>
      <Space>
        <ExportButton
          run={() => exportSupervision(kind)}
          hint={t('projects.supervision.exportHint')}
          disabled={total === 0}
        />
        <Button
          icon={<ReloadOutlined />}
          loading={board.isFetching && !board.isPending}
          onClick={() => void board.refetch()}
        >
          {t('projects.supervision.refresh')}
        </Button>
      </Space>
    </div>
  );
  if (board.isError) {
    return (
      <>
        {title}
        <Card>
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        </Card>
      </>
    );
  }

  return (
    <>
      {title}
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBlock: 16 } }}>
        <div className="tx-risk-summary">
          <div className="tx-risk-figures">
            <Statistic
              title={t('projects.supervision.projects')}
              value={rows.length}
              loading={board.isPending}
              styles={{ content: { color: rows.length > 0 ? '#cf1322' : '#389e0d' } }}
            />
            <Statistic title={t('projects.supervision.items')} value={total} loading={board.isPending} />
          </div>
          <div className="tx-risk-chips">
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('projects.supervision.byKind')}
            </Typography.Text>
            <div
              style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 6 }}
              role="group"
              aria-label={t('projects.supervision.byKind')}
            >
              {OVERDUE_KINDS.map((each) => (
                <Button
                  key={each}
                  size="small"
                  shape="round"
                  type={kind === each ? 'primary' : 'default'}
                  aria-pressed={kind === each}
                  disabled={counts[each] === 0 && kind !== each}
                  onClick={() => update({ kind: kind === each ? null : each })}
                  data-testid={`kind-chip-${each}`}
                >
                  {t(OVERDUE_KIND_LABELS[each])}
                  <span className="tx-risk-chip-count">{board.isPending ? '…' : counts[each]}</span>
                </Button>
              ))}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
              {kind
                ? t('projects.supervision.kindChosen', { kind: t(OVERDUE_KIND_LABELS[kind]) })
                : t('projects.supervision.rule')}
            </Typography.Text>
          </div>
        </div>
      </Card>
      <Card>
        {!board.isPending && rows.length === 0 ? (
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title={t('projects.supervision.allOnTime')}
            subTitle={t('projects.supervision.allOnTimeHint', { time: formatDateTime(new Date().toISOString()) })}
            extra={
              <Link to="/projects/list">
                <Button>{t('projects.supervision.toList')}</Button>
              </Link>
            }
            data-testid="supervision-empty"
          />
        ) : (
          <Table<TSupervisionRow>
            rowKey={(row) => row.project.id}
            size="middle"
            loading={board.isFetching}
            dataSource={shown}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="supervision"
            expandable={{
              expandedRowRender: (row) => <OverdueItems row={row} kind={kind} />,
              expandedRowKeys: expandedKeys,
              onExpandedRowsChange: (next) => setExpanded(next.map(String)),
            }}
            columns={[
              {
                key: 'project',
                title: t('projects.supervision.project'),
                render: (_, row) => (
                  <div style={{ minWidth: 200, maxWidth: 340 }}>
                    <Link to={`/projects/${row.project.id}`} data-testid="supervision-project">
                      {row.project.name}
                    </Link>
                    <div style={{ ...MONO, color: '#8a919f' }}>{row.project.code}</div>
                  </div>
                ),
              },
              {
                key: 'owner',
                title: t('projects.field.owner'),
                render: (_, row) => (
                  <div style={{ minWidth: 140, maxWidth: 220 }}>{row.project.ownerOrganizationName}</div>
                ),
              },
              {
                key: 'status',
                title: t('projects.field.status'),
                render: (_, row) => <ProjectStatusTag status={row.project.status} />,
              },
              {
                key: 'overdue',
                title: t('projects.supervision.overdue'),
                render: (_, row) => (
                  <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }} data-testid="overdue-kinds">
                    {OVERDUE_KINDS.filter((each) => row.overdue.some((item) => item.kind === each)).map((each) => (
                      <Tag key={each} color={OVERDUE_KIND_COLORS[each]} style={{ marginInlineEnd: 0 }}>
                        {t('projects.supervision.kindCount', {
                          kind: t(OVERDUE_KIND_LABELS[each]),
                          count: row.overdue.filter((item) => item.kind === each).length,
                        })}
                      </Tag>
                    ))}
                  </span>
                ),
              },
              {
                key: 'oldest',
                title: t('projects.supervision.oldest'),
                render: (_, row) => {
                  const oldest = row.overdue[0];
                  return oldest ? (
                    <span style={{ whiteSpace: 'nowrap' }}>
                      {oldest.dueOn}
                      <Typography.Text type="danger" style={{ marginInlineStart: 8, fontSize: 13 }}>
                        {t('projects.supervision.days', { days: daysBetween(oldest.dueOn, today) })}
                      </Typography.Text>
                    </span>
                  ) : null;
                },
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
