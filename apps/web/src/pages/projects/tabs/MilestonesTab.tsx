import { CheckCircleOutlined, EditOutlined, FlagOutlined, PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TMilestone, TProject } from '@tongxin/contracts';
import { Button, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ProjectRecords } from '../../../api/projects';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { useLang, useT } from '../../../i18n/useT';
import { MilestoneModal, type MilestoneTarget } from '../MilestoneModal';

type Props = { project: TProject; records: UseQueryResult<ProjectRecords>; canEdit: boolean };

/** 里程碑: what the project plans to reach by when, and what it reached. */
export function MilestonesTab({ project, records, canEdit }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [target, setTarget] = useState<MilestoneTarget | null>(null);
  const [opening, setOpening] = useState(0);
  const open = (next: MilestoneTarget) => {
    setOpening((count) => count + 1);
    setTarget(next);
  };
  if (records.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (records.isError) return <ErrorState compact error={records.error} onRetry={() => void records.refetch()} />;
  const milestones = [...records.data.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const amount = (value: number | null, unit: string | null) =>
    value === null ? (
      none
    ) : (
      <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {value.toLocaleString(lang)}
        {unit && ` ${unit}`}
      </span>
    );
  const addButton = (
    <Button icon={<PlusOutlined />} onClick={() => open({ mode: 'create' })}>
      {t('projects.milestone.add')}
    </Button>
  );

  return (
    <>
      <div className="tx-toolbar">
        <Typography.Text type="secondary">{t('projects.milestone.hint')}</Typography.Text>
        <div className="tx-toolbar-spacer" />
        {canEdit && addButton}
      </div>
      <Table<TMilestone>
        rowKey="id"
        size="middle"
        dataSource={milestones}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="milestones"
        rowClassName={(row) => (row.overdue ? 'tx-row-overdue' : '')}
        locale={{
          emptyText: (
            <EmptyState
              compact
              title={t('projects.milestone.empty')}
              hint={canEdit ? t('projects.milestone.emptyHint') : t('projects.milestone.emptyReadOnly')}
              action={canEdit ? addButton : undefined}
            />
          ),
        }}
        columns={[
          {
            key: 'title',
            title: t('projects.milestone.title'),
            render: (_, row) => (
              <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center', minWidth: 160 }}>
                <FlagOutlined style={{ color: row.achievedOn ? '#389e0d' : row.overdue ? '#d4380d' : '#8a919f' }} />
                {row.title}
              </span>
            ),
          },
          {
            key: 'dueOn',
            title: t('projects.milestone.dueOn'),
            render: (_, row) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {row.dueOn}
                {row.overdue && (
                  <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid="overdue-tag">
                    {t('projects.overdue.tag')}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            key: 'target',
            title: t('projects.milestone.target'),
            align: 'right',
            render: (_, row) => amount(row.targetValue, row.unit),
          },
          {
            key: 'achieved',
            title: t('projects.milestone.achieved'),
            align: 'right',
            render: (_, row) => amount(row.achievedValue, row.unit),
          },
          {
            key: 'progress',
            title: t('projects.milestone.progress'),
            render: (_, row) =>
              row.targetValue && row.achievedValue !== null ? (
                <Progress
                  percent={Math.min(100, Math.round((row.achievedValue / row.targetValue) * 1000) / 10)}
                  size="small"
                  status={row.achievedOn ? 'success' : row.overdue ? 'exception' : 'active'}
                  style={{ width: 140, margin: 0 }}
                />
              ) : (
                none
              ),
          },
          {
            key: 'achievedOn',
            title: t('projects.milestone.state'),
            render: (_, row) =>
              row.achievedOn ? (
                <Tag color="green" icon={<CheckCircleOutlined />} style={{ marginInlineEnd: 0 }}>
                  {t('projects.milestone.achievedOn', { date: row.achievedOn })}
                </Tag>
              ) : row.overdue ? (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {t('projects.milestone.overdue')}
                </Tag>
              ) : (
                <Tag style={{ marginInlineEnd: 0 }}>{t('projects.milestone.open')}</Tag>
              ),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, row: TMilestone) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        icon={<CheckCircleOutlined />}
                        onClick={() => open({ mode: 'achieve', milestone: row })}
                      >
                        {t('projects.milestone.record')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => open({ mode: 'edit', milestone: row })}
                      >
                        {t('common.edit')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <MilestoneModal key={opening} project={project} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
