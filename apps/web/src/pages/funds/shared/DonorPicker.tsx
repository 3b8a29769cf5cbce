import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { DONOR_KIND, type TDonor } from '@tongxin/contracts';
import { Select, Spin, Typography, type RefSelectProps } from 'antd';
import { useMemo, useState, type Ref } from 'react';
import { fetchDonors } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { useDebounced } from '../../../lib/useDebounced';

/** Who gave: a registered donor, or a person to register with the gift under the name typed. */
export type DonorChoice = { kind: 'existing'; donor: TDonor } | { kind: 'new'; name: string };

type Props = {
  id?: string;
  ref?: Ref<RefSelectProps>;
  /** Donors of this organization only (a gift is booked with its donor's organization); all in scope when left out. */
  organizationId?: string | null;
  /** Offers to register a new person under the typed name (donation entry); a filter leaves it out. */
  allowNew?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  value?: DonorChoice | null;
  onChange?: (choice: DonorChoice | null) => void;
  status?: '' | 'error' | 'warning';
  autoFocus?: boolean;
};

type DonorOption = { value: string; label: string; choice: DonorChoice };

const NEW = 'new:';

/**
 * Finds a donor by name as one types (the server searches), and offers to register a new person under the
 * typed name once the search has answered, so that Enter never creates a donor who was only slow to appear.
 */
export function DonorPicker(props: Props) {
  const { id, ref, organizationId, allowNew = true, value, onChange, status, autoFocus, placeholder, style } = props;
  const t = useT();
  const label = useLabel();
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const term = useDebounced(typed, 200);
  // The server limits the search to the organization, so that a city user finds the donors of the one chosen.
  const query = { q: term || undefined, organizationId: organizationId ?? undefined, pageSize: 20 };
  const found = useQuery({
    queryKey: keys.donorList(query),
    queryFn: ({ signal }) => fetchDonors(query, signal),
    enabled: term.length > 0,
    staleTime: 10_000,
  });
  const settled = term === typed && term.length > 0 && !found.isFetching && found.isSuccess;
  const options = useMemo(() => {
    const list: DonorOption[] = (found.data?.items ?? [])
      .filter((donor) => !organizationId || donor.organizationId === organizationId)
      .map((donor) => ({ value: donor.id, label: donor.name, choice: { kind: 'existing', donor } }));
    if (allowNew && settled) list.push({ value: `${NEW}${typed}`, label: typed, choice: { kind: 'new', name: typed } });
    return list;
  }, [found.data, organizationId, allowNew, settled, typed]);
  // The chosen donor stays named after the search that found it is gone.
  const selected: DonorOption | null = value
    ? value.kind === 'existing'
      ? { value: value.donor.id, label: value.donor.name, choice: value }
      : { value: `${NEW}${value.name}`, label: value.name, choice: value }
    : null;
  const shown = selected && !options.some((option) => option.value === selected.value) ? [selected] : options;

  return (
    <Select<string | undefined, DonorOption>
      id={id}
      ref={ref}
      value={selected?.value}
      style={{ width: '100%', ...style }}
      status={status}
      autoFocus={autoFocus}
      allowClear
      placeholder={placeholder ?? t('funds.entry.donorPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      defaultActiveFirstOption
      options={search ? options : shown}
      labelRender={() =>
        value?.kind === 'new' ? (
          <span>
            {value.name}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {t('funds.entry.newDonorTag')}
            </Typography.Text>
          </span>
        ) : (
          (selected?.label ?? '')
        )
      }
      optionRender={(option) => {
        const choice = option.data.choice;
        if (choice.kind === 'new') {
          return (
            <span data-testid="donor-option-new">
              <PlusOutlined style={{ marginInlineEnd: 6, color: '#1a5fb4' }} />
              {t('funds.entry.newDonorOption', { name: choice.name })}
            </span>
          );
        }
        const donor = choice.donor;
        return (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-testid="donor-option">
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{donor.name}</span>
            <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
              {[
                label(DONOR_KIND.labels, donor.kind),
                donor.phoneMasked,
                t('funds.donor.giftCount', { count: donor.donationCount }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        );
      }}
      notFoundContent={
        typed.length === 0 ? (
          <Typography.Text type="secondary">{t('funds.entry.donorTypeHint')}</Typography.Text>
        ) : settled ? (
          <Typography.Text type="secondary">{t('funds.donorPicker.empty')}</Typography.Text>
        ) : (
          <Spin size="small" />
        )
      }
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? undefined : option?.choice;
        setSearch('');
        onChange?.(next && chosen ? chosen : null);
      }}
    />
  );
}
