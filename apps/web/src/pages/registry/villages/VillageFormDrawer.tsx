import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  VILLAGE_POVERTY_STATUS,
  ZCreateVillageRequest,
  type TCreateVillageRequest,
  type TUpdateVillageRequest,
  type TVillage,
  type TVillagePovertyStatus,
} from '@tongxin/contracts';
import { App, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { keys } from '../../../api/keys';
import { createVillage, updateVillage } from '../../../api/registry';
import { OrganizationSelect } from '../../../components/OrganizationSelect';
import { RegionCascader } from '../../../components/RegionCascader';
import { FormDrawer } from '../../../forms/FormDrawer';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useZodRule } from '../../../forms/useZodRule';
import { useLabelOptions } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { fenToYuanText, useYuanRule, yuanTextToFen } from '../../../lib/money';
import { useSessionUser } from '../../../session/SessionUserContext';
import { useOwnRegion } from '../shared/useOwnRegion';
import { INFRASTRUCTURE, INFRASTRUCTURE_LABELS, type InfrastructureKey } from './Infrastructure';

type Values = {
  regionCode?: string | null;
  organizationId?: string | null;
  isPoorVillage: boolean;
  isOldBaseVillage: boolean;
  isRelocationSite: boolean;
  povertyStatus: TVillagePovertyStatus;
  exitYear?: number | null;
  householdCount?: number | null;
  population?: number | null;
  infrastructure: InfrastructureKey[];
  collectiveIncome?: string;
  workTeam?: string;
};

const FIELDS = [
  'regionCode',
  'organizationId',
  'isPoorVillage',
  'isOldBaseVillage',
  'isRelocationSite',
  'povertyStatus',
  'exitYear',
  'householdCount',
  'population',
  'hasHardenedRoad',
  'hasTapWater',
  'hasElectricity',
  'hasBroadband',
  'collectiveIncome',
  'workTeam',
];

export type VillageFormTarget = { mode: 'create' } | { mode: 'edit'; village: TVillage };

type Props = { target: VillageFormTarget | null; onClose: () => void; onSaved: (village: TVillage) => void };

function initialValuesOf(target: VillageFormTarget | null, organizationId: string): Partial<Values> {
  if (!target) return {};
  if (target.mode === 'create') {
    return {
      organizationId,
      isPoorVillage: false,
      isOldBaseVillage: false,
      isRelocationSite: false,
      povertyStatus: 'not_poor',
      infrastructure: [],
    };
  }
  const v = target.village;
  return {
    isPoorVillage: v.isPoorVillage,
    isOldBaseVillage: v.isOldBaseVillage,
    isRelocationSite: v.isRelocationSite,
    povertyStatus: v.povertyStatus,
    exitYear: v.exitYear,
    householdCount: v.householdCount,
    population: v.population,
    infrastructure: INFRASTRUCTURE.filter((key) => v[key]),
    collectiveIncome: fenToYuanText(v.collectiveIncome),
    workTeam: v.workTeam ?? undefined,
  };
}

function fieldsOf(values: Values) {
  const has = (key: InfrastructureKey) => values.infrastructure.includes(key);
  return {
    isPoorVillage: values.isPoorVillage,
    isOldBaseVillage: values.isOldBaseVillage,
    isRelocationSite: values.isRelocationSite,
    povertyStatus: values.povertyStatus,
    exitYear: values.povertyStatus === 'exited' ? (values.exitYear ?? null) : null,
    householdCount: values.householdCount ?? null,
    population: values.population ?? null,
    hasHardenedRoad: has('hasHardenedRoad'),
    hasTapWater: has('hasTapWater'),
    hasElectricity: has('hasElectricity'),
    hasBroadband: has('hasBroadband'),
    collectiveIncome: yuanTextToFen(values.collectiveIncome),
    workTeam: values.workTeam?.trim() || null,
  };
}

/**
 * Registers a village under a responsible organization, or edits its flags and indicators. Mount it anew
 * (a new `key`) for each opening, so that it starts clean.
 */
