import { useQuery } from '@tanstack/react-query';
import type { TUser } from '@tongxin/contracts';
import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { keys } from '../../../api/keys';
import { fetchUsers } from '../../../api/users';
import { useT } from '../../../i18n/useT';
import { useDebounced } from '../../../lib/useDebounced';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The name of the cadre already assigned, shown before any search ran. */
  valueLabel?: string | null;
};

type CadreOption = { value: string; label: string; user: TUser | undefined };

/** The responsible cadre (帮扶责任人): an active user of the organizations the administrator manages. */
export function CadreSelect({ id, value, onChange, valueLabel }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 250);
  const query = { q: term || undefined, status: 'active' as const, pageSize: 30, sort: 'displayName' as const };
  const found = useQuery({
    queryKey: keys.userList(query),
    queryFn: ({ signal }) => fetchUsers(query, signal),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const list: CadreOption[] = (found.data?.items ?? []).map((user) => ({
      value: user.id,
      label: user.displayName,
      user,
    }));
    if (value && valueLabel && !list.some((option) => option.value === value)) {
      list.unshift({ value, label: valueLabel, user: undefined });
    }
    return list;
  }, [found.data, value, valueLabel]);
  return (
    <Select<string | undefined, CadreOption>
      id={id}
      allowClear
      value={value ?? undefined}
      placeholder={t('registry.household.cadrePlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      optionRender={(option) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span>{option.data.label}</span>
          {option.data.user && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {option.data.user.username} · {option.data.user.organizationName}
            </Typography.Text>
          )}
        </div>
      )}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t('registry.household.cadreEmpty')}
      onChange={(next) => {
        setSearch('');
        onChange?.(next ?? null);
      }}
    />
  );
}
