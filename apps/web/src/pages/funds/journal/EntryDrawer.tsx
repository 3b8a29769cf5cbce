import { UndoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ENTRY_KIND, type TEntryKind, type TJournalEntry } from '@tongxin/contracts';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { fetchEntry } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { ErrorState } from '../../../components/ErrorState';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { formatDateTime } from '../../../lib/dates';
import { useRunsProjects } from '../../projects/shared/useProjectSide';
import { ReversalModal } from '../donations/ReversalModal';
import { EntryKindTag } from './EntryKindTag';
import { EntryLines } from './EntryLines';

/** Entries the server will not reverse: a reversal itself, and payments (settled in their batch instead). */
const NOT_REVERSIBLE: ReadonlySet<TEntryKind> = new Set(['reversal', 'disbursement', 'payment']);

export function isReversible(entry: TJournalEntry): boolean {
  return !NOT_REVERSIBLE.has(entry.kind) && entry.reversedByEntryId === null;
}

type Props = {
  entryId: string | null;
  onClose: () => void;
  /** Opens another entry in its place: the one this reverses, or the one that reversed it. */
  onOpen: (entryId: string) => void;
};

/**
 * 分录详情: one journal entry — its date, kind, memo, who booked it and when, and its lines, debits and
 * credits summed and equal; 冲销 where the entry may be reversed.
 */
type Reference = TJournalEntry['references'][number];

/** A gift opens on its page; a project and a payment batch open on the project (its 资金 tab holds the batches). */
function recordPath(reference: Reference, all: readonly Reference[]): string {
  if (reference.kind === 'donation') return `/funds/donations/${reference.id}`;
  const project = reference.kind === 'project' ? reference : all.find((r) => r.kind === 'project');
  return project ? `/projects/${project.id}?tab=funds` : '/funds/journal';
}

export function EntryDrawer({ entryId, onClose, onOpen }: Props) {
  const t = useT();
  const label = useLabel();
  const keepsBooks = useRunsProjects();
  const [reversing, setReversing] = useState(false);
  const [opening, setOpening] = useState(0);
  const entry = useQuery({
    queryKey: keys.ledgerEntry(entryId ?? ''),
    queryFn: ({ signal }) => fetchEntry(entryId ?? '', signal),
    enabled: Boolean(entryId),
  });
  const e = entry.data;

  let body: ReactNode;
  if (entry.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (entry.isError || !e) body = <ErrorState compact error={entry.error} onRetry={() => void entry.refetch()} />;
  else {
    const debit = e.lines.reduce((sum, line) => sum + Math.max(0, line.amount), 0);
    const credit = e.lines.reduce((sum, line) => sum - Math.min(0, line.amount), 0);
    const link = (id: string, text: string) => (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(id)}>
        {text}
      </Button>
    );
    const items: { key: string; label: string; children: ReactNode; span?: 'filled' }[] = [
      { key: 'kind', label: t('funds.journal.kind'), children: <EntryKindTag kind={e.kind} /> },
      { key: 'date', label: t('funds.journal.date'), children: e.businessDate },
      { key: 'memo', label: t('funds.journal.memo'), children: e.memo, span: 'filled' },
      { key: 'who', label: t('funds.journal.who'), children: e.actorUsername },
      { key: 'at', label: t('funds.journal.enteredAt'), children: formatDateTime(e.enteredAt) },
      ...(e.reversesEntryId
        ? [
            {
              key: 'reverses',
              label: t('funds.journal.reverses'),
              children: link(e.reversesEntryId, t('funds.journal.openEntry')),
            },
          ]
        : []),
      ...(e.reversedByEntryId
        ? [
            {
              key: 'reversedBy',
              label: t('funds.journal.reversedBy'),
              children: link(e.reversedByEntryId, t('funds.journal.openEntry')),
            },
          ]
        : []),
      ...(e.references.length > 0
        ? [
            {
              key: 'records',
              label: t('funds.journal.records'),
              children: (
                <Space size={[12, 4]} wrap data-testid="entry-records">
                  {e.references.map((reference) => (
                    <Link key={`${reference.kind}-${reference.id}`} to={recordPath(reference, e.references)}>
                      {t(`funds.journal.record.${reference.kind}`)}：{reference.label}
                    </Link>
                  ))}
                </Space>
              ),
            },
          ]
        : []),
      ...(e.isRelatedParty
        ? [
            {
              key: 'related',
              label: t('funds.field.relatedParty'),
              children: <Tag color="orange">{t('funds.relatedParty')}</Tag>,
            },
          ]
        : []),
    ];
    body = (
      <div data-testid="entry-drawer">
        {e.reversedByEntryId && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('funds.journal.isReversed')} />
        )}
        <Descriptions size="small" column={1} items={items} styles={{ label: { width: 90 } }} />
        <div className="tx-form-heading" style={{ marginTop: 20 }}>
          {t('funds.journal.lines')}
          <Tag
            color={debit === credit ? 'green' : 'red'}
            style={{ marginInlineStart: 8, fontWeight: 400 }}
            data-testid="entry-balance"
          >
            {debit === credit ? t('funds.journal.balanced') : t('funds.journal.unbalanced')}
          </Tag>
        </div>
        <EntryLines lines={e.lines} organizationId={e.organizationId} withTotals />
        {keepsBooks && !isReversible(e) && !e.reversedByEntryId && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16, marginBottom: 0 }}>
            {e.kind === 'reversal' ? t('funds.journal.reversalFinal') : t('funds.journal.settleInstead')}
          </Typography.Paragraph>
        )}
        <ReversalModal
          key={opening}
          entryId={e.id}
          title={t('funds.journal.reversalTitle')}
          hint={t('funds.journal.reversalHint')}
          what={t('funds.journal.reversalConfirm', {
            date: e.businessDate,
            kind: label(ENTRY_KIND.labels, e.kind),
            memo: e.memo,
          })}
          open={reversing}
          onClose={() => setReversing(false)}
        />
      </div>
    );
  }

  return (
    <Drawer
      open={entryId !== null}
      title={t('funds.journal.entryTitle')}
      size={640}
      onClose={onClose}
      destroyOnHidden
      extra={
        keepsBooks && e && isReversible(e) ? (
          <Button
            danger
            icon={<UndoOutlined />}
            onClick={() => {
              setOpening((count) => count + 1);
              setReversing(true);
            }}
            data-testid="entry-reverse"
          >
            {t('funds.reversal.button')}
          </Button>
        ) : null
      }
    >
      {body}
    </Drawer>
  );
}
