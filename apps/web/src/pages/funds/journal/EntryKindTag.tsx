import { ENTRY_KIND, type TEntryKind } from '@tongxin/contracts';
import { Tag } from 'antd';
import { useLabel } from '../../../i18n/useLabel';

const COLORS: Readonly<Record<TEntryKind, string>> = {
  donation: 'blue',
  refund: 'default',
  allocation: 'cyan',
  transfer: 'purple',
  disbursement: 'orange',
  payment: 'green',
  remainder: 'geekblue',
  reversal: 'red',
};

export function EntryKindTag({ kind }: { kind: TEntryKind }) {
  const label = useLabel();
  return (
    <Tag color={COLORS[kind]} style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }} data-testid="entry-kind">
      {label(ENTRY_KIND.labels, kind)}
    </Tag>
  );
}
