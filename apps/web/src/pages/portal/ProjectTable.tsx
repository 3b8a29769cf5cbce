import { PROJECT_CATEGORY, type TPortalProjectFigures, type TPortalProjectListItem } from '@tongxin/contracts';
import { Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { Money } from '../funds/shared/Money';
import { ProjectStatusTag } from '../projects/shared/Tags';

type Row = TPortalProjectListItem & Partial<Pick<TPortalProjectFigures, 'received' | 'spent'>>;

type Props = {
  rows: readonly Row[];
  loading?: boolean;
  /** Show the organization column (a list across organizations). */
  withOrganization?: boolean;
  /** Show money received and spent (the rows carry them). */
  withMoney?: boolean;
  pagination?: TablePaginationConfig | false;
  empty: React.ReactNode;
};

/** Public projects: name (to its page), organization, category, status, budget and, where known, the money. */
export function ProjectTable({ rows, loading, withOrganization = true, withMoney = false, pagination, empty }: Props) {
  const t = useT();
  const label = useLabel();
  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: t('projects.field.name'),
      render: (_, row) => (
        <Link to={`/portal/projects/${row.id}`} data-testid="portal-project-link">
          {row.name}
        </Link>
      ),
    },
    ...(withOrganization
      ? [
          {
            key: 'organization',
            title: t('projects.field.owner'),
            responsive: ['md' as const],
            render: (_: unknown, row: Row) => (
              <Link to={`/portal/organizations/${row.organizationId}`}>{row.organizationName}</Link>
            ),
          },
        ]
      : []),
    {
      key: 'category',
      title: t('projects.field.category'),
      responsive: ['md'],
      render: (_, row) => label(PROJECT_CATEGORY.labels, row.category),
    },
    { key: 'status', title: t('projects.field.status'), render: (_, row) => <ProjectStatusTag status={row.status} /> },
    {
      key: 'budget',
      title: t('portal.project.budget'),
      align: 'right',
      render: (_, row) => <Money fen={row.budget} />,
    },
    ...(withMoney
      ? [
          {
            key: 'received',
            title: t('portal.project.received'),
            align: 'right' as const,
            render: (_: unknown, row: Row) => <Money fen={row.received ?? 0} testId="portal-project-received" />,
          },
          {
            key: 'spent',
            title: t('portal.project.spent'),
            align: 'right' as const,
            render: (_: unknown, row: Row) => <Money fen={row.spent ?? 0} testId="portal-project-spent" />,
          },
        ]
      : []),
  ];
  return (
    <Table<Row>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={pagination ?? false}
      locale={{ emptyText: empty }}
      scroll={{ x: 'max-content' }}
    />
  );
}
