import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZClosePeriodRequest } from '@tongxin/contracts';
import { Alert, App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { closePeriod } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { FormModal } from '../../../forms/FormModal';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useSingleFlight } from '../../../forms/useSingleFlight';
import { useZodRule } from '../../../forms/useZodRule';
import { useT } from '../../../i18n/useT';
import { beijingToday } from '../../../lib/dates';

type Values = { year: Dayjs | null; note?: string };

const FIELDS = ['year', 'note'];
const CODE_FIELDS = { FUNDS_PERIOD_ALREADY_CLOSED: 'year' };

type Props = { organizationId: string; organizationName: string; onClose: () => void };

/** The year before this one (Beijing): the one usually closed, once its annual report is out. */
const lastYear = () => Number(beijingToday().slice(0, 4)) - 1;

/**
 * 关闭账期: closes a year of an organization's books. Nothing dated in that year can be booked afterwards —
 * no gift, no allocation, no correction; corrections go into an open year. It cannot be undone, so the
 * dialog says so and asks once more. Mount anew for each opening.
 */
export function ClosePeriodModal({ organizationId, organizationName, onClose }: Props) {
  const t = useT();
  const zodRule = useZodRule();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, undefined, CODE_FIELDS);
  const year = Form.useWatch('year', form) as Dayjs | null | undefined;
  const shownYear = year?.year() ?? lastYear();

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      closePeriod({ organizationId, year: values.year?.year() ?? lastYear(), note: values.note?.trim() || null }),
    onSuccess: async (closed) => {
      void message.success(t('funds.period.done', { name: organizationName, year: closed.year }));
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
    onError: refuse,
  });

  const confirm = (values: Values) => {
    const chosen = values.year?.year() ?? lastYear();
    modal.confirm({
      title: t('funds.period.confirmTitle', { year: chosen }),
      content: t('funds.period.confirmText', { name: organizationName, year: chosen }),
      okText: t('funds.period.submit'),
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
      title={t('funds.period.title', { name: organizationName })}
      submitLabel={t('funds.period.submit')}
      isSaving={mutation.isPending}
      isDangerous
      refusal={refusal}
      onClose={onClose}
      preface={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('funds.period.warning', { year: shownYear })}
          description={t('funds.period.warningHint')}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ year: dayjs(`${lastYear()}-01-01`) }}
        onFinish={confirm}
      >
        <Form.Item
          name="year"
          label={t('funds.period.year')}
          rules={[{ required: true, message: t('funds.period.yearRequired') }]}
        >
          <DatePicker
            picker="year"
            allowClear={false}
            style={{ width: 160 }}
            disabledDate={(day) => day.year() > Number(beijingToday().slice(0, 4))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('funds.field.noteOptional')}
          rules={[zodRule(ZClosePeriodRequest.shape.note)]}
          style={{ marginBottom: 0 }}
        >
          <Input maxLength={500} placeholder={t('funds.period.notePlaceholder')} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormModal>
  );
}
