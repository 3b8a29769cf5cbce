import { PROJECT_STATUS, type TProjectStatus } from '@tongxin/contracts';
import { Tag } from 'antd';
import { useLabel } from '../../../i18n/useLabel';
import { STATUS_COLORS } from './labels';

export function ProjectStatusTag({ status }: { status: TProjectStatus }) {
  const label = useLabel();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
      data-testid="project-status"
      data-status={status}
    >
      {label(PROJECT_STATUS.labels, status)}
    </Tag>
  );
}
