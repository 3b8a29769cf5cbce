import { Button, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n/useT';
import type { Refusal } from './useServerRefusal';

type Props = {
  form: FormInstance;
  open: boolean;
  title: ReactNode;
  width?: number;
  submitLabel: ReactNode;
  isSaving: boolean;
  /** The submit button warns (red): what it does cannot be taken back. */
  isDangerous?: boolean;
  /** What the server refused and did not say at a field (useServerRefusal). */
  refusal: Refusal | null;
  /** What stands above the form and its refusal: what the form acts on, what it will do. */
  preface?: ReactNode;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A short form in a dialog, the modal twin of FormDrawer: Cancel and the submit button in its footer, the
 * server's refusal above the form. The form (a child) submits through `form.submit()`; the dialog is thrown
 * away on closing, so that a new opening starts clean.
 */
export function FormModal({
  form,
  open,
  title,
  width = 560,
  submitLabel,
  isSaving,
  isDangerous = false,
  refusal,
  preface,
  onClose,
  children,
}: Props) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={isDangerous}
            loading={isSaving}
            onClick={() => form.submit()}
            data-testid="modal-submit"
          >
            {submitLabel}
          </Button>
        </>
      }
    >
      {preface}
      {refusal && <ErrorAlert error={refusal.error} extra={refusal.extra} />}
      {children}
    </Modal>
  );
}
