import { LockOutlined, SendOutlined, SwapOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DONATION_FORM, type TFundAccount } from '@tongxin/contracts';
import { Button, Card, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { fetchFundAccounts, type FundAccountQuery } from '../../api/funds';
import { keys } from '../../api/keys';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { useLabel } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { EnterGiftsButton } from './shared/EnterGiftsButton';
import { useSessionUser } from '../../session/SessionUserContext';
import { useRunsProjects } from '../projects/shared/useProjectSide';
import { useListParams } from '../registry/shared/useListParams';
import { AllocationModal } from './accounts/AllocationModal';
import { ClosePeriodModal } from './accounts/ClosePeriodModal';
import { TransferModal } from './accounts/TransferModal';
import { Money } from './shared/Money';

/** The books of one organization: its funds by designation, its projects' money, bank and inventory. */
type Books = {
  organizationId: string;
  organizationName: string;
  funds: TFundAccount[];
  projects: { projectId: string; projectName: string; held: number; payable: number }[];
  bank: number;
  inventory: number;
};

function booksOf(accounts: readonly TFundAccount[]): Books[] {
  const byOrganization = new Map<string, Books>();
  for (const account of accounts) {
    const books = byOrganization.get(account.organizationId) ?? {
      organizationId: account.organizationId,
      organizationName: account.organizationName,
      funds: [],
      projects: [],
      bank: 0,
      inventory: 0,
    };
    byOrganization.set(account.organizationId, books);
    switch (account.kind) {
      case 'fund':
        books.funds.push(account);
        break;
      case 'bank':
        books.bank += account.balance;
        break;
      case 'inventory':
        books.inventory += account.balance;
        break;
      case 'project_fund':
      case 'payable': {
        const projectId = account.projectId ?? '';
        let project = books.projects.find((p) => p.projectId === projectId);
        if (!project) {
          project = { projectId, projectName: account.projectName ?? '', held: 0, payable: 0 };
          books.projects.push(project);
        }
        if (account.kind === 'project_fund') project.held += account.balance;
        else project.payable += account.balance;
        break;
      }
    }
  }
  for (const books of byOrganization.values()) books.funds.sort((a, b) => b.balance - a.balance);
  return [...byOrganization.values()];
}

type Movement = { kind: 'allocate' | 'transfer'; fund: TFundAccount };

/** Who closes a year of the books: an organization's administrator (the server checks the organization). */
const CLOSERS = new Set(['platform_admin', 'org_admin']);

/** A bar under a balance: its share of the organization's largest fund, to see the big ones at a glance. */
function ShareBar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.max(2, Math.round((value / max) * 100)) : 0;
  return (
    <div className="tx-share-bar" aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </div>
  );
}

/**
 * 资金账户: what each organization in scope holds, fund by fund (one per designation the donors chose), in
 * its projects, owed to payees, in the bank and in kind. From a fund, money is allocated to a project or
 * transferred to another organization.
 */
