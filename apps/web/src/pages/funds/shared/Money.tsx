import type { CSSProperties } from 'react';
import { formatYuan } from '../../../lib/money';

type Props = { fen: number; strong?: boolean; style?: CSSProperties; testId?: string };

/** An amount as ¥1,234.50, in figures that line up in a column (tables align it right). */
export function Money({ fen, strong = false, style, testId }: Props) {
  return (
    <span
      style={{
        whiteSpace: 'nowrap',
        fontVariantNumeric: 'tabular-nums',
        fontWeight: strong ? 600 : undefined,
        ...style,
      }}
      data-testid={testId}
    >
      {formatYuan(fen)}
    </span>
  );
}
