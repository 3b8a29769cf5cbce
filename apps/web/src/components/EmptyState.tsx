import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

type Props = { title: ReactNode; hint?: ReactNode; action?: ReactNode; compact?: boolean };

/** Nothing to show yet, and what to do next. */
export function EmptyState({ title, hint, action, compact = false }: Props) {
  return (
    <Empty
      image={compact ? Empty.PRESENTED_IMAGE_SIMPLE : Empty.PRESENTED_IMAGE_DEFAULT}
      style={{ margin: compact ? '24px 0' : '48px 0' }}
      description={
        <>
          <div>{title}</div>
          {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
        </>
      }
    >
      {action}
    </Empty>
  );
}
