import { useQuery } from '@tanstack/react-query';
import { REMAINDER_MODE, type TProject, type TProjectFunding, type TRemainder } from '@tongxin/contracts';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fetchRemainders } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { ErrorState } from '../../../components/ErrorState';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { formatYuan } from '../../../lib/money';
import { Money } from '../shared/Money';
import { RemainderModal } from './RemainderModal';

/** Projects whose leftover money is handled: ended, one way or the other (the server's ENDED). */
export const ENDED = new Set<TProject['status']>(['closed', 'terminated']);

type Props = { project: TProject; funding: TProjectFunding; canHandle: boolean };

/**
 * 结余处理 (on an ended project's 资金 tab): what the project still holds and the way to hand it back or
 * re-designate it, and how leftover money was handled before.
 */
export function RemainderSection({ project, funding, canHandle }: Props) {
  const t = useT();
  const label = useLabel();
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState(0);
  const remainders = useQuery({
    queryKey: keys.projectRemainders(project.id),
    queryFn: ({ signal }) => fetchRemainders(project.id, signal),
  });
  const held = funding.heldInProjectFund;
  const items = remainders.data?.items ?? [];
  if (!ENDED.has(project.status) && items.length === 0) return null;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  return (
    <div data-testid="remainders">
      <div className="tx-form-heading" style={{ marginTop: 24 }}>
        {t('funds.remainder.heading')}
      </div>
      {ENDED.has(project.status) && held > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('funds.remainder.pending', { amount: formatYuan(held) ?? '' })}
          description={
            funding.heldForPayees > 0
              ? t('funds.remainder.payeesFirst', { amount: formatYuan(funding.heldForPayees) ?? '' })
              : t('funds.remainder.pendingHint')
          }
          action={
            canHandle ? (
              <Button
                type="primary"
                disabled={funding.heldForPayees > 0}
                onClick={() => {
                  setOpening((count) => count + 1);
                  setOpen(true);
                }}
                data-testid="handle-remainder"
              >
                {t('funds.remainder.button')}
              </Button>
            ) : undefined
          }
        />
      )}
      {remainders.isError ? (
        <ErrorState compact error={remainders.error} onRetry={() => void remainders.refetch()} />
      ) : items.length > 0 ? (
        <Table<TRemainder>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'on',
              title: t('funds.remainder.on'),
              render: (_, row) => (
                <>
                  {row.handledOn}
                  {row.reversedByEntryId && (
                    <Tag color="default" style={{ marginLeft: 8 }} data-testid="remainder-reversed">
                      {t('funds.remainder.reversed')}
                    </Tag>
                  )}
                </>
              ),
            },
            {
              key: 'mode',
              title: t('funds.remainder.mode'),
              render: (_, row) => label(REMAINDER_MODE.labels, row.mode),
            },
            {
              key: 'amount',
              title: t('funds.field.amount'),
              align: 'right',
              render: (_, row) => <Money fen={row.amount} />,
            },
            {
              key: 'designation',
              title: t('funds.remainder.newDesignation'),
              render: (_, row) => row.designationText ?? none,
            },
            {
              key: 'consent',
              title: t('funds.remainder.consent'),
              render: (_, row) => <div style={{ minWidth: 160, maxWidth: 320 }}>{row.consent ?? none}</div>,
            },
          ]}
        />
      ) : (
        !(ENDED.has(project.status) && held > 0) && (
          <Typography.Text type="secondary">{t('funds.remainder.nothing')}</Typography.Text>
        )
      )}
      {open && <RemainderModal key={opening} project={project} held={held} onClose={() => setOpen(false)} />}
    </div>
  );
}
