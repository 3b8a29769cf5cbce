import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZReversalRequest, type TDonation } from '@tongxin/contracts';
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
import { formatYuan } from '../../../lib/money';
import { POSTING_REFUSAL_FIELDS } from '../shared/labels';

type Values = { on: Dayjs | null; reason?: string };

const FIELDS = ['on', 'reason'];
const ALIASES = { reversedOn: 'on' };

type Props = { donation: TDonation; open: boolean; onClose: () => void };

/**
 * 冲销: undoes the booking of a gift recorded in error with its mirror image, dated in an open period; the
 * original stays on record. It cannot be taken back, so it asks once more. Mount anew for each opening.
 */
export function ReversalModal({ donation, open, onClose }: Props) {
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
        reverseEntry(key, donation.entryId, {
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
      content: t('funds.reversal.confirmText', {
        name: donation.donorName,
        amount: formatYuan(donation.amount) ?? '',
        date: donation.receivedOn,
      }),
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
      title={t('funds.reversal.title')}
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
          description={t('funds.reversal.warningHint')}
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
