import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REMAINDER_MODE, ZRemainderRequest, type TProject } from '@tongxin/contracts';
import { Alert, App, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { handleRemainder } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { FormModal } from '../../../forms/FormModal';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useIdempotencyKey } from '../../../forms/useIdempotencyKey';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useSingleFlight } from '../../../forms/useSingleFlight';
import { useZodRule } from '../../../forms/useZodRule';
import { useLabel, useLabelOptions } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../../lib/dates';
import { formatYuan } from '../../../lib/money';
import {
  DESIGNATION_ALIASES,
  DESIGNATION_FIELDS,
  DesignationFields,
  designationOf,
  type DesignationValues,
} from '../entry/DesignationFields';

type Mode = (typeof REMAINDER_MODE.values)[number];
type Values = { mode: Mode; designation: DesignationValues; consent?: string; on: Dayjs | null };

const FIELDS = ['mode', ...DESIGNATION_FIELDS, 'consent', 'on'];
const ALIASES = { ...DESIGNATION_ALIASES, handledOn: 'on' };
const CODE_FIELDS = { FUNDS_PERIOD_CLOSED: 'on' };

type Props = { project: TProject; held: number; onClose: () => void };

/**
 * 结余处理: the money left in a closed or terminated project goes back to the funds it came from, share by
 * share — or, when the donors agreed, to a new designation, with how they agreed written down. It is kept
 * for disclosure and cannot be undone, so the dialog asks once more. Mount anew for each opening.
 */
export function RemainderModal({ project, held, onClose }: Props) {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const send = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES, CODE_FIELDS);
  const mode = (Form.useWatch('mode', form) as Mode | undefined) ?? 'return';
  const amount = formatYuan(held) ?? '';

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      send((key) =>
        handleRemainder(key, project.id, {
          mode: values.mode,
          designation: values.mode === 'redesignate' ? designationOf(values.designation) : null,
          consent: values.mode === 'redesignate' ? values.consent?.trim() || null : null,
          handledOn: toBusinessDate(values.on) ?? '',
        }),
      ),
    onSuccess: async (saved) => {
      void message.success(
        t('funds.remainder.done', {
          amount: formatYuan(saved.amount) ?? '',
          mode: label(REMAINDER_MODE.labels, saved.mode),
        }),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
    onError: refuse,
  });

  const confirm = (values: Values) => {
    modal.confirm({
      title: t('funds.remainder.confirmTitle'),
      content:
        values.mode === 'return'
          ? t('funds.remainder.confirmReturn', { amount })
          : t('funds.remainder.confirmRedesignate', { amount }),
      okText: t('funds.remainder.submit'),
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
      open
      width={640}
      title={t('funds.remainder.title', { name: project.name })}
      submitLabel={t('funds.remainder.submit')}
      isSaving={mutation.isPending}
      isDangerous
      refusal={refusal}
      onClose={onClose}
      preface={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('funds.remainder.held', { amount })}
          description={t('funds.remainder.heldHint')}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ mode: 'return', designation: { kind: 'unrestricted' }, on: fromBusinessDate(beijingToday()) }}
        onFinish={confirm}
      >
        <Form.Item name="mode" label={t('funds.remainder.mode')}>
          <Radio.Group options={options(REMAINDER_MODE.labels, REMAINDER_MODE.values)} />
        </Form.Item>
        {mode === 'redesignate' && (
          <div className="tx-form-section" style={{ marginBottom: 16 }}>
            <DesignationFields organizationId={project.ownerOrganizationId} />
            <Form.Item
              name="consent"
              label={t('funds.remainder.consent')}
              required
              extra={t('funds.remainder.consentHint')}
              rules={[zodRule(ZRemainderRequest.shape.consent.unwrap().unwrap(), { required: true })]}
              style={{ marginBottom: 0 }}
            >
              <Input.TextArea
                maxLength={500}
                autoSize={{ minRows: 2, maxRows: 5 }}
                placeholder={t('funds.remainder.consentPlaceholder')}
              />
            </Form.Item>
          </div>
        )}
        <Form.Item
          name="on"
          label={t('funds.remainder.on')}
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
