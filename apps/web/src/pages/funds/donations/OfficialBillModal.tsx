import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZOfficialBillNumberRequest, type TReceipt } from '@tongxin/contracts';
import { App, Form, Input } from 'antd';
import { setOfficialBillNumber } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { FormModal } from '../../../forms/FormModal';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useSingleFlight } from '../../../forms/useSingleFlight';
import { useZodRule } from '../../../forms/useZodRule';
import { useT } from '../../../i18n/useT';

type Values = { officialBillNumber?: string };

const FIELDS = ['officialBillNumber'];

type Props = { receipt: TReceipt; onClose: () => void };

/**
 * 填写票据号: the number of the official 公益事业捐赠票据 issued on paper for the gift, written onto its receipt;
 * left blank it is taken off again. Mount anew for each opening.
 */
export function OfficialBillModal({ receipt, onClose }: Props) {
  const t = useT();
  const zodRule = useZodRule();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);

  const mutation = useMutation({
    mutationFn: (values: Values) => setOfficialBillNumber(receipt.id, values.officialBillNumber?.trim() || null),
    onSuccess: async (saved) => {
      void message.success(
        saved.officialBillNumber
          ? t('funds.receipt.billSaved', { number: saved.officialBillNumber })
          : t('funds.receipt.billCleared'),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.receipts(receipt.donationId) });
    },
    onError: refuse,
  });

  return (
    <FormModal
      form={form}
      open
      title={t('funds.receipt.billTitle', { number: receipt.number })}
      submitLabel={t('common.save')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ officialBillNumber: receipt.officialBillNumber ?? '' }}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
      >
        <Form.Item
          name="officialBillNumber"
          label={t('funds.receipt.billNumber')}
          extra={t('funds.receipt.billHint')}
          rules={[zodRule(ZOfficialBillNumberRequest.shape.officialBillNumber)]}
          style={{ marginBottom: 0 }}
        >
          <Input autoFocus maxLength={40} autoComplete="off" placeholder={t('funds.receipt.billPlaceholder')} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormModal>
  );
}
