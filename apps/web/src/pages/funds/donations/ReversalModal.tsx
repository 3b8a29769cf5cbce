import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZReversalRequest } from '@tongxin/contracts';
import { Alert, App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { reverseEntry } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { FormModal } from '../../../forms/FormModal';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useIdempotencyKey } from '../../../forms/useIdempotencyKey';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useSingleFlight } from '../../../forms/useSingleFlight';
import { useZodRule } from '../../../forms/useZodRule';
import { useT } from '../../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../../lib/dates';
import { POSTING_REFUSAL_FIELDS } from '../shared/labels';

type Values = { on: Dayjs | null; reason?: string };

const FIELDS = ['on', 'reason'];
const ALIASES = { reversedOn: 'on' };

type Props = {
  /** The journal entry to undo: a gift's booking, or any reversible entry of the journal. */
  entryId: string;
  /** What is undone, in the words of the confirmation (“撤销 张三 2026-03-01 的 ¥500.00 捐赠记账…”). */
  what: string;
  /** The dialog's title; a gift's own (冲销这笔捐赠的记账) when left out. */
  title?: string;
  /** What a reversal is for, under the warning; a gift's own when left out. */
  hint?: string;
  open: boolean;
  onClose: () => void;
};

/**
 * 冲销: undoes an entry — the booking of a gift recorded in error, an allocation, a transfer — with its
 * mirror image, dated in an open period; the original stays on record. It cannot be taken back, so it asks once more. Mount anew for each opening.
 */
export function ReversalModal({ entryId, what, title, hint, open, onClose }: Props) {
  const t = useT();
  const zodRule = useZodRule();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const send = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES, POSTING_REFUSAL_FIELDS);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      send((key) =>
        reverseEntry(key, entryId, {
          reversedOn: toBusinessDate(values.on) ?? '',
          reason: values.reason?.trim() ?? '',
        }),
      ),
    onSuccess: async () => {
      void message.success(t('funds.reversal.done'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
    onError: refuse,
  });

  const confirm = (values: Values) => {
    modal.confirm({
      title: t('funds.reversal.confirmTitle'),
      content: what,
      okText: t('funds.reversal.submit'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => {
        clearRefusal();
        once(() => mutation.mutateAsync(values));
      },
    });
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={title ?? t('funds.reversal.title')}
      submitLabel={t('funds.reversal.submit')}
      isSaving={mutation.isPending}
      isDangerous
      refusal={refusal}
      onClose={onClose}
      preface={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('funds.reversal.warning')}
          description={hint ?? t('funds.reversal.warningHint')}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ on: fromBusinessDate(beijingToday()) }}
        onFinish={confirm}
      >
        <Form.Item
          name="reason"
          label={t('funds.reversal.reason')}
          required
          rules={[zodRule(ZReversalRequest.shape.reason, { required: true })]}
        >
          <Input.TextArea
            autoFocus
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('funds.reversal.reasonPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="on"
          label={t('funds.reversal.on')}
          extra={t('funds.reversal.onHint')}
          rules={[{ required: true, message: t('funds.dateRequired') }]}
          style={{ marginBottom: 0 }}
        >
          <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: 200 }} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormModal>
  );
}
