import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFundAccount } from '@tongxin/contracts';
import { App, Checkbox, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { transferFunds } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { OrganizationSelect } from '../../../components/OrganizationSelect';
import { FormModal } from '../../../forms/FormModal';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useIdempotencyKey } from '../../../forms/useIdempotencyKey';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useSingleFlight } from '../../../forms/useSingleFlight';
import { useT } from '../../../i18n/useT';
import { beijingToday, fromBusinessDate, toBusinessDate } from '../../../lib/dates';
import { formatYuan, yuanTextToFen } from '../../../lib/money';
import { FUNDABLE, POSTING_REFUSAL_FIELDS } from '../shared/labels';
import { ProjectSelect } from '../shared/ProjectSelect';
import { fitsDesignation } from './designationFilter';
import { FundSummary } from './FundSummary';
import { MovementFields } from './MovementFields';

type Values = {
  toOrganizationId?: string | null;
  projectId?: string | null;
  amount?: string;
  on: Dayjs | null;
  isRelatedParty: boolean;
  note?: string;
};

const FIELDS = ['toOrganizationId', 'projectId', 'amount', 'on', 'isRelatedParty', 'note'];
const ALIASES = { transferredOn: 'on' };

type Props = { fund: TFundAccount; onClose: () => void };

/**
 * 划转: money of a fund goes to another organization's books with its designation, into its fund of the same
 * designation or straight into one of its projects. Mount anew (a new `key`) for each opening.
 */
export function TransferModal({ fund, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const send = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES, POSTING_REFUSAL_FIELDS);
  const receiver = Form.useWatch('toOrganizationId', form);
  const designation = fund.designation;
  const fits = useMemo(() => fitsDesignation(designation), [designation]);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      send((key) =>
        transferFunds(key, {
          fundAccountId: fund.id,
          toOrganizationId: values.toOrganizationId ?? '',
          projectId: values.projectId || null,
          amount: yuanTextToFen(values.amount) ?? 0,
          transferredOn: toBusinessDate(values.on) ?? '',
          isRelatedParty: values.isRelatedParty,
          note: values.note?.trim() || null,
        }),
      ),
    onSuccess: async (_posted, values) => {
      void message.success(t('funds.transfer.done', { amount: formatYuan(yuanTextToFen(values.amount)) ?? '' }));
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
    onError: refuse,
  });

  return (
    <FormModal
      form={form}
      open
      title={t('funds.transfer.title')}
      submitLabel={t('funds.transfer.submit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
      preface={<FundSummary fund={fund} />}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ on: fromBusinessDate(beijingToday()), isRelatedParty: false }}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
      >
        <Form.Item
          name="toOrganizationId"
          label={t('funds.transfer.receiver')}
          extra={t('funds.transfer.receiverHint')}
          rules={[{ required: true, message: t('funds.transfer.receiverRequired') }]}
        >
          <OrganizationSelect
            excludeIds={[fund.organizationId]}
            onChange={() => form.setFieldValue('projectId', null)}
          />
        </Form.Item>
        <Form.Item name="projectId" label={t('funds.transfer.project')} extra={t('funds.transfer.projectHint')}>
          <ProjectSelect
            organizationId={receiver}
            statuses={FUNDABLE}
            filter={fits}
            allowClear
            disabled={!receiver}
            placeholder={t('funds.transfer.projectPlaceholder')}
          />
        </Form.Item>
        <MovementFields balance={fund.balance} />
        <Form.Item name="isRelatedParty" valuePropName="checked" extra={t('funds.relatedPartyHint')}>
          <Checkbox>{t('funds.transfer.isRelatedParty')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('funds.field.noteOptional')} style={{ marginBottom: 0 }}>
          <Input maxLength={500} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormModal>
  );
}