export function VillageFormDrawer({ target, onClose, onSaved }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const yuanRule = useYuanRule();
  const user = useSessionUser();
  const ownRegion = useOwnRegion();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const editing = target?.mode === 'edit' ? target.village : null;
  const status = Form.useWatch('povertyStatus', form);

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<TVillage | null> => {
      const fields = fieldsOf(values);
      if (editing) {
        const patch: TUpdateVillageRequest = {};
        for (const [field, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
          if (editing[field] !== value) Object.assign(patch, { [field]: value });
        }
        if (Object.keys(patch).length === 0) return null;
        return updateVillage(editing.id, patch);
      }
      const body: TCreateVillageRequest = {
        ...fields,
        regionCode: values.regionCode ?? '',
        organizationId: values.organizationId ?? '',
      };
      return createVillage(body);
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info(t('org.edit.noChange'));
        onClose();
        return;
      }
      void message.success(
        editing
          ? t('registry.village.saved', { name: saved.name })
          : t('registry.village.created', { name: saved.name }),
      );
      await queryClient.invalidateQueries({ queryKey: keys.villages });
      onSaved(saved);
    },
    onError: refuse,
  });

  return (
    <FormDrawer
      form={form}
      open={target !== null}
      title={editing ? t('registry.village.editTitle', { name: editing.name }) : t('registry.village.createTitle')}
      size={640}
      submitLabel={editing ? t('common.save') : t('registry.village.createSubmit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValuesOf(target, user.organizationId)}
        onFinish={(values) => {
          clearRefusal();
          mutation.mutate(values);
        }}
        scrollToFirstError={{ block: 'center' }}
      >
        {!editing && (
          <>
            <Form.Item
              name="regionCode"
              label={t('registry.village.region')}
              required
              extra={t('registry.village.regionHint')}
              rules={[zodRule(ZCreateVillageRequest.shape.regionCode, { required: true })]}
            >
              <RegionCascader rootCode={ownRegion} placeholder={t('registry.village.regionPlaceholder')} />
            </Form.Item>
            <Form.Item
              name="organizationId"
              label={t('registry.village.organization')}
              extra={t('registry.village.organizationHint')}
              rules={[{ required: true, message: t('org.members.memberRequired') }]}
            >
              <OrganizationSelect valueLabel={user.organizationName} />
            </Form.Item>
          </>
        )}
        <div className="tx-form-heading">{t('registry.village.section.flags')}</div>
        <Row gutter={16}>
          <Col xs={8}>
            <Form.Item name="isPoorVillage" label={t('registry.village.poorVillage')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="isOldBaseVillage" label={t('registry.village.oldBaseVillage')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="isRelocationSite" label={t('registry.village.relocationSite')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="povertyStatus" label={t('registry.village.povertyStatus')} rules={[{ required: true }]}>
              <Select options={options(VILLAGE_POVERTY_STATUS.labels, VILLAGE_POVERTY_STATUS.values)} />
            </Form.Item>
          </Col>
          {status === 'exited' && (
            <Col xs={24} md={12}>
              <Form.Item name="exitYear" label={t('registry.village.exitYear')}>
                <InputNumber style={{ width: '100%' }} min={1980} max={2100} precision={0} controls={false} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <div className="tx-form-heading">{t('registry.village.section.indicators')}</div>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="householdCount" label={t('registry.village.householdCount')}>
              <InputNumber
                style={{ width: '100%' }}
                min={0}
                max={100_000}
                precision={0}
                suffix={t('registry.unit.households')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="population" label={t('registry.village.population')}>
              <InputNumber
                style={{ width: '100%' }}
                min={0}
                max={1_000_000}
                precision={0}
                suffix={t('registry.unit.people')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="collectiveIncome" label={t('registry.village.collectiveIncome')} rules={[yuanRule()]}>
              <Input inputMode="decimal" suffix={t('registry.yuan')} style={{ fontVariantNumeric: 'tabular-nums' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="infrastructure" label={t('registry.village.infrastructure')}>
          <Checkbox.Group
            options={INFRASTRUCTURE.map((key) => ({ value: key, label: t(INFRASTRUCTURE_LABELS[key]) }))}
          />
        </Form.Item>
        <Form.Item name="workTeam" label={t('registry.village.workTeam')}>
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={t('registry.village.workTeamPlaceholder')}
          />
        </Form.Item>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
