import { DeleteOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useT } from '../i18n/useT';

/** Removes a row of a form list (a figure, a follow-up, a checklist item): a bin icon with its name. */
export function RemoveRowButton({ onClick }: { onClick: () => void }) {
  const t = useT();
  return (
    <Tooltip title={t('common.remove')}>
      <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={onClick} />
    </Tooltip>
  );
}
