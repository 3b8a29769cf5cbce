import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFundAccount } from '@tongxin/contracts';
import { App, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { allocateToProject } from '../../../api/funds';
import { keys } from '../../../api/keys';
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

type Values = { projectId?: string | null; amount?: string; on: Dayjs | null; note?: string };

const FIELDS = ['projectId', 'amount', 'on', 'note'];
const ALIASES = { allocatedOn: 'on' };

type Props = { fund: TFundAccount; onClose: () => void };

/**
 * 拨付项目: money of a fund goes to a project of the same organization that its designation allows. A
 * refusal (too little in the fund, a project the donors did not give for, closed books) stands at the
 * field it is about, in the server's words. Mount anew (a new `key`) for each opening.
 */
export function AllocationModal({ fund, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const send = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES, POSTING_REFUSAL_FIELDS);
  const designation = fund.designation;
  const fits = useMemo(() => fitsDesignation(designation), [designation]);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      send((key) =>
        allocateToProject(key, {
          fundAccountId: fund.id,
          projectId: values.projectId ?? '',
          amount: yuanTextToFen(values.amount) ?? 0,
          allocatedOn: toBusinessDate(values.on) ?? '',
          note: values.note?.trim() || null,
        }),
      ),
    onSuccess: async (_posted, values) => {
      void message.success(t('funds.allocate.done', { amount: formatYuan(yuanTextToFen(values.amount)) ?? '' }));
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
    onError: refuse,
  });

  return (
    <FormModal
      form={form}
      open
      title={t('funds.allocate.title')}
      submitLabel={t('funds.allocate.submit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
      preface={<FundSummary fund={fund} />}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          projectId: designation?.kind === 'project' ? designation.projectId : undefined,
          on: fromBusinessDate(beijingToday()),
        }}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
      >
        <Form.Item
          name="projectId"
          label={t('funds.allocate.project')}
          extra={t('funds.allocate.projectHint')}
          rules={[{ required: true, message: t('funds.designation.projectRequired') }]}
        >
          <ProjectSelect organizationId={fund.organizationId} statuses={FUNDABLE} filter={fits} />
        </Form.Item>
        <MovementFields balance={fund.balance} />
        <Form.Item name="note" label={t('funds.field.noteOptional')} style={{ marginBottom: 0 }}>
          <Input maxLength={500} placeholder={t('funds.allocate.notePlaceholder')} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormModal>
  );
}
