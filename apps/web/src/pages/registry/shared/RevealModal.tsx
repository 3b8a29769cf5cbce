import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ZRevealRequest } from '@tongxin/contracts';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { placeServerErrors } from '../../../forms/serverErrors';
import { useZodRule } from '../../../forms/useZodRule';
import { useT } from '../../../i18n/useT';
import { MONO } from './labels';

export type RevealTarget = {
  /** What is revealed: 身份证号, 联系电话, 家庭住址. */
  what: string;
  /** Whose it is, e.g. the member's name. */
  whose: string;
  /** Asks the server (which records who asked and why); null when nothing is on record. */
  reveal: (reason: string) => Promise<string | null>;
  /** Show the value in a monospace face (ID numbers, phones). */
  mono?: boolean;
};

type Values = { reason: string };

/**
 * Personal data in full, one field at a time: the user says why, the server records it in the audit
 * trail, and the value is shown once in this dialog. Mount anew (a new `key`) for each opening.
 */
export function RevealModal({ target: requested, onClose }: { target: RevealTarget | null; onClose: () => void }) {
  const t = useT();
  // The dialog keeps its words while it fades out after closing.
  const [target, setTarget] = useState(requested);
  if (requested && requested !== target) setTarget(requested);
  const zodRule = useZodRule();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<unknown>(null);
  const reveal = useMutation({
    mutationFn: (values: Values) => {
      if (!target) throw new Error('no target');
      return target.reveal(values.reason.trim());
    },
    onError: (error) => {
      const placed = placeServerErrors(form, error, ['reason']);
      setRefusal(placed.allPlaced ? null : error);
    },
  });
  const shown = reveal.isSuccess;
  const value = reveal.data;
  let body: ReactNode;
  if (!target) body = null;
  else if (shown) {
    body = (
      <>
        <div className="tx-reveal-value" data-testid="revealed-value">
          {value ? (
            <Typography.Text
              copyable={{ text: value, tooltips: [t('common.copy'), t('common.copied')] }}
              style={target.mono ? { ...MONO, fontSize: 20, letterSpacing: 1 } : { fontSize: 16 }}
            >
              {value}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('registry.reveal.nothing')}</Typography.Text>
          )}
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }}>
          {t('registry.reveal.once')}
        </Typography.Paragraph>
      </>
    );
  } else {
    body = (
      <>
        <Alert
          type="info"
          showIcon
          icon={<SafetyCertificateOutlined />}
          style={{ marginBottom: 16 }}
          title={t('registry.reveal.notice')}
        />
        <ErrorAlert error={refusal} />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => {
            setRefusal(null);
            reveal.mutate(values);
          }}
        >
          <Form.Item
            name="reason"
            label={t('registry.reveal.reason')}
            rules={[zodRule(ZRevealRequest.shape.reason, { required: true })]}
            extra={t('registry.reveal.reasonHint')}
          >
            <Input.TextArea
              autoFocus
              maxLength={200}
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder={t('registry.reveal.reasonPlaceholder')}
              onKeyDown={(event) => {
                // Enter sends, Shift+Enter starts a new line.
                if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  form.submit();
                }
              }}
            />
          </Form.Item>
        </Form>
      </>
    );
  }

  return (
    <Modal
      open={requested !== null}
      title={target ? t('registry.reveal.title', { what: target.what, whose: target.whose }) : ''}
      onCancel={onClose}
      destroyOnHidden
      width={460}
      footer={
        shown ? (
          <Button type="primary" onClick={onClose}>
            {t('registry.reveal.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => form.submit()}>
              {t('registry.reveal.submit')}
            </Button>
          </>
        )
      }
    >
      {body}
    </Modal>
  );
}
