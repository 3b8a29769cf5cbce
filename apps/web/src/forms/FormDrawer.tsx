import { App, Button, Drawer, Space, type DrawerProps, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n/useT';
import type { Refusal } from './useServerRefusal';

type Props = {
  form: FormInstance;
  open: boolean;
  title: ReactNode;
  size: DrawerProps['size'];
  submitLabel: ReactNode;
  /** The form is being sent: the submit button is busy, and closing needs no confirmation. */
  isSaving: boolean;
  /** The submit button is busy for something else the form waits for as well (photos still uploading). */
  isWaiting?: boolean;
  /** The submit button warns (red): sending does something the user may not want (a failed acceptance). */
  isDangerous?: boolean;
  /** What the server refused and did not say at a field (useServerRefusal). */
  refusal: Refusal | null;
  /** What stands above even a refusal (the parent a new organization goes under). */
  preface?: ReactNode;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A form in a drawer: Cancel and the submit button in its footer, the server's refusal above the form, and a
 * confirmation before closing a form the user has changed. The form itself (a child) submits through
 * `form.submit()`; it is thrown away on closing, so that a new opening starts clean.
 */
export function FormDrawer({
  form,
  open,
  title,
  size,
  submitLabel,
  isSaving,
  isWaiting = false,
  isDangerous = false,
  refusal,
  preface,
  onClose,
  children,
}: Props) {
  const t = useT();
  const { modal } = App.useApp();

  const close = () => {
    if (!form.isFieldsTouched() || isSaving) return onClose();
    modal.confirm({
      title: t('common.unsavedConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: onClose,
    });
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={size}
      onClose={close}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" danger={isDangerous} loading={isSaving || isWaiting} onClick={() => form.submit()}>
            {submitLabel}
          </Button>
        </Space>
      }
    >
      {preface}
      {refusal && <ErrorAlert error={refusal.error} extra={refusal.extra} />}
      {children}
    </Drawer>
  );
}
