import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZRefundRequest, type TDonation } from '@tongxin/contracts';
import { Alert, App, Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { refundDonation } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { FormModal } from '../../../forms/FormModal';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useIdempotencyKey } from '../../../forms/useIdempotencyKey';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useSingleFlight } from '../../../forms/useSingleFlight';
import { useZodRule } from '../../../forms/useZodRule';
import { useT } from '../../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../../lib/dates';
import { fenToYuanText, formatYuan, useYuanRule, yuanTextToFen } from '../../../lib/money';
import { POSTING_REFUSAL_FIELDS } from '../shared/labels';

type Values = { amount?: string; on: Dayjs | null; reason?: string };

const FIELDS = ['amount', 'on', 'reason'];
const ALIASES = { refundedOn: 'on' };

type Props = {
  donation: TDonation;
  /** What of the gift is still in the fund it came into: the most that may go back. */
  refundable: number;
  open: boolean;
  onClose: () => void;
};

/**
 * 退款: gives part or all of a gift back, at most what of it is still in its fund; asks once more before
 * booking it. Mount anew (a new `key`) for each opening.
 */
export function RefundModal({ donation, refundable, open, onClose }: Props) {
  const t = useT();
  const zodRule = useZodRule();
  const yuanRule = useYuanRule();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const send = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES, POSTING_REFUSAL_FIELDS);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      send((key) =>
        refundDonation(key, donation.id, {
          amount: yuanTextToFen(values.amount) ?? 0,
          refundedOn: toBusinessDate(values.on) ?? '',
          reason: values.reason?.trim() ?? '',
        }),
      ),
    onSuccess: async (saved) => {
      void message.success(
        t('funds.refund.done', { amount: formatYuan(saved.refundedAmount - donation.refundedAmount) ?? '' }),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
    onError: refuse,
  });

  const confirm = (values: Values) => {
    modal.confirm({
      title: t('funds.refund.confirmTitle', {
        amount: formatYuan(yuanTextToFen(values.amount) ?? 0) ?? '',
        name: donation.donorName,
      }),
      content: t('funds.refund.confirmText'),
      okText: t('funds.refund.submit'),
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
      title={t('funds.refund.title')}
      submitLabel={t('funds.refund.submit')}
      isSaving={mutation.isPending}
      isDangerous
      refusal={refusal}
      onClose={onClose}
      preface={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('funds.refund.limit', { amount: formatYuan(refundable) ?? '' })}
          description={t('funds.refund.limitHint')}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ amount: fenToYuanText(refundable), on: fromBusinessDate(beijingToday()) }}
        onFinish={confirm}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="amount"
              label={t('funds.field.amountYuan')}
              rules={[
                { required: true, message: t('funds.entry.amountRequired') },
                yuanRule({ positive: true }),
                {
                  validator: (_rule, value: string | undefined) => {
                    const fen = yuanTextToFen(value);
                    return fen !== null && fen > refundable
                      ? Promise.reject(new Error(t('funds.refund.tooMuch', { amount: formatYuan(refundable) ?? '' })))
                      : Promise.resolve();
                  },
                },
              ]}
            >
              <Input prefix="¥" inputMode="decimal" autoFocus autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="on"
              label={t('funds.refund.on')}
              rules={[{ required: true, message: t('funds.dateRequired') }]}
            >
              <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="reason"
          label={t('funds.refund.reason')}
          required
          rules={[zodRule(ZRefundRequest.shape.reason, { required: true })]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('funds.refund.reasonPlaceholder')}
          />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormModal>
  );
}
