import { ORGANIZATION_TYPE_LABELS, type TOrganization } from '@tongxin/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { keys } from '../api/keys';
import { fetchOrganizations } from '../api/organizations';
import { useLabel } from '../i18n/useLabel';
import { useT } from '../i18n/useT';
import { useDebounced } from '../lib/useDebounced';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (id: string | null, organization: TOrganization | null) => void;
  /** The name to show for a value set from outside before any search ran. */
  valueLabel?: string | null;
  /** Organizations that may not be chosen (e.g. the association itself). */
  excludeIds?: readonly string[];
  placeholder?: string;
  allowClear?: boolean;
  status?: '' | 'error' | 'warning';
  style?: React.CSSProperties;
  autoFocus?: boolean;
  disabled?: boolean;
};

type PickerOption = { value: string; label: string; organization: TOrganization | undefined };

/** Picks one organization in the user's scope, searching the server by name, pinyin, initials or credit code. */
export function OrganizationSelect(props: Props) {
  const {
    id,
    value,
    onChange,
    valueLabel,
    excludeIds = [],
    placeholder,
    allowClear,
    status,
    style,
    autoFocus,
    disabled,
  } = props;
  const t = useT();
  const label = useLabel();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<TOrganization | null>(null);
  const query = { q: term || undefined, pageSize: 30, sort: 'name' as const };
  const found = useQuery({
    queryKey: keys.orgList(query),
    queryFn: ({ signal }) => fetchOrganizations(query, signal),
    staleTime: 30_000,
  });
  const items = useMemo(
    () => (found.data?.items ?? []).filter((organization) => !excludeIds.includes(organization.id)),
    [found.data, excludeIds],
  );
  const options = useMemo(() => {
    const list: PickerOption[] = items.map((organization) => ({
      value: organization.id,
      label: organization.name,
      organization,
    }));
    const currentLabel = picked && picked.id === value ? picked.name : valueLabel;
    if (value && !list.some((option) => option.value === value) && currentLabel) {
      list.unshift({ value, label: currentLabel, organization: picked?.id === value ? picked : undefined });
    }
    return list;
  }, [items, value, valueLabel, picked]);

  return (
    <Select<string | undefined, PickerOption>
      id={id}
      value={value ?? undefined}
      style={{ width: '100%', ...style }}
      status={status}
      autoFocus={autoFocus}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('orgPicker.placeholder')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      optionRender={(option) => {
        const organization = option.data.organization;
        return (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{option.data.label}</span>
            {organization?.type && (
              <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
                {label(ORGANIZATION_TYPE_LABELS, organization.type)}
              </Typography.Text>
            )}
          </div>
        );
      }}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t('orgPicker.empty')}
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? undefined : option?.organization;
        setPicked(chosen ?? null);
        setSearch('');
        onChange?.(next ?? null, chosen ?? null);
      }}
    />
  );
}