export function FundAccountsPage() {
  const t = useT();
  const label = useLabel();
  const keepsBooks = useRunsProjects();
  const [params, update] = useListParams();
  const user = useSessionUser();
  const canClose = keepsBooks && CLOSERS.has(user.role);
  const [movement, setMovement] = useState<Movement | null>(null);
  const [closing, setClosing] = useState<{ id: string; name: string } | null>(null);
  const [opening, setOpening] = useState(0);
  const query: FundAccountQuery = {
    organizationId: params.get('org') ?? undefined,
    includeEmpty: params.get('empty') === '1' || undefined,
  };
  const accounts = useQuery({
    queryKey: keys.fundAccounts(query),
    queryFn: ({ signal }) => fetchFundAccounts(query, signal),
    placeholderData: keepPreviousData,
  });
  const move = (kind: Movement['kind'], fund: TFundAccount) => {
    setOpening((count) => count + 1);
    setMovement({ kind, fund });
  };

  let body: ReactNode;
  if (accounts.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (accounts.isError) body = <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />;
  else if (accounts.data.items.length === 0)
    body = (
      <Card>
        <EmptyState
          title={t('funds.accounts.empty')}
          hint={keepsBooks ? t('funds.accounts.emptyHint') : t('funds.donations.emptyReadOnly')}
          action={<EnterGiftsButton />}
        />
      </Card>
    );
  else
    body = booksOf(accounts.data.items).map((books) => {
      const fundTotal = books.funds.reduce((sum, fund) => sum + fund.balance, 0);
      const projectTotal = books.projects.reduce((sum, p) => sum + p.held, 0);
      const payableTotal = books.projects.reduce((sum, p) => sum + p.payable, 0);
      const largest = books.funds.reduce((max, fund) => Math.max(max, fund.balance), 0);
      const facts = [
        { key: 'bank', label: t('funds.accounts.bank'), amount: books.bank },
        { key: 'inventory', label: t('funds.accounts.inventory'), amount: books.inventory },
        { key: 'funds', label: t('funds.accounts.fundTotal'), amount: fundTotal },
        { key: 'projects', label: t('funds.accounts.projectTotal'), amount: projectTotal },
        { key: 'payable', label: t('funds.accounts.payableTotal'), amount: payableTotal },
      ];
      return (
        <Card
          key={books.organizationId}
          title={books.organizationName}
          extra={
            canClose ? (
              <Button
                icon={<LockOutlined />}
                onClick={() => {
                  setOpening((count) => count + 1);
                  setClosing({ id: books.organizationId, name: books.organizationName });
                }}
                data-testid="close-period"
              >
                {t('funds.period.button')}
              </Button>
            ) : null
          }
          style={{ marginBottom: 16 }}
          data-testid="org-books"
        >
          <div className="tx-facts" style={{ marginTop: 0, marginBottom: 16 }}>
            {facts.map((fact) => (
              <div key={fact.key} className="tx-fact">
                <div className="tx-fact-label">{fact.label}</div>
                <div className="tx-fact-value" style={{ fontSize: 18, fontWeight: 600 }}>
                  <Money fen={fact.amount} />
                </div>
              </div>
            ))}
          </div>
          <div className="tx-form-heading">{t('funds.accounts.funds')}</div>
          <Table<TFundAccount>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={books.funds}
            scroll={{ x: 'max-content' }}
            data-testid="funds-table"
            locale={{ emptyText: <EmptyState compact title={t('funds.accounts.noFunds')} /> }}
            columns={[
              {
                key: 'designation',
                title: t('funds.field.designation'),
                render: (_, row) => (
                  <div style={{ minWidth: 200, maxWidth: 420 }}>
                    {row.designationText}
                    {row.form === 'goods' && (
                      <Tag style={{ marginInlineStart: 6 }}>{label(DONATION_FORM.labels, row.form)}</Tag>
                    )}
                  </div>
                ),
              },
              {
                key: 'balance',
                title: t('funds.accounts.balance'),
                align: 'right',
                render: (_, row) => (
                  <div style={{ minWidth: 140 }}>
                    <Money fen={row.balance} testId="fund-row-balance" />
                    <ShareBar value={row.balance} max={largest} />
                  </div>
                ),
              },
              ...(keepsBooks
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      render: (_: unknown, row: TFundAccount) => (
                        <Space size={0}>
                          <Button
                            type="link"
                            size="small"
                            icon={<SendOutlined />}
                            disabled={row.balance === 0}
                            onClick={() => move('allocate', row)}
                          >
                            {t('funds.allocate.button')}
                          </Button>
                          <Button
                            type="link"
                            size="small"
                            icon={<SwapOutlined />}
                            disabled={row.balance === 0}
                            onClick={() => move('transfer', row)}
                          >
                            {t('funds.transfer.button')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {books.projects.length > 0 && (
            <>
              <div className="tx-form-heading" style={{ marginTop: 20 }}>
                {t('funds.accounts.projects')}
              </div>
              <Table
                rowKey="projectId"
                size="middle"
                pagination={false}
                dataSource={books.projects}
                scroll={{ x: 'max-content' }}
                data-testid="project-funds-table"
                columns={[
                  {
                    key: 'project',
                    title: t('projects.field.name'),
                    render: (_, row) => (
                      <Link
                        to={`/projects/${row.projectId}?tab=funds`}
                        style={{ minWidth: 200, display: 'inline-block' }}
                      >
                        {row.projectName}
                      </Link>
                    ),
                  },
                  {
                    key: 'held',
                    title: t('funds.accounts.projectHeld'),
                    align: 'right',
                    render: (_, row) => <Money fen={row.held} />,
                  },
                  {
                    key: 'payable',
                    title: t('funds.accounts.projectPayable'),
                    align: 'right',
                    render: (_, row) => <Money fen={row.payable} />,
                  },
                ]}
              />
            </>
          )}
        </Card>
      );
    });

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('funds.accounts.title')}</h1>
      </div>
      <div className="tx-toolbar">
        <OrganizationSelect
          allowClear
          style={{ width: 260 }}
          placeholder={t('funds.filter.organization')}
          value={query.organizationId ?? null}
          onChange={(id) => update({ org: id })}
        />
        <Space size={6}>
          <Switch
            size="small"
            checked={query.includeEmpty === true}
            onChange={(checked) => update({ empty: checked ? 1 : null })}
            aria-label={t('funds.accounts.includeEmpty')}
          />
          <Typography.Text type="secondary">{t('funds.accounts.includeEmpty')}</Typography.Text>
        </Space>
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 13 }}>
          {t('funds.accounts.hint')}
        </Typography.Text>
      </div>
      {body}
      {movement?.kind === 'allocate' && (
        <AllocationModal key={opening} fund={movement.fund} onClose={() => setMovement(null)} />
      )}
      {closing && (
        <ClosePeriodModal
          key={opening}
          organizationId={closing.id}
          organizationName={closing.name}
          onClose={() => setClosing(null)}
        />
      )}
      {movement?.kind === 'transfer' && (
        <TransferModal key={opening} fund={movement.fund} onClose={() => setMovement(null)} />
      )}
    </>
  );
}
