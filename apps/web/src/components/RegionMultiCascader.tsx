import { useQueries } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useState } from 'react';
import { keys } from '../api/keys';
import { fetchRegion } from '../api/regions';
import { useT } from '../i18n/useT';
import { useRegionOptions, type RegionOption } from './RegionCascader';

type Props = {
  id?: string;
  value?: readonly string[];
  onChange?: (codes: string[]) => void;
  /** Browsing starts at this region (the user's organization's), and search keeps within it. */
  rootCode?: string | null;
  placeholder?: string;
  status?: '' | 'error' | 'warning';
  disabled?: boolean;
  style?: React.CSSProperties;
};

/**
 * Several regions at once (a project's target counties, townships or villages): tick them while browsing
 * the tree, or type a name, pinyin, initials or code and tick what is found. Its value is a list of codes.
 */
export function RegionMultiCascader({
  id,
  value = [],
  onChange,
  rootCode,
  placeholder,
  status,
  disabled,
  style,
}: Props) {
  const t = useT();
  const regions = useRegionOptions(rootCode);
  // The path in the tree of each region ticked there; a region found by search or set from outside stands
  // alone (its own code), and is named from the region cache.
  const [paths, setPaths] = useState<Readonly<Record<string, string[]>>>({});
  const names = useQueries({
    queries: value.map((code) => ({
      queryKey: keys.region(code),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchRegion(code, signal),
      staleTime: Infinity,
    })),
  });
  const nameOf = (code: string) => names[value.indexOf(code)]?.data?.name ?? code;

  return (
    <Cascader<RegionOption, 'value'>
      id={id}
      multiple
      maxTagCount="responsive"
      style={{ width: '100%', ...style }}
      status={status}
      disabled={disabled}
      placeholder={placeholder ?? t('org.placeholder.region')}
      options={regions.options}
      loadData={regions.loadData}
      allowClear
      value={value.map((code) => paths[code] ?? [code])}
      displayRender={(labels, selectedOptions) => {
        const last = selectedOptions?.[selectedOptions.length - 1];
        if (last) return last.region.name;
        const code = labels[labels.length - 1];
        return typeof code === 'string' ? nameOf(code) : code;
      }}
      onChange={(next, selectedOptions) => {
        const learned: Record<string, string[]> = { ...paths };
        const codes: string[] = [];
        next.forEach((cells, index) => {
          const path = cells.map(String);
          const code = path[path.length - 1];
          if (!code) return;
          const chosen = selectedOptions[index];
          const region = chosen?.[chosen.length - 1]?.region;
          if (region) regions.remember(region);
          learned[code] = path;
          codes.push(code);
        });
        setPaths(learned);
        onChange?.(codes);
      }}
      showSearch={regions.showSearch}
      notFoundContent={regions.notFoundContent}
      onOpenChange={regions.onOpenChange}
    />
  );
}
