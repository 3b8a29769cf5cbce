import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ORGANIZATION_LEVEL_LABELS,
  ORGANIZATION_LEVELS,
  ORGANIZATION_STATUS_LABELS,
  ORGANIZATION_STATUSES,
  ORGANIZATION_TYPE_LABELS,
  ORGANIZATION_TYPES,
  ZCreateOrganizationRequest,
  ZCreditCode,
  ZUpdateOrganizationRequest,
  type TCreateOrganizationRequest,
  type TOrganization,
  type TOrganizationLevel,
  type TOrganizationStatus,
  type TOrganizationType,
  type TUpdateOrganizationRequest,
} from '@tongxin/contracts';
import { Alert, App, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { keys } from '../../api/keys';
import { createOrganization, updateOrganization } from '../../api/organizations';
import { RegionCascader } from '../../components/RegionCascader';
import { FormDrawer } from '../../forms/FormDrawer';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useZodRule } from '../../forms/useZodRule';
import { useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';

type Values = {
  name: string;
  shortName?: string;
  type: TOrganizationType;
  level: TOrganizationLevel;
  status: TOrganizationStatus;
  regionCode?: string | null;
  creditCode?: string;
  establishedOn?: Dayjs | null;
  address?: string;
  phone?: string;
  description?: string;
  effectiveOn?: Dayjs | null;
  changeNote?: string;
};

const FIELDS = [
  'name',
  'shortName',
  'type',
  'level',
  'status',
  'regionCode',
  'creditCode',
  'establishedOn',
  'address',
  'phone',
  'description',
  'effectiveOn',
  'changeNote',
];

/** Fields whose change is dated and kept in the history (the server's versioned fields). */
const VERSIONED: readonly (keyof TUpdateOrganizationRequest)[] = [
  'name',
  'shortName',
  'type',
  'level',
  'status',
  'regionCode',
  'creditCode',
];

const LEVEL_BELOW: Readonly<Record<TOrganizationLevel, TOrganizationLevel>> = {
  national: 'provincial',
  provincial: 'prefecture',
  prefecture: 'county',
  county: 'county',
};

export type OrganizationFormTarget =
  { mode: 'create'; parent: TOrganization | null } | { mode: 'edit'; organization: TOrganization };

type Props = {
  target: OrganizationFormTarget | null;
  onClose: () => void;
  onSaved: (organization: TOrganization) => void;
};

const text = (value: string | undefined | null) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function valuesOf(organization: TOrganization): Values {
  return {
    name: organization.name,
    shortName: organization.shortName ?? undefined,
    type: organization.type,
    level: organization.level,
    status: organization.status,
    regionCode: organization.regionCode,
    creditCode: organization.creditCode ?? undefined,
    establishedOn: organization.establishedOn ? dayjs(organization.establishedOn) : null,
    address: organization.address ?? undefined,
    phone: organization.phone ?? undefined,
    description: organization.description ?? undefined,
    effectiveOn: fromBusinessDate(beijingToday()),
  };
}

function fieldsOf(values: Values) {
  return {
    name: values.name.trim(),
    shortName: text(values.shortName),
    type: values.type,
    level: values.level,
    status: values.status,
    regionCode: values.regionCode ?? null,
    creditCode: text(values.creditCode)?.toUpperCase() ?? null,
    establishedOn: toBusinessDate(values.establishedOn) ?? null,
    address: text(values.address),
    phone: text(values.phone),
    description: text(values.description),
  };
}

/** What the form starts with: the organization to edit, or sensible choices under the parent. */
function initialValuesOf(target: OrganizationFormTarget | null): Partial<Values> {
  if (!target) return {};
  if (target.mode === 'edit') return valuesOf(target.organization);
  return {
    type: 'association',
    level: target.parent ? LEVEL_BELOW[target.parent.level] : 'provincial',
    status: 'active',
    effectiveOn: fromBusinessDate(beijingToday()),
  };
}

/** Only what changed, with the effective date and note when the change goes into the history. */
function patchOf(organization: TOrganization, values: Values): TUpdateOrganizationRequest {
  const next = fieldsOf(values);
  const patch: TUpdateOrganizationRequest = {};
  for (const [field, value] of Object.entries(next) as [keyof typeof next, string | null][]) {
    if ((organization[field] ?? null) !== value) Object.assign(patch, { [field]: value });
  }
  if (VERSIONED.some((field) => field in patch)) {
    patch.effectiveOn = toBusinessDate(values.effectiveOn);
    patch.changeNote = text(values.changeNote);
  }
  return patch;
}

/**
 * Registers an organization under a parent, or edits one; the server's field problems show at the fields.
 * Mount it anew (a new `key`) for each opening, so that it starts clean.
 */
export function OrganizationFormDrawer({ target, onClose, onSaved }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const open = target !== null;
  const editing = target?.mode === 'edit' ? target.organization : null;
  const parent = target?.mode === 'create' ? target.parent : null;
  const regionRoot = editing ? null : parent && parent.level !== 'national' ? parent.regionCode : null;

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<TOrganization | null> => {
      if (editing) {
        const patch = patchOf(editing, values);
        if (Object.keys(patch).length === 0) return null;
        return updateOrganization(editing.id, patch);
      }
      const body: TCreateOrganizationRequest = {
        ...fieldsOf(values),
        parentId: parent?.id ?? null,
        effectiveOn: toBusinessDate(values.effectiveOn),
      };
      return createOrganization(body);
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info(t('org.edit.noChange'));
        onClose();
        return;
      }
      void message.success(
        editing ? t('org.edit.success', { name: saved.name }) : t('org.create.success', { name: saved.name }),
      );
      await queryClient.invalidateQueries({ queryKey: keys.organizations });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
      onSaved(saved);
    },
    onError: refuse,
  });

  const shape = ZCreateOrganizationRequest.shape;
  const updateShape = ZUpdateOrganizationRequest.shape;
  const title = editing
    ? t('org.edit.title', { name: editing.name })
    : parent
      ? t('org.create.title')
      : t('org.create.rootTitle');

  return (
    <FormDrawer
      form={form}
      open={open}
      title={title}
      size={640}
      submitLabel={editing ? t('common.save') : t('org.create.submit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      preface={
        parent && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('org.create.parentLine', { parent: parent.name })}
          />
        )
      }
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        initialValues={initialValuesOf(target)}
        layout="vertical"
        onFinish={(values) => {
          clearRefusal();
          mutation.mutate(values);
        }}
        scrollToFirstError={{ block: 'center' }}
      >
        <Form.Item
          name="name"
          label={t('org.field.name')}
          required
          rules={[zodRule(shape.name, { required: true })]}
          validateFirst
        >
          <Input placeholder={t('org.placeholder.name')} autoFocus maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="shortName" label={t('org.field.shortName')} rules={[zodRule(shape.shortName)]}>
              <Input placeholder={t('org.placeholder.shortName')} maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={t('org.field.creditCode')}
              rules={[zodRule(ZCreditCode)]}
              normalize={(value: string | undefined) => value?.toUpperCase().replace(/\s/g, '')}
              validateDebounce={300}
            >
              <Input
                placeholder={t('org.placeholder.creditCode')}
                maxLength={18}
                style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={t('org.field.type')} rules={[{ required: true }]}>
              <Select options={options(ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="level" label={t('org.field.level')} rules={[{ required: true }]}>
              <Select options={options(ORGANIZATION_LEVEL_LABELS, ORGANIZATION_LEVELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t('org.field.status')} rules={[{ required: true }]}>
              <Select options={options(ORGANIZATION_STATUS_LABELS, ORGANIZATION_STATUSES)} disabled={!editing} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="regionCode"
          label={t('org.field.region')}
          extra={parent ? t('org.hint.region') : undefined}
          rules={[zodRule(shape.regionCode)]}
        >
          <RegionCascader rootCode={regionRoot} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="establishedOn" label={t('org.field.establishedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('org.field.phone')} rules={[zodRule(shape.phone)]}>
              <Input placeholder={t('org.placeholder.phone')} maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('org.field.address')} rules={[zodRule(shape.address)]}>
          <Input placeholder={t('org.placeholder.address')} maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('org.field.description')} rules={[zodRule(shape.description)]}>
          <Input.TextArea placeholder={t('org.placeholder.description')} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <div className="tx-form-section">
          {editing && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('org.edit.versionedHint')}
            </Typography.Paragraph>
          )}
          <Row gutter={16}>
            <Col xs={24} md={editing ? 10 : 12}>
              <Form.Item name="effectiveOn" label={t('org.field.effectiveOn')} extra={t('org.hint.effectiveOn')}>
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={isAfterToday}
                  placeholder={t('org.placeholder.effectiveOn')}
                />
              </Form.Item>
            </Col>
            {editing && (
              <Col xs={24} md={14}>
                <Form.Item
                  name="changeNote"
                  label={t('org.field.changeNote')}
                  rules={[zodRule(updateShape.changeNote)]}
                >
                  <Input placeholder={t('org.placeholder.changeNote')} maxLength={500} />
                </Form.Item>
              </Col>
            )}
          </Row>
        </div>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
