import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DONOR_DISPLAY, PLEDGE_KIND, ZCreatePledgeRequest, type TDonorDisplay, type TPledge } from '@tongxin/contracts';
import { App, Button, Col, DatePicker, Form, Input, Radio, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { createPledge } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { OrganizationSelect } from '../../../components/OrganizationSelect';
import { FormDrawer } from '../../../forms/FormDrawer';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { RemoveRowButton } from '../../../forms/RemoveRowButton';
import { useIdempotencyKey } from '../../../forms/useIdempotencyKey';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useSingleFlight } from '../../../forms/useSingleFlight';
import { useZodRule } from '../../../forms/useZodRule';
import { useLabelOptions } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../../lib/dates';
import { formatYuan, useYuanRule, yuanTextToFen } from '../../../lib/money';
import { useSessionUser } from '../../../session/SessionUserContext';
import {
  DESIGNATION_ALIASES,
  DESIGNATION_FIELDS,
  DesignationFields,
  designationOf,
  type DesignationValues,
} from '../entry/DesignationFields';
import { DonorPicker, type DonorChoice } from '../shared/DonorPicker';
import type { PledgeKind } from '../shared/labels';
import { Money } from '../shared/Money';

type InstalmentRow = { dueOn?: Dayjs | null; amount?: string };

type Values = {
  donor?: DonorChoice | null;
  kind: PledgeKind;
  title?: string;
  designation: DesignationValues;
  displayAs: TDonorDisplay;
  pledgedOn: Dayjs | null;
  instalments: InstalmentRow[];
  note?: string;
};

const FIELDS = [
  'donor',
  'kind',
  'title',
  ...DESIGNATION_FIELDS,
  'displayAs',
  'pledgedOn',
  'instalments',
  'instalments.*.dueOn',
  'instalments.*.amount',
  'note',
];
const ALIASES = { ...DESIGNATION_ALIASES, donorId: 'donor', organizationId: 'donor' };

type Props = { open: boolean; onClose: () => void; onSaved: (pledge: TPledge) => void };

/**
 * 新建认捐: a donor's promise to give (认捐) or to build (认建), with its designation and a schedule of
 * instalments, each a due date and an amount; the total adds itself up. Gifts booked against it later fulfil
 * the instalments in the order they fall due. Mount anew (a new `key`) for each opening.
 */
export function PledgeDrawer({ open, onClose, onSaved }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const yuanRule = useYuanRule();
  const user = useSessionUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const send = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES);
  const [organizationId, setOrganizationId] = useState(user.organizationId);
  const rows = (Form.useWatch('instalments', form) as InstalmentRow[] | undefined) ?? [];
  const total = rows.reduce((sum, row) => sum + (yuanTextToFen(row.amount ?? null) ?? 0), 0);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      send((key) =>
        createPledge(key, {
          organizationId,
          donorId: values.donor?.kind === 'existing' ? values.donor.donor.id : '',
          kind: values.kind,
          title: values.title?.trim() ?? '',
          designation: designationOf(values.designation),
          displayAs: values.displayAs,
          pledgedOn: toBusinessDate(values.pledgedOn) ?? '',
          instalments: values.instalments.map((row) => ({
            dueOn: toBusinessDate(row.dueOn) ?? '',
            amount: yuanTextToFen(row.amount ?? null) ?? 0,
          })),
          note: values.note?.trim() || null,
        }),
      ),
    onSuccess: async (saved) => {
      void message.success(t('funds.pledge.created', { title: saved.title, amount: formatYuan(saved.total) ?? '' }));
      onSaved(saved);
      await queryClient.invalidateQueries({ queryKey: keys.pledges });
    },
    onError: refuse,
  });

  return (
    <FormDrawer
      form={form}
      open={open}
      title={t('funds.pledge.newTitle')}
      size={680}
      submitLabel={t('funds.pledge.submit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'give',
          designation: { kind: 'unrestricted' },
          displayAs: 'full_name',
          pledgedOn: fromBusinessDate(beijingToday()),
          instalments: [{}],
        }}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
        scrollToFirstError={{ block: 'center' }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('funds.entry.organization')}>
              <OrganizationSelect
                value={organizationId}
                valueLabel={organizationId === user.organizationId ? user.organizationName : null}
                onChange={(id) => {
                  if (!id || id === organizationId) return;
                  setOrganizationId(id);
                  form.resetFields(['donor', 'designation']);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="donor"
              label={t('funds.field.donor')}
              rules={[{ required: true, message: t('funds.pledge.donorRequired') }]}
              extra={t('funds.pledge.donorHint')}
            >
              <DonorPicker allowNew={false} organizationId={organizationId} autoFocus />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="kind" label={t('funds.pledge.kind')}>
              <Radio.Group optionType="button" options={options(PLEDGE_KIND.labels, PLEDGE_KIND.values)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="title"
              label={t('funds.pledge.title')}
              required
              rules={[zodRule(ZCreatePledgeRequest.shape.title, { required: true })]}
            >
              <Input maxLength={100} placeholder={t('funds.pledge.titlePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <DesignationFields organizationId={organizationId} />
        <Row gutter={12}>
          <Col xs={24} sm={15}>
            <Form.Item name="displayAs" label={t('funds.field.displayAs')}>
              <Radio.Group optionType="button" options={options(DONOR_DISPLAY.labels, DONOR_DISPLAY.values)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={9}>
            <Form.Item
              name="pledgedOn"
              label={t('funds.pledge.pledgedOn')}
              rules={[{ required: true, message: t('funds.dateRequired') }]}
            >
              <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List
          name="instalments"
          rules={[
            {
              validator: (_rule, value: unknown[] | undefined) =>
                value && value.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('funds.pledge.instalmentsRequired'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div className="tx-form-section" style={{ paddingBottom: 12 }}>
              <div className="tx-form-heading">{t('funds.pledge.schedule')}</div>
              {fields.map((field, index) => (
                <div key={field.key} className="tx-form-row" data-testid="instalment-row">
                  <Typography.Text
                    type="secondary"
                    style={{ width: 48, flex: 'none', paddingTop: index === 0 ? 34 : 5, whiteSpace: 'nowrap' }}
                  >
                    {t('funds.pledge.instalmentNo', { n: index + 1 })}
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'dueOn']}
                    label={index === 0 ? t('funds.pledge.dueOn') : undefined}
                    style={{ width: 170, flex: 'none' }}
                    rules={[{ required: true, message: t('funds.dateRequired') }]}
                  >
                    <DatePicker aria-label={t('funds.pledge.dueOn')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    label={index === 0 ? t('funds.field.amountYuan') : undefined}
                    style={{ flex: 1, minWidth: 0 }}
                    rules={[{ required: true, message: t('funds.entry.amountRequired') }, yuanRule({ positive: true })]}
                  >
                    <Input aria-label={t('funds.field.amountYuan')} prefix="¥" inputMode="decimal" autoComplete="off" />
                  </Form.Item>
                  <div style={{ paddingTop: index === 0 ? 30 : 0 }}>
                    <RemoveRowButton onClick={() => remove(field.name)} />
                  </div>
                </div>
              ))}
              <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('funds.pledge.addInstalment')}
                </Button>
                <span data-testid="pledge-total">
                  <Typography.Text type="secondary">
                    {t('funds.pledge.totalOf', { count: fields.length })}
                  </Typography.Text>
                  <Money fen={total} strong style={{ fontSize: 16, marginInlineStart: 8 }} />
                </span>
              </div>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
        <Form.Item name="note" label={t('funds.field.noteOptional')} style={{ marginTop: 16, marginBottom: 0 }}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
