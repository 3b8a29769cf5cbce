import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../i18n/useT';
import { readPreference, writePreference } from '../../../lib/storage';

export type ColumnChoice<K extends string> = {
  /** The columns shown. */
  columns: K[];
  choose: (next: K[]) => void;
  /** Back to the list's own columns. */
  reset: () => void;
};

/**
 * The columns a list shows, as the user last chose them in this browser (kept under `preferenceKey`);
 * `defaults` until they choose, or when what is kept names a column the list no longer has.
 */
export function useColumnChoice<K extends string>(
  preferenceKey: string,
  known: readonly K[],
  defaults: readonly K[],
): ColumnChoice<K> {
  const isColumnList = (value: unknown): value is K[] =>
    Array.isArray(value) && value.every((item) => known.some((key) => key === item));
  const [columns, setColumns] = useState<K[]>(() => readPreference(preferenceKey, [...defaults], isColumnList));
  const choose = (next: K[]) => {
    setColumns(next);
    writePreference(preferenceKey, next);
  };
  return { columns, choose, reset: () => choose([...defaults]) };
}

type Props<K extends string> = {
  choice: ColumnChoice<K>;
  /** The columns offered, in the list's order. */
  keys: readonly K[];
  /** The column that names a row: always shown. */
  fixed: K;
  labelOf: (key: K) => ReactNode;
};

/** The 列设置 button of a list's toolbar: tick the columns to show, or go back to the list's defaults. */
export function ColumnPicker<K extends string>({ choice, keys, fixed, labelOf }: Props<K>) {
  const t = useT();
  const content = (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6, minWidth: 160 }}>
      <Checkbox.Group<K>
        value={choice.columns}
        onChange={(next) => choice.choose(keys.filter((key) => key === fixed || next.includes(key)))}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={keys.map((key) => ({ value: key, label: labelOf(key), disabled: key === fixed }))}
      />
      <Button size="small" type="link" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={choice.reset}>
        {t('common.columnsReset')}
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('common.columns')} content={content}>
      <Button icon={<SettingOutlined />}>{t('common.columns')}</Button>
    </Popover>
  );
}
