import { isRegionWithin, type TRegion } from '@tongxin/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Cascader, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { keys } from '../api/keys';
import { fetchRegion, fetchRegions } from '../api/regions';
import { useT } from '../i18n/useT';
import { useDebounced } from '../lib/useDebounced';

export type RegionOption = {
  value: string;
  label: string;
  isLeaf: boolean;
  loading?: boolean;
  children?: RegionOption[];
  region: TRegion;
};

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** Browsing starts at this region (the parent organization's), and search keeps within it. */
  rootCode?: string | null;
  placeholder?: string;
  status?: '' | 'error' | 'warning';
  disabled?: boolean;
  style?: React.CSSProperties;
};

function toOption(region: TRegion): RegionOption {
  return { value: region.code, label: region.name, isLeaf: !region.hasChildren, region };
}

function Highlight({ text, term }: { text: string; term: string }) {
  const at = term ? text.indexOf(term) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <strong style={{ color: 'var(--ant-color-primary)' }}>{term}</strong>
      {text.slice(at + term.length)}
    </>
  );
}

/**
 * What a region picker offers: the tree from `rootCode` (or the provinces) with children loaded on demand,
 * and, while the user types, the regions whose name, pinyin, initials or code match (within the root).
 */
export function useRegionOptions(rootCode: string | null | undefined) {
  const t = useT();
  const queryClient = useQueryClient();
  // Children fetched so far, by parent code; the option tree is built from them.
  const [children, setChildren] = useState<Readonly<Record<string, readonly TRegion[]>>>({});
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 250);

  const roots = useQuery({
    queryKey: keys.regionRoots(rootCode ?? null),
    queryFn: async ({ signal }) =>
      rootCode
        ? [await fetchRegion(rootCode, signal)]
        : (await fetchRegions({ level: 'province', limit: 100 }, signal)).items,
    staleTime: Infinity,
  });
  const treeOptions = useMemo(() => {
    const build = (region: TRegion): RegionOption => {
      const known = children[region.code];
      return {
        ...toOption(region),
        loading: loading.has(region.code),
        children: known ? known.map(build) : undefined,
      };
    };
    return (roots.data ?? []).map(build);
  }, [roots.data, children, loading]);

  const found = useQuery({
    queryKey: keys.regions({ q: term, limit: 30 }),
    queryFn: ({ signal }) => fetchRegions({ q: term, limit: 30 }, signal),
    enabled: term.length > 0,
    staleTime: 5 * 60_000,
  });
  const searchOptions = useMemo(
    () =>
      (found.data?.items ?? [])
        .filter((region) => !rootCode || isRegionWithin(region.code, rootCode))
        .map((region) => ({ ...toOption(region), label: region.fullName, isLeaf: true })),
    [found.data, rootCode],
  );

  const loadChildren = async (code: string) => {
    setLoading((current) => new Set(current).add(code));
    try {
      const { items } = await queryClient.query({
        queryKey: keys.regions({ parent: code }),
        queryFn: ({ signal }) => fetchRegions({ parent: code, limit: 200 }, signal),
        staleTime: Infinity,
      });
      setChildren((current) => ({ ...current, [code]: items }));
    } finally {
      setLoading((current) => {
        const next = new Set(current);
        next.delete(code);
        return next;
      });
    }
  };
  const loadData = (selectedOptions: RegionOption[]) => {
    const target = selectedOptions[selectedOptions.length - 1];
    if (target && !children[target.value]) void loadChildren(target.value);
  };

  const searching = search.trim().length > 0;
  const waiting = searching && (term !== search.trim() || found.isFetching);
  /** Keeps a chosen region in the cache, so that its name shows without asking the server again. */
  const remember = (region: TRegion) => queryClient.setQueryData(keys.region(region.code), region);

  return {
    options: searching ? searchOptions : treeOptions,
    loadData: searching ? undefined : loadData,
    remember,
    showSearch: {
      searchValue: search,
      onSearch: setSearch,
      autoClearSearchValue: true,
      filter: () => true,
      limit: 50,
      render: (_input: string, optionPath: RegionOption[]) => {
        const last = optionPath[optionPath.length - 1];
        return last ? <Highlight text={last.region.fullName} term={search.trim()} /> : null;
      },
    },
    notFoundContent: waiting ? (
      <span>
        <Spin size="small" /> {t('region.searching')}
      </span>
    ) : searching ? (
      t('region.noMatch')
    ) : undefined,
    onOpenChange: (open: boolean) => {
      if (!open) setSearch('');
    },
  };
}

/**
 * The region of an organization: browse province → prefecture → county → township → village (children load
 * on demand), or type a name, pinyin, initials (hjhq) or code to search. Its value is one region code.
 */
export function RegionCascader({ id, value, onChange, rootCode, placeholder, status, disabled, style }: Props) {
  const t = useT();
  const regions = useRegionOptions(rootCode);
  const [picked, setPicked] = useState<string[]>([]);

  // Show the full name of the chosen region, also when it was set from outside (an edit form).
  const selected = useQuery({
    queryKey: keys.region(value ?? ''),
    queryFn: ({ signal }) => fetchRegion(value ?? '', signal),
    enabled: Boolean(value),
    staleTime: Infinity,
  });

  // The path the user clicked through, while it still ends at the value; otherwise just the value.
  const path = value ? (picked[picked.length - 1] === value ? picked : [value]) : [];

  return (
    <Cascader<RegionOption>
      id={id}
      style={{ width: '100%', ...style }}
      status={status}
      disabled={disabled}
      placeholder={placeholder ?? t('org.placeholder.region')}
      options={regions.options}
      loadData={regions.loadData}
      changeOnSelect
      allowClear
      value={path}
      displayRender={(labels, selectedOptions) => {
        const last = selectedOptions?.[selectedOptions.length - 1];
        if (last && last.value === value) return last.region.fullName;
        return selected.data && selected.data.code === value ? selected.data.fullName : labels.join(' / ');
      }}
      onChange={(next, selectedOptions) => {
        const codes = (next ?? []).map(String);
        const code = codes[codes.length - 1] ?? null;
        const last = selectedOptions?.[selectedOptions.length - 1];
        if (last) regions.remember(last.region);
        setPicked(codes);
        onChange?.(code);
      }}
      showSearch={regions.showSearch}
      notFoundContent={regions.notFoundContent}
      onOpenChange={regions.onOpenChange}
    />
  );
}
