import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ENTRY_KIND, type TEntryKind, type TJournalEntry } from '@tongxin/contracts';
import { Button, Card, DatePicker, Select, Tag, Typography } from 'antd';
import { fetchEntries, type JournalQuery } from '../../api/funds';
import { keys } from '../../api/keys';
import { EmptyState } from '../../components/EmptyState';
import { ListTable, NoMatch } from '../../components/ListTable';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { fromBusinessDate, toBusinessDate } from '../../lib/dates';
import { pickOne } from '../registry/shared/labels';
import { useListParams } from '../registry/shared/useListParams';
import { EntryDrawer } from './journal/EntryDrawer';
import { EntryKindTag } from './journal/EntryKindTag';
import { EntryLines, EntryLinesHead } from './journal/EntryLines';

const FILTERS = ['org', 'kind', 'from', 'to'] as const;

/**
 * 日记账: the journal entries of the organizations in scope, newest first, each with its lines in debit and
 * credit columns; an entry opens in a drawer, where it may be reversed.
 */
export function JournalPage() {
  const t = useT();
  const options = useLabelOptions();
  const [params, update] = useListParams();
  const query: JournalQuery = {
    organizationId: params.get('org') ?? undefined,
    kind: pickOne<TEntryKind>(params.get('kind'), ENTRY_KIND.values),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const filtered = FILTERS.some((name) => params.has(name));
  const list = useQuery({
    queryKey: keys.entryList(query),
    queryFn: ({ signal }) => fetchEntries(query, signal),
    placeholderData: keepPreviousData,
  });
  const entryId = params.get('entry');
  const openEntry = (id: string | null) => update({ entry: id }, false);
  const nowrap = { whiteSpace: 'nowrap' } as const;

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('funds.journal.title')}</h1>
      </div>
      <Card>
        <div className="tx-toolbar">
          <OrganizationSelect
            allowClear
            style={{ width: 240 }}
            placeholder={t('funds.filter.organization')}
            value={query.organizationId ?? null}
            onChange={(id) => update({ org: id })}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('funds.journal.kind')}
            aria-label={t('funds.journal.kind')}
            value={query.kind}
            options={options(ENTRY_KIND.labels, ENTRY_KIND.values)}
            onChange={(value: TEntryKind | undefined) => update({ kind: value })}
          />
          <DatePicker.RangePicker
            style={{ width: 260 }}
            placeholder={[t('funds.journal.from'), t('funds.journal.to')]}
            value={[fromBusinessDate(query.from), fromBusinessDate(query.to)]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              update({ from: toBusinessDate(range?.[0]) ?? null, to: toBusinessDate(range?.[1]) ?? null })
            }
          />
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 13 }}>
            {t('funds.journal.hint')}
          </Typography.Text>
        </div>
        <ListTable<TJournalEntry>
          list={list}
          page={query}
          data-testid="journal"
          onRow={(row) => ({ onDoubleClick: () => openEntry(row.id) })}
          columns={[
            {
              key: 'date',
              title: t('funds.journal.date'),
              render: (_, row) => (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, fontVariantNumeric: 'tabular-nums' }}
                  onClick={() => openEntry(row.id)}
                  data-testid="entry-open"
                >
                  {row.businessDate}
                </Button>
              ),
            },
            {
              key: 'kind',
              title: t('funds.journal.kind'),
              render: (_, row) => (
                <div style={nowrap}>
                  <EntryKindTag kind={row.kind} />
                  {row.reversedByEntryId && (
                    <div>
                      <Tag style={{ marginTop: 4, marginInlineEnd: 0 }}>{t('funds.journal.reversedShort')}</Tag>
                    </div>
                  )}
                </div>
              ),
            },
            {
              key: 'memo',
              title: t('funds.journal.memo'),
              render: (_, row) => (
                <div style={{ minWidth: 160, maxWidth: 220 }} data-testid="entry-memo">
                  {row.memo}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.actorUsername}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              key: 'lines',
              title: <EntryLinesHead />,
              render: (_, row) => <EntryLines lines={row.lines} organizationId={row.organizationId} compact />,
            },
          ]}
          filtered={filtered}
          noMatch={
            <NoMatch
              title={t('funds.journal.noMatch')}
              onClear={() => update(Object.fromEntries(FILTERS.map((name) => [name, null])))}
            />
          }
          empty={<EmptyState compact title={t('funds.journal.empty')} hint={t('funds.journal.emptyHint')} />}
          totalText={(total) => t('funds.journal.total', { total })}
          pageSizes={[20, 50, 100]}
          onPage={(changes) => update(changes, false)}
        />
      </Card>
      <EntryDrawer entryId={entryId} onClose={() => openEntry(null)} onOpen={openEntry} />
    </>
  );
}
