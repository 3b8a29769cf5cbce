import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  EDUCATION,
  GENDER,
  HEALTH,
  LABOUR_ABILITY,
  RELATION,
  SCHOOL_STATUS,
  ZCreatePersonRequest,
  checkIdNumber,
  genderOfIdNumber,
  normalizeIdNumber,
  type TEducation,
  type TGender,
  type THealth,
  type TLabourAbility,
  type TPerson,
  type TRelation,
  type TSchoolStatus,
  type TUpdatePersonRequest,
} from '@tongxin/contracts';
import { Alert, App, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { keys } from '../../../api/keys';
import { addPerson, updatePerson } from '../../../api/registry';
import { FormDrawer } from '../../../forms/FormDrawer';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useIdNumberRule } from '../../../forms/idNumberRule';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useZodRule } from '../../../forms/useZodRule';
import { useLabelOptions } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { beijingToday } from '../../../lib/dates';

type Values = {
  relation: TRelation;
  name: string;
  idNumber?: string;
  gender?: TGender;
  education?: TEducation | null;
  schoolStatus?: TSchoolStatus | null;
  health?: THealth | null;
  labourAbility?: TLabourAbility | null;
  migrantMonths?: number | null;
  insurance?: ('medical' | 'pension')[];
};

const FIELDS = [
  'relation',
  'name',
  'idNumber',
  'gender',
  'education',
  'schoolStatus',
  'health',
  'labourAbility',
  'migrantMonths',
];

export type PersonFormTarget = { mode: 'create' } | { mode: 'edit'; person: TPerson };

type Props = {
  householdId: string;
  target: PersonFormTarget | null;
  onClose: () => void;
};

function initialValuesOf(target: PersonFormTarget | null): Partial<Values> {
  if (!target || target.mode === 'create') return { relation: 'child', insurance: ['medical'] };
  const p = target.person;
  return {
    relation: p.relation,
    name: p.name,
    gender: p.gender,
    education: p.education,
    schoolStatus: p.schoolStatus,
    health: p.health,
    labourAbility: p.labourAbility,
    migrantMonths: p.migrantMonths,
    insurance: [
      ...(p.hasMedicalInsurance ? (['medical'] as const) : []),
      ...(p.hasPensionInsurance ? (['pension'] as const) : []),
    ],
  };
}

/** Adds a member to a household or corrects one; mount anew (a new `key`) for each opening. */
export function PersonFormDrawer({ householdId, target, onClose }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const idNumberRule = useIdNumberRule();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const editing = target?.mode === 'edit' ? target.person : null;
  const relation = Form.useWatch('relation', form);

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<TPerson | null> => {
      const fields = {
        relation: values.relation,
        name: values.name.trim(),
        gender: values.gender ?? 'male',
        education: values.education ?? null,
        schoolStatus: values.schoolStatus ?? null,
        health: values.health ?? null,
        labourAbility: values.labourAbility ?? null,
        migrantMonths: values.migrantMonths ?? null,
        hasMedicalInsurance: values.insurance?.includes('medical') ?? false,
        hasPensionInsurance: values.insurance?.includes('pension') ?? false,
      };
      const idNumber = values.idNumber ? normalizeIdNumber(values.idNumber) : null;
      if (!editing) return addPerson(householdId, { ...fields, idNumber: idNumber ?? '' });
      const patch: TUpdatePersonRequest = {};
      for (const [field, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
        if (editing[field] !== value) Object.assign(patch, { [field]: value });
      }
      if (idNumber) patch.idNumber = idNumber;
      if (Object.keys(patch).length === 0) return null;
      return updatePerson(editing.id, patch);
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info(t('org.edit.noChange'));
        onClose();
        return;
      }
      void message.success(
        editing ? t('registry.person.saved', { name: saved.name }) : t('registry.person.added', { name: saved.name }),
      );
      await queryClient.invalidateQueries({ queryKey: keys.households });
      onClose();
    },
    onError: refuse,
  });

  const takeGenderFromIdNumber = (raw: string) => {
    const value = normalizeIdNumber(raw);
    if (value.length !== 18 || checkIdNumber(value, { today: beijingToday() })) return;
    if (!form.isFieldTouched('gender')) form.setFieldValue('gender', genderOfIdNumber(value));
  };

  const shape = ZCreatePersonRequest.shape;
  const becomesHead = relation === 'head' && editing?.relation !== 'head';

  return (
    <FormDrawer
      form={form}
      open={target !== null}
      title={editing ? t('registry.person.editTitle', { name: editing.name }) : t('registry.person.addTitle')}
      size={600}
      submitLabel={editing ? t('common.save') : t('registry.person.addSubmit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValuesOf(target)}
        onFinish={(values) => {
          clearRefusal();
          mutation.mutate(values);
        }}
        scrollToFirstError={{ block: 'center' }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('registry.person.name')}
              required
              rules={[zodRule(shape.name, { required: true })]}
            >
              <Input maxLength={40} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="relation" label={t('registry.person.relation')} rules={[{ required: true }]}>
              <Select options={options(RELATION.labels, RELATION.values)} disabled={editing?.relation === 'head'} />
            </Form.Item>
          </Col>
        </Row>
        {becomesHead && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('registry.person.becomesHead')} />
        )}
        <Row gutter={16}>
          <Col xs={24} md={15}>
            <Form.Item
              name="idNumber"
              label={t('registry.person.idNumber')}
              required={!editing}
              dependencies={['gender']}
              rules={[idNumberRule('gender', editing ? undefined : t('registry.person.idNumberRequired'))]}
              normalize={(value: string | undefined) => value?.toUpperCase()}
              validateDebounce={300}
              extra={
                editing
                  ? t('registry.person.idNumberKeep', { value: editing.idNumberMasked })
                  : t('registry.person.idNumberHint')
              }
            >
              <Input
                maxLength={24}
                autoComplete="off"
                style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
                placeholder={t('registry.person.idNumberPlaceholder')}
                onChange={(event) => takeGenderFromIdNumber(event.target.value)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="gender"
              label={t('registry.person.gender')}
              rules={[{ required: true, message: t('registry.person.genderRequired') }]}
            >
              <Radio.Group optionType="button" options={options(GENDER.labels, GENDER.values)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="education" label={t('registry.person.education')}>
              <Select allowClear options={options(EDUCATION.labels, EDUCATION.values)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="schoolStatus" label={t('registry.person.schoolStatus')}>
              <Select allowClear options={options(SCHOOL_STATUS.labels, SCHOOL_STATUS.values)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="health" label={t('registry.person.health')}>
              <Select allowClear options={options(HEALTH.labels, HEALTH.values)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="labourAbility" label={t('registry.person.labourAbility')}>
              <Select allowClear options={options(LABOUR_ABILITY.labels, LABOUR_ABILITY.values)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="migrantMonths"
              label={t('registry.person.migrantMonths')}
              rules={[zodRule(ZCreatePersonRequest.shape.migrantMonths)]}
            >
              <InputNumber
                style={{ width: '100%' }}
                min={0}
                max={12}
                precision={0}
                suffix={t('registry.person.months')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="insurance" label={t('registry.person.insurance')}>
              <Checkbox.Group
                options={[
                  { value: 'medical', label: t('registry.person.medical') },
                  { value: 'pension', label: t('registry.person.pension') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
