import { Modal } from 'antd';
import { useT } from '../i18n/useT';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={open} title={t('password.changeTitle')} footer={null} onCancel={onClose} destroyOnHidden width={420}>
      <ChangePasswordForm onDone={onClose} onCancel={onClose} />
    </Modal>
  );
}
