import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPaymentBatch, TPaymentItem } from '@tongxin/contracts';
import { Alert, App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { settlePayments } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { FormModal } from '../../../forms/FormModal';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useIdempotencyKey } from '../../../forms/useIdempotencyKey';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useSingleFlight } from '../../../forms/useSingleFlight';
import { useT } from '../../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../../lib/dates';
import { formatYuan } from '../../../lib/money';

export type Settlement = { batch: TPaymentBatch; items: TPaymentItem[]; outcome: 'paid' | 'failed' };

type Values = { on: Dayjs | null; note?: string };

const FIELDS = ['on', 'note'];
const ALIASES = { settledOn: 'on' };
const CODE_FIELDS = { FUNDS_PERIOD_CLOSED: 'on' };

type Props = { settlement: Settlement; onClose: () => void; onDone: () => void };

/**
 * 标记已支付 / 标记支付失败: records the outcome of payments, on the day it happened. Neither can be taken
 * back (a failed payment's money returns to the project), so the dialog names who and how much first.
 */
export function SettleModal({ settlement, onClose, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const send = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES, CODE_FIELDS);
  const { batch, items, outcome } = settlement;
  const paid = outcome === 'paid';
  const total = items.reduce((sum, item) => sum + item.amount, 0);
  const names = items.map((item) => item.payeeName);
  const who =
    names.length > 3
      ? t('funds.settle.many', { names: names.slice(0, 3).join('、'), count: names.length })
      : names.join('、');

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      send((key) =>
        settlePayments(key, batch.id, {
          itemIds: items.map((item) => item.id),
          outcome,
          settledOn: toBusinessDate(values.on) ?? '',
          note: values.note?.trim() || null,
        }),
      ),
    onSuccess: async () => {
      void message.success(
        t(paid ? 'funds.settle.donePaid' : 'funds.settle.doneFailed', {
          count: items.length,
          amount: formatYuan(total) ?? '',
        }),
      );
      onDone();
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
    onError: refuse,
  });

  return (
    <FormModal
      form={form}
      open
      title={t(paid ? 'funds.settle.paidTitle' : 'funds.settle.failedTitle')}
      submitLabel={t(paid ? 'funds.settle.paidSubmit' : 'funds.settle.failedSubmit')}
      isSaving={mutation.isPending}
      isDangerous={!paid}
      refusal={refusal}
      onClose={onClose}
      preface={
        <Alert
          type={paid ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(paid ? 'funds.settle.paidWhat' : 'funds.settle.failedWhat', {
            who,
            count: items.length,
            amount: formatYuan(total) ?? '',
          })}
          description={t(paid ? 'funds.settle.paidHint' : 'funds.settle.failedHint')}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ on: fromBusinessDate(beijingToday()) }}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
      >
        <Form.Item
          name="on"
          label={t(paid ? 'funds.settle.paidOn' : 'funds.settle.failedOn')}
          rules={[{ required: true, message: t('funds.dateRequired') }]}
        >
          <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t('funds.field.noteOptional')} style={{ marginBottom: 0 }}>
          <Input
            maxLength={200}
            placeholder={t(paid ? 'funds.settle.paidNotePlaceholder' : 'funds.settle.failedNotePlaceholder')}
          />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormModal>
  );
}
