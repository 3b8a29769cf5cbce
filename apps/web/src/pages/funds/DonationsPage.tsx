import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DONATION_FORM, type TDonation, type TDonationForm } from '@tongxin/contracts';
import { Card, DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { fetchDonations, fetchDonor, type DonationListQuery } from '../../api/funds';
import { keys } from '../../api/keys';
import { EmptyState } from '../../components/EmptyState';
import { ListTable, NoMatch } from '../../components/ListTable';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { EnterGiftsButton } from './shared/EnterGiftsButton';
import { useRunsProjects } from '../projects/shared/useProjectSide';
import { ColumnPicker, useColumnChoice } from '../registry/shared/ColumnPicker';
import { pickOne } from '../registry/shared/labels';
import { useListParams } from '../registry/shared/useListParams';
import { DonorPicker } from './shared/DonorPicker';
import {
  DONATION_COLUMN_KEYS,
  DONATION_COLUMN_TITLES,
  useDonationColumns,
  type DonationColumnKey,
} from './shared/useDonationColumns';

const DEFAULT_COLUMNS: readonly DonationColumnKey[] = [
  'donor',
  'receivedOn',
  'amount',
  'form',
  'designation',
  'status',
  'receipt',
];

const FILTERS = ['org', 'donor', 'form', 'year'] as const;

/** 捐赠记录: the gifts of the organizations in scope, newest first, filtered by organization, donor, form, year. */
export function DonationsPage() {
  const t = useT();
  const options = useLabelOptions();
  const navigate = useNavigate();
  const keepsBooks = useRunsProjects();
  const [params, update] = useListParams();
  const columnChoice = useColumnChoice('donationColumns', DONATION_COLUMN_KEYS, DEFAULT_COLUMNS);
  const all = useDonationColumns('donor');
  const { columns } = columnChoice;

  const donorId = params.get('donor') ?? undefined;
  const year = Number(params.get('year')) || undefined;
  const query: DonationListQuery = {
    organizationId: params.get('org') ?? undefined,
    donorId,
    form: pickOne<TDonationForm>(params.get('form'), DONATION_FORM.values),
    year,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const filtered = FILTERS.some((name) => params.has(name));
  const list = useQuery({
    queryKey: keys.donationList(query),
    queryFn: ({ signal }) => fetchDonations(query, signal),
    placeholderData: keepPreviousData,
  });
  // The donor of a filter set by a link (from a donor's page) is named before any search ran.
  const donor = useQuery({
    queryKey: keys.donor(donorId ?? ''),
    queryFn: ({ signal }) => fetchDonor(donorId ?? '', signal),
    enabled: Boolean(donorId),
    staleTime: 60_000,
  });

  const clearFilters = () => update(Object.fromEntries(FILTERS.map((name) => [name, null])));

  const entryButton = <EnterGiftsButton />;

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('funds.donations.title')}</h1>
        {entryButton}
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
          <DonorPicker
            allowNew={false}
            style={{ width: 200 }}
            placeholder={t('funds.filter.donor')}
            value={donorId && donor.data ? { kind: 'existing', donor: donor.data } : null}
            onChange={(choice) => update({ donor: choice?.kind === 'existing' ? choice.donor.id : null })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('funds.filter.form')}
            aria-label={t('funds.filter.form')}
            value={query.form}
            options={options(DONATION_FORM.labels, DONATION_FORM.values)}
            onChange={(value: TDonationForm | undefined) => update({ form: value })}
          />
          <DatePicker
            picker="year"
            style={{ width: 120 }}
            placeholder={t('funds.filter.year')}
            aria-label={t('funds.filter.year')}
            value={year ? dayjs(`${year}-01-01`) : null}
            onChange={(value) => update({ year: value ? value.year() : null })}
          />
          <div className="tx-toolbar-actions">
            <ColumnPicker
              choice={columnChoice}
              keys={DONATION_COLUMN_KEYS}
              fixed="donor"
              labelOf={(key) => t(DONATION_COLUMN_TITLES[key])}
            />
          </div>
        </div>
        <ListTable<TDonation>
          list={list}
          page={query}
          columns={DONATION_COLUMN_KEYS.filter((key) => key === 'donor' || columns.includes(key)).map(
            (key) => all[key],
          )}
          onRow={(row) => ({ onDoubleClick: () => void navigate(`/funds/donations/${row.id}`) })}
          data-testid="donations"
          filtered={filtered}
          noMatch={
            <NoMatch title={t('funds.donations.noMatch')} hint={t('org.list.emptyHint')} onClear={clearFilters} />
          }
          empty={
            <EmptyState
              compact
              title={t('funds.donations.empty')}
              hint={keepsBooks ? t('funds.donations.emptyHint') : t('funds.donations.emptyReadOnly')}
              action={entryButton}
            />
          }
          totalText={(total) => t('funds.donations.total', { total })}
          totalTestId="donation-total"
          onPage={(changes) => update(changes, false)}
        />
      </Card>
    </>
  );
}
