import { Typography } from 'antd';
import type { ReactNode } from 'react';

type Props = { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string };

/** A titled block of a portal page. */
export function PortalSection({ title, extra, children, testId }: Props) {
  return (
    <section className="tx-portal-section" data-testid={testId}>
      <div className="tx-portal-section-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}
