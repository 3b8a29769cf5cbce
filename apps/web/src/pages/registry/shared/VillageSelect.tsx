import { useQuery } from '@tanstack/react-query';
import type { TVillage } from '@tongxin/contracts';
import { Select, Typography } from 'antd';
import { useMemo } from 'react';
import { keys } from '../../../api/keys';
import { fetchVillages } from '../../../api/registry';
import { useT } from '../../../i18n/useT';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (id: string | null, village: TVillage | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  status?: '' | 'error' | 'warning';
  style?: React.CSSProperties;
  autoFocus?: boolean;
  disabled?: boolean;
};

type VillageOption = { value: string; label: string; village: TVillage; search: string };

const QUERY = { pageSize: 200, sort: 'regionCode' as const };

/** The registered villages in the user's scope as options, searched in the browser. */
function useVillageOptions() {
  const t = useT();
  const villages = useQuery({
    queryKey: keys.villageList(QUERY),
    queryFn: ({ signal }) => fetchVillages(QUERY, signal),
    staleTime: 60_000,
  });
  const options = useMemo<VillageOption[]>(
    () =>
      (villages.data?.items ?? []).map((village) => ({
        value: village.id,
        label: village.name,
        village,
        search: `${village.fullName} ${village.regionCode}`,
      })),
    [villages.data],
  );
  return {
    options,
    loading: villages.isPending,
    showSearch: {
      filterOption: (input: string, option?: VillageOption) => Boolean(option?.search.includes(input.trim())),
    },
    optionRender: (option: { data: VillageOption }) => {
      const parts = option.data.village.fullName.split(' ');
      return (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{option.data.label}</span>
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12, marginInlineEnd: 4 }}>
            {parts.at(-2) ?? ''}
          </Typography.Text>
        </div>
      );
    },
    notFoundContent: villages.isPending ? t('common.loading') : t('registry.villagePicker.empty'),
  };
}

/**
 * Picks one registered village in the user's scope. A county has tens of villages, so they load at once
 * and the search runs in the browser (name, township, or region code).
 */
export function VillageSelect(props: Props) {
  const { id, value, onChange, placeholder, allowClear, status, style, autoFocus, disabled } = props;
  const t = useT();
  const villages = useVillageOptions();
  return (
    <Select<string | undefined, VillageOption>
      id={id}
      value={value ?? undefined}
      style={{ width: '100%', ...style }}
      status={status}
      autoFocus={autoFocus}
      disabled={disabled}
      allowClear={allowClear}
      loading={villages.loading}
      placeholder={placeholder ?? t('registry.villagePicker.placeholder')}
      showSearch={villages.showSearch}
      options={villages.options}
      optionRender={villages.optionRender}
      notFoundContent={villages.notFoundContent}
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? undefined : option?.village;
        onChange?.(next ?? null, chosen ?? null);
      }}
    />
  );
}

type MultiProps = {
  id?: string;
  value?: readonly string[];
  onChange?: (ids: string[]) => void;
  placeholder?: string;
  status?: '' | 'error' | 'warning';
  style?: React.CSSProperties;
  disabled?: boolean;
};

/** Picks several registered villages in the user's scope (a project's target villages). */
export function VillageMultiSelect({ id, value, onChange, placeholder, status, style, disabled }: MultiProps) {
  const t = useT();
  const villages = useVillageOptions();
  return (
    <Select<string[], VillageOption>
      id={id}
      mode="multiple"
      maxTagCount="responsive"
      value={value ? [...value] : []}
      style={{ width: '100%', ...style }}
      status={status}
      disabled={disabled}
      allowClear
      loading={villages.loading}
      placeholder={placeholder ?? t('registry.villagePicker.placeholder')}
      showSearch={villages.showSearch}
      options={villages.options}
      optionRender={villages.optionRender}
      notFoundContent={villages.notFoundContent}
      onChange={(next) => onChange?.(next)}
    />
  );
}
