import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DONOR_KIND, SALUTATION, ZCreateDonorRequest, type TDonor, type TDonorKind } from '@tongxin/contracts';
import { App, Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import { createDonor } from '../../../api/funds';
import { keys } from '../../../api/keys';
import { OrganizationSelect } from '../../../components/OrganizationSelect';
import { FormDrawer } from '../../../forms/FormDrawer';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useSingleFlight } from '../../../forms/useSingleFlight';
import { useZodRule } from '../../../forms/useZodRule';
import { useLabelOptions } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { useSessionUser } from '../../../session/SessionUserContext';
import { PHONE_PATTERN } from '../shared/labels';

type Values = {
  organizationId: string;
  kind: TDonorKind;
  name?: string;
  salutation?: 'mr' | 'ms' | null;
  phone?: string;
  address?: string;
  creditCode?: string;
  isRelatedParty: boolean;
  note?: string;
};

const FIELDS = [
  'organizationId',
  'kind',
  'name',
  'salutation',
  'phone',
  'address',
  'creditCode',
  'isRelatedParty',
  'note',
];

type Props = { open: boolean; onClose: () => void; onSaved: (donor: TDonor) => void };

/**
 * Registers a donor: a person, an enterprise or an organization. Phone and address are kept encrypted and
 * shown masked. (Persons giving at a drive are registered right in 捐赠登记.) Mount anew for each opening.
 */
export function DonorFormDrawer({ open, onClose, onSaved }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const user = useSessionUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const kind = Form.useWatch('kind', form);
  const shape = ZCreateDonorRequest.shape;

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      createDonor({
        organizationId: values.organizationId,
        kind: values.kind,
        name: values.name?.trim() ?? '',
        salutation: values.kind === 'person' ? (values.salutation ?? null) : null,
        phone: values.phone?.trim() || null,
        address: values.address?.trim() || null,
        creditCode: values.kind === 'person' ? null : values.creditCode?.trim() || null,
        isRelatedParty: values.isRelatedParty,
        note: values.note?.trim() || null,
      }),
    onSuccess: async (saved) => {
      void message.success(t('funds.donor.created', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: keys.donors });
      onSaved(saved);
    },
    onError: refuse,
  });

  return (
    <FormDrawer
      form={form}
      open={open}
      title={t('funds.donor.createTitle')}
      size={560}
      submitLabel={t('funds.donor.createSubmit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ organizationId: user.organizationId, kind: 'enterprise', isRelatedParty: false }}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
        scrollToFirstError={{ block: 'center' }}
      >
        <Form.Item name="organizationId" label={t('funds.field.organization')} rules={[{ required: true }]}>
          <OrganizationSelect valueLabel={user.organizationName} />
        </Form.Item>
        <Form.Item name="kind" label={t('funds.donor.kind')}>
          <Radio.Group optionType="button" options={options(DONOR_KIND.labels, DONOR_KIND.values)} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={kind === 'person' ? 14 : 24}>
            <Form.Item
              name="name"
              label={t('funds.donor.name')}
              required
              rules={[zodRule(shape.name, { required: true })]}
            >
              <Input autoFocus maxLength={100} />
            </Form.Item>
          </Col>
          {kind === 'person' && (
            <Col xs={24} sm={10}>
              <Form.Item name="salutation" label={t('funds.donor.salutation')}>
                <Radio.Group optionType="button" options={options(SALUTATION.labels, SALUTATION.values)} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {kind !== 'person' && (
          <Form.Item name="creditCode" label={t('funds.donor.creditCode')} rules={[zodRule(shape.creditCode)]}>
            <Input maxLength={18} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label={t('funds.donor.phoneOptional')}
          extra={t('funds.donor.privacyHint')}
          rules={[{ pattern: PHONE_PATTERN, message: t('funds.donor.phoneFormat') }]}
        >
          <Input inputMode="tel" maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={t('funds.donor.addressOptional')} rules={[zodRule(shape.address)]}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="isRelatedParty" valuePropName="checked" extra={t('funds.relatedPartyHint')}>
          <Checkbox>{t('funds.donor.isRelatedParty')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('funds.field.noteOptional')} rules={[zodRule(shape.note)]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
