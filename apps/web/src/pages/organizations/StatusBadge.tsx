import type { TOrganizationStatus } from '@tongxin/contracts';
import { Badge } from 'antd';

const STATUS: Readonly<Record<TOrganizationStatus, 'success' | 'warning' | 'default'>> = {
  active: 'success',
  suspended: 'warning',
  deregistered: 'default',
};

export function StatusBadge({ status, text }: { status: TOrganizationStatus; text: string }) {
  return <Badge status={STATUS[status]} text={text} />;
}
