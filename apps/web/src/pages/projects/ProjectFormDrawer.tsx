import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ASSISTANCE_MODE,
  BENEFICIARY_GROUP,
  INFRASTRUCTURE_KIND,
  PARTNER_ROLE,
  PROJECT_CATEGORY,
  ZCreateProjectRequest,
  type TAssistanceMode,
  type TBeneficiaryGroup,
  type TCreateProjectRequest,
  type TInfrastructureKind,
  type TPartnerRole,
  type TProject,
  type TProjectCategory,
  type TUpdateProjectRequest,
} from '@tongxin/contracts';
import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { keys } from '../../api/keys';
import { createProject, updateProject } from '../../api/projects';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { RegionMultiCascader } from '../../components/RegionMultiCascader';
import { FormDrawer } from '../../forms/FormDrawer';
import { HiddenSubmit } from '../../forms/HiddenSubmit';
import { RemoveRowButton } from '../../forms/RemoveRowButton';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useSingleFlight } from '../../forms/useSingleFlight';
import { useZodRule } from '../../forms/useZodRule';
import { useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh-CN';
import { fromBusinessDate, toBusinessDate } from '../../lib/dates';
import { fenToYuanText, useYuanRule, yuanTextToFen } from '../../lib/money';
import { useSessionUser } from '../../session/SessionUserContext';
import { useOwnRegion } from '../registry/shared/useOwnRegion';
import { VillageMultiSelect } from '../registry/shared/VillageSelect';

type BeneficiaryRow = { group?: TBeneficiaryGroup; count?: number | null; note?: string | null };
type PartnerRow = { organizationId?: string | null; role?: TPartnerRole };

type Values = {
  ownerOrganizationId?: string | null;
  name?: string;
  category?: TProjectCategory;
  infrastructureKind?: TInfrastructureKind | null;
  assistanceMode: TAssistanceMode;
  governmentObligated: boolean;
  targetRegionCodes: string[];
  targetVillageIds: string[];
  beneficiaryCounts: BeneficiaryRow[];
  partners: PartnerRow[];
  budget?: string;
  planned?: [Dayjs | null, Dayjs | null] | null;
  description?: string;
};

const FIELDS = [
  'ownerOrganizationId',
  'name',
  'category',
  'infrastructureKind',
  'assistanceMode',
  'governmentObligated',
  'targetRegionCodes',
  'targetVillageIds',
  'beneficiaryCounts',
  'beneficiaryCounts.*.group',
  'beneficiaryCounts.*.count',
  'beneficiaryCounts.*.note',
  'partners',
  'partners.*.organizationId',
  'partners.*.role',
  'budget',
  'description',
];
/** The planned dates are one range in the form. */
const ALIASES = { plannedStart: 'planned', plannedEnd: 'planned' };

export type ProjectFormTarget = { mode: 'create' } | { mode: 'edit'; project: TProject };

type Props = { target: ProjectFormTarget | null; onClose: () => void; onSaved: (project: TProject) => void };

function initialValuesOf(target: ProjectFormTarget | null, organizationId: string): Partial<Values> {
  if (!target) return {};
  if (target.mode === 'create') {
    return {
      ownerOrganizationId: organizationId,
      assistanceMode: 'capacity',
      governmentObligated: false,
      targetRegionCodes: [],
      targetVillageIds: [],
      beneficiaryCounts: [],
      partners: [],
    };
  }
  const p = target.project;
  return {
    name: p.name,
    category: p.category,
    infrastructureKind: p.infrastructureKind,
    assistanceMode: p.assistanceMode,
    governmentObligated: p.governmentObligated,
    targetRegionCodes: p.targetRegionCodes,
    targetVillageIds: p.targetVillageIds,
    beneficiaryCounts: p.beneficiaryCounts,
    partners: p.partners.map(({ organizationId, role }) => ({ organizationId, role })),
    budget: fenToYuanText(p.budget),
    planned: [fromBusinessDate(p.plannedStart), fromBusinessDate(p.plannedEnd)],
    description: p.description ?? undefined,
  };
}

/** The project's fields as the API takes them, common to registering and editing. */
function fieldsOf(values: Values) {
  const category = values.category ?? 'industry';
  return {
    name: values.name?.trim() ?? '',
    category,
    infrastructureKind: category === 'infrastructure' ? (values.infrastructureKind ?? null) : null,
    assistanceMode: values.assistanceMode,
    governmentObligated: values.governmentObligated,
    targetRegionCodes: values.targetRegionCodes,
    targetVillageIds: values.targetVillageIds,
    beneficiaryCounts: values.beneficiaryCounts.map((row) => ({
      group: row.group ?? 'persons',
      count: row.count ?? 0,
      note: row.note?.trim() || null,
    })),
    partners: values.partners.map((row) => ({ organizationId: row.organizationId ?? '', role: row.role ?? 'other' })),
    budget: yuanTextToFen(values.budget) ?? 0,
    plannedStart: toBusinessDate(values.planned?.[0]) ?? '',
    plannedEnd: toBusinessDate(values.planned?.[1]) ?? '',
    description: values.description?.trim() || null,
  };
}

/** Only what changed: lists compare by their contents. */
function patchOf(project: TProject, values: Values): TUpdateProjectRequest {
  const next = fieldsOf(values);
  const current: ReturnType<typeof fieldsOf> = {
    name: project.name,
    category: project.category,
    infrastructureKind: project.infrastructureKind,
    assistanceMode: project.assistanceMode,
    governmentObligated: project.governmentObligated,
    targetRegionCodes: project.targetRegionCodes,
    targetVillageIds: project.targetVillageIds,
    beneficiaryCounts: project.beneficiaryCounts.map(({ group, count, note }) => ({
      group,
      count,
      note: note ?? null,
    })),
    partners: project.partners.map(({ organizationId, role }) => ({ organizationId, role })),
    budget: project.budget,
    plannedStart: project.plannedStart,
    plannedEnd: project.plannedEnd,
    description: project.description,
  };
  const patch: TUpdateProjectRequest = {};
  for (const [field, value] of Object.entries(next) as [keyof typeof next, unknown][]) {
    if (JSON.stringify(value) !== JSON.stringify(current[field])) Object.assign(patch, { [field]: value });
  }
  return patch;
}

/** A partner's organization: the name of one already chosen is known before any search runs. */
function PartnerSelect({
  names,
  ownerId,
  value,
  onChange,
  id,
}: {
  names: ReadonlyMap<string, string>;
  /** The organization running the project is no partner of it. */
  ownerId: string | null | undefined;
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
}) {
  return (
    <OrganizationSelect
      id={id}
      value={value}
      onChange={onChange}
      valueLabel={names.get(value ?? '') ?? null}
      excludeIds={ownerId ? [ownerId] : []}
    />
  );
}

/**
 * Registers a project as a draft, or edits one while its organization may still change it. Mount it anew (a new
 * `key`) for each opening, so that it starts clean.
 */
export function ProjectFormDrawer({ target, onClose, onSaved }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const yuanRule = useYuanRule();
  const user = useSessionUser();
  const ownRegion = useOwnRegion();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES);
  const editing = target?.mode === 'edit' ? target.project : null;
  const category = Form.useWatch('category', form);
  const governmentObligated = Form.useWatch('governmentObligated', form);
  const chosenOwner = Form.useWatch('ownerOrganizationId', form);
  const ownerId = editing ? editing.ownerOrganizationId : chosenOwner;
  const partnerNames = new Map(editing?.partners.map((p) => [p.organizationId, p.organizationName]) ?? []);

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<TProject | null> => {
      if (editing) {
        const patch = patchOf(editing, values);
        if (Object.keys(patch).length === 0) return null;
        return updateProject(editing.id, patch);
      }
      const body: TCreateProjectRequest = {
        ...fieldsOf(values),
        ownerOrganizationId: values.ownerOrganizationId ?? '',
      };
      return createProject(body);
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info(t('org.edit.noChange'));
        onClose();
        return;
      }
      void message.success(
        editing ? t('projects.form.saved', { name: saved.name }) : t('projects.form.created', { name: saved.name }),
      );
      await queryClient.invalidateQueries({ queryKey: keys.projects });
      onSaved(saved);
    },
    onError: refuse,
  });

  const shape = ZCreateProjectRequest.shape;
  const heading = (key: MessageKey) => <div className="tx-form-heading">{t(key)}</div>;

  return (
    <FormDrawer
      form={form}
      open={target !== null}
      title={editing ? t('projects.form.editTitle', { name: editing.name }) : t('projects.form.createTitle')}
      size={720}
      submitLabel={editing ? t('common.save') : t('projects.form.createSubmit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
    >
      {!editing && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('projects.form.draftHint')} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValuesOf(target, user.organizationId)}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
        scrollToFirstError={{ block: 'center' }}
      >
        {heading('projects.form.section.basic')}
        {!editing && (
          <Form.Item
            name="ownerOrganizationId"
            label={t('projects.field.owner')}
            extra={t('projects.form.ownerHint')}
            rules={[{ required: true, message: t('projects.form.ownerRequired') }]}
          >
            <OrganizationSelect valueLabel={user.organizationName} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('projects.field.name')}
          required
          rules={[zodRule(shape.name, { required: true })]}
        >
          <Input maxLength={120} autoFocus placeholder={t('projects.form.namePlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="category"
              label={t('projects.field.category')}
              rules={[{ required: true, message: t('projects.form.categoryRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('projects.form.categoryPlaceholder')}
                options={options(PROJECT_CATEGORY.labels, PROJECT_CATEGORY.values)}
              />
            </Form.Item>
          </Col>
          {category === 'infrastructure' && (
            <Col xs={24} md={12}>
              <Form.Item
                name="infrastructureKind"
                label={t('projects.field.infrastructureKind')}
                rules={[{ required: true, message: t('projects.form.infrastructureKindRequired') }]}
              >
                <Select options={options(INFRASTRUCTURE_KIND.labels, INFRASTRUCTURE_KIND.values)} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="assistanceMode" label={t('projects.field.assistanceMode')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={options(ASSISTANCE_MODE.labels, ASSISTANCE_MODE.values)} />
        </Form.Item>
        <Form.Item
          name="governmentObligated"
          valuePropName="checked"
          extra={t('projects.form.governmentObligatedHint')}
          style={{ marginBottom: governmentObligated ? 8 : undefined }}
        >
          <Checkbox>{t('projects.field.governmentObligated')}</Checkbox>
        </Form.Item>
        {governmentObligated && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('projects.form.governmentObligatedWarning')}
          />
        )}

        {heading('projects.form.section.targets')}
        <Form.Item name="targetRegionCodes" label={t('projects.field.regions')} extra={t('projects.form.regionsHint')}>
          <RegionMultiCascader rootCode={ownRegion} placeholder={t('projects.form.regionsPlaceholder')} />
        </Form.Item>
        <Form.Item name="targetVillageIds" label={t('projects.field.villages')} extra={t('projects.form.villagesHint')}>
          <VillageMultiSelect placeholder={t('projects.form.villagesPlaceholder')} />
        </Form.Item>
        <Form.List name="beneficiaryCounts">
          {(rows, { add, remove }, { errors }) => (
            <Form.Item label={t('projects.field.beneficiaries')} extra={t('projects.form.beneficiariesHint')}>
              {rows.map((row) => (
                <div key={row.key} className="tx-form-row" data-testid="beneficiary-row">
                  <Form.Item
                    name={[row.name, 'count']}
                    style={{ width: 130, flex: 'none' }}
                    rules={[{ required: true, message: t('projects.form.countRequired') }]}
                  >
                    <InputNumber
                      aria-label={t('projects.form.count')}
                      placeholder={t('projects.form.count')}
                      min={0}
                      max={1e9}
                      precision={0}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'group']}
                    style={{ width: 140, flex: 'none' }}
                    rules={[{ required: true, message: t('projects.form.groupRequired') }]}
                  >
                    <Select
                      aria-label={t('projects.form.group')}
                      placeholder={t('projects.form.group')}
                      options={options(BENEFICIARY_GROUP.labels, BENEFICIARY_GROUP.values)}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'note']} style={{ flex: 1, minWidth: 0 }}>
                    <Input
                      maxLength={100}
                      aria-label={t('projects.form.note')}
                      placeholder={t('projects.form.beneficiaryNotePlaceholder')}
                    />
                  </Form.Item>
                  <RemoveRowButton onClick={() => remove(row.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ group: 'households' })}>
                {t('projects.form.addBeneficiary')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>

        {heading('projects.form.section.plan')}
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="budget"
              label={t('projects.field.budget')}
              rules={[{ required: true, message: t('projects.form.budgetRequired') }, yuanRule()]}
            >
              <Input
                inputMode="decimal"
                suffix={t('registry.yuan')}
                placeholder={t('projects.form.budgetPlaceholder')}
                style={{ fontVariantNumeric: 'tabular-nums' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="planned"
              label={t('projects.field.planned')}
              rules={[{ required: true, message: t('projects.form.plannedRequired') }]}
            >
              <DatePicker.RangePicker
                style={{ width: '100%' }}
                placeholder={[t('projects.form.plannedStart'), t('projects.form.plannedEnd')]}
              />
            </Form.Item>
          </Col>
        </Row>

        {heading('projects.form.section.partners')}
        <Form.List name="partners">
          {(rows, { add, remove }, { errors }) => (
            <Form.Item extra={t('projects.form.partnersHint')}>
              {rows.map((row) => (
                <div key={row.key} className="tx-form-row" data-testid="partner-row">
                  <Form.Item
                    name={[row.name, 'organizationId']}
                    style={{ flex: 1, minWidth: 0 }}
                    rules={[{ required: true, message: t('org.members.memberRequired') }]}
                  >
                    <PartnerSelect names={partnerNames} ownerId={ownerId} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'role']}
                    style={{ width: 150, flex: 'none' }}
                    rules={[{ required: true, message: t('projects.form.roleRequired') }]}
                  >
                    <Select
                      aria-label={t('projects.form.role')}
                      placeholder={t('projects.form.role')}
                      options={options(PARTNER_ROLE.labels, PARTNER_ROLE.values)}
                    />
                  </Form.Item>
                  <RemoveRowButton onClick={() => remove(row.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'implementer' })}>
                {t('projects.form.addPartner')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>

        {heading('projects.form.section.description')}
        <Form.Item name="description" rules={[zodRule(shape.description)]}>
          <Input.TextArea
            aria-label={t('projects.field.description')}
            maxLength={4000}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('projects.form.descriptionPlaceholder')}
          />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
