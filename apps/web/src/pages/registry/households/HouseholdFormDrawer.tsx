import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ASSISTANCE_WAY,
  GENDER,
  HOUSEHOLD_TYPE,
  MONITORING_CATEGORY,
  POVERTY_CAUSES,
  RISK_TYPE,
  ZCreateHouseholdRequest,
  checkIdNumber,
  genderOfIdNumber,
  normalizeIdNumber,
  type TAssistanceWay,
  type TCreateHouseholdRequest,
  type TGender,
  type THouseholdCard,
  type THouseholdType,
  type TMonitoringCategory,
  type TRiskType,
  type TUpdateHouseholdRequest,
} from '@tongxin/contracts';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { keys } from '../../../api/keys';
import { createHousehold, updateHousehold } from '../../../api/registry';
import { FormDrawer } from '../../../forms/FormDrawer';
import { HiddenSubmit } from '../../../forms/HiddenSubmit';
import { useIdNumberRule } from '../../../forms/idNumberRule';
import { useServerRefusal } from '../../../forms/useServerRefusal';
import { useZodRule } from '../../../forms/useZodRule';
import { useLabelOptions } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../../lib/dates';
import { fenToYuanText, useYuanRule, yuanTextToFen } from '../../../lib/money';
import { useCan, useSessionUser } from '../../../session/SessionUserContext';
import { CadreSelect } from '../shared/CadreSelect';
import { useCauseOptions, type PovertyCause } from '../shared/labels';
import { VillageSelect } from '../shared/VillageSelect';

type Values = {
  villageId?: string;
  code?: string;
  head?: { name?: string; idNumber?: string; gender?: TGender };
  type: THouseholdType;
  identifiedYear?: number | null;
  monitoringCategory?: TMonitoringCategory | null;
  risks?: TRiskType[];
  riskEliminated?: boolean;
  riskEliminationWay?: TAssistanceWay | null;
  riskEliminatedOn?: Dayjs | null;
  exitYear?: number | null;
  exitWay?: TAssistanceWay | null;
  mainCause?: PovertyCause | null;
  otherCauses?: PovertyCause[];
  incomePerCapita?: string;
  wageIncome?: string;
  productionIncome?: string;
  transferIncome?: string;
  propertyIncome?: string;
  housingSafe?: boolean | null;
  drinkingWaterSafe?: boolean | null;
  phone?: string;
  address?: string;
  cadreUserId?: string | null;
  effectiveOn?: Dayjs | null;
};

const FIELDS = [
  'villageId',
  'code',
  'head.name',
  'head.idNumber',
  'head.gender',
  'type',
  'identifiedYear',
  'monitoringCategory',
  'risks',
  'riskEliminated',
  'riskEliminationWay',
  'riskEliminatedOn',
  'exitYear',
  'exitWay',
  'mainCause',
  'otherCauses',
  'incomePerCapita',
  'wageIncome',
  'productionIncome',
  'transferIncome',
  'propertyIncome',
  'housingSafe',
  'drinkingWaterSafe',
  'phone',
  'address',
  'cadreUserId',
  'effectiveOn',
];

/** Fields whose changes the server keeps in the dated history (its VERSIONED_FIELDS). */
const VERSIONED = ['type', 'monitoringCategory', 'risks', 'riskEliminated', 'exitYear'] as const;

const INCOMES = ['incomePerCapita', 'wageIncome', 'productionIncome', 'transferIncome', 'propertyIncome'] as const;

export type HouseholdFormTarget = { mode: 'create'; villageId?: string } | { mode: 'edit'; household: THouseholdCard };

type Props = {
  target: HouseholdFormTarget | null;
  onClose: () => void;
  onSaved: (household: THouseholdCard) => void;
};

/** A cause code from the server, when it is one of the national codes the form offers. */
const asCause = (code: number | null): PovertyCause | null => POVERTY_CAUSES.find((cause) => cause === code) ?? null;

const text = (value: string | undefined | null) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

function initialValuesOf(target: HouseholdFormTarget | null): Partial<Values> {
  const today = fromBusinessDate(beijingToday());
  if (!target) return {};
  if (target.mode === 'create') {
    return {
      villageId: target.villageId,
      type: 'registered',
      identifiedYear: Number(beijingToday().slice(0, 4)),
      otherCauses: [],
      risks: [],
      effectiveOn: today,
    };
  }
  const h = target.household;
  return {
    code: h.code ?? undefined,
    type: h.type,
    identifiedYear: h.identifiedYear,
    monitoringCategory: h.monitoringCategory,
    risks: h.risks,
    riskEliminated: h.riskEliminated,
    riskEliminationWay: h.riskEliminationWay,
    riskEliminatedOn: fromBusinessDate(h.riskEliminatedOn),
    exitYear: h.exitYear,
    exitWay: h.exitWay,
    mainCause: asCause(h.mainCause),
    otherCauses: h.otherCauses.map(asCause).filter((cause) => cause !== null),
    incomePerCapita: fenToYuanText(h.incomePerCapita),
    wageIncome: fenToYuanText(h.wageIncome),
    productionIncome: fenToYuanText(h.productionIncome),
    transferIncome: fenToYuanText(h.transferIncome),
    propertyIncome: fenToYuanText(h.propertyIncome),
    housingSafe: h.housingSafe,
    drinkingWaterSafe: h.drinkingWaterSafe,
    cadreUserId: h.cadreUserId,
    effectiveOn: today,
  };
}

/**
 * The household's fields as the API takes them (the parts common to registering and editing). Fields the
 * form hides for the chosen type are cleared when the type changes, and kept as they are when it does not.
 */
function fieldsOf(values: Values, current?: THouseholdCard) {
  const keep = current !== undefined && current.type === values.type;
  const monitored = values.type === 'monitored';
  const eliminated = monitored && Boolean(values.riskEliminated);
  const hidden = <T,>(shown: boolean, value: T, kept: T, cleared: T): T => (shown ? value : keep ? kept : cleared);
  return {
    type: values.type,
    identifiedYear: values.identifiedYear ?? null,
    monitoringCategory: hidden(monitored, values.monitoringCategory ?? null, current?.monitoringCategory ?? null, null),
    risks: hidden(monitored, values.risks ?? [], current?.risks ?? [], []),
    riskEliminated: hidden(monitored, eliminated, current?.riskEliminated ?? false, false),
    riskEliminationWay: hidden(
      eliminated,
      values.riskEliminationWay ?? null,
      current?.riskEliminationWay ?? null,
      null,
    ),
    riskEliminatedOn: hidden(
      eliminated,
      toBusinessDate(values.riskEliminatedOn) ?? null,
      current?.riskEliminatedOn ?? null,
      null,
    ),
    exitYear: hidden(values.type !== 'registered', values.exitYear ?? null, current?.exitYear ?? null, null),
    exitWay: hidden(values.type !== 'registered', values.exitWay ?? null, current?.exitWay ?? null, null),
    mainCause: values.mainCause ?? null,
    otherCauses: values.otherCauses ?? [],
    incomePerCapita: yuanTextToFen(values.incomePerCapita),
    wageIncome: yuanTextToFen(values.wageIncome),
    productionIncome: yuanTextToFen(values.productionIncome),
    transferIncome: yuanTextToFen(values.transferIncome),
    propertyIncome: yuanTextToFen(values.propertyIncome),
    housingSafe: values.housingSafe ?? null,
    drinkingWaterSafe: values.drinkingWaterSafe ?? null,
  };
}

/** Only what changed; the effective date goes along when a change enters the dated history. */
function patchOf(household: THouseholdCard, values: Values, canAssign: boolean): TUpdateHouseholdRequest {
  const next = fieldsOf(values, household);
  const patch: TUpdateHouseholdRequest = {};
  for (const [field, value] of Object.entries(next) as [keyof typeof next, unknown][]) {
    const current: unknown = household[field];
    const same = Array.isArray(value) && Array.isArray(current) ? sameList(value, current) : value === current;
    if (!same) Object.assign(patch, { [field]: value });
  }
  const code = text(values.code);
  if (code !== household.code) patch.code = code;
  const phone = text(values.phone);
  if (phone) patch.phone = phone;
  const address = text(values.address);
  if (address) patch.address = address;
  if (canAssign && (values.cadreUserId ?? null) !== household.cadreUserId)
    patch.cadreUserId = values.cadreUserId ?? null;
  if (VERSIONED.some((field) => field in patch)) patch.effectiveOn = toBusinessDate(values.effectiveOn);
  return patch;
}

/** Whether the form's current values change a field the history keeps (so that a date is asked for). */
function changesVersioned(household: THouseholdCard, values: Partial<Values>): boolean {
  if (!values.type) return false;
  const next = fieldsOf({ ...values, type: values.type }, household);
  return VERSIONED.some((field) => {
    const value: unknown = next[field];
    const current: unknown = household[field];
    return Array.isArray(value) && Array.isArray(current) ? !sameList(value, current) : value !== current;
  });
}

/**
 * Registers a household with its head, or edits one. Changes of type and monitoring are dated: the old
 * state stays in the history. Mount it anew (a new `key`) for each opening, so that it starts clean.
 */
export function HouseholdFormDrawer({ target, onClose, onSaved }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const causeOptions = useCauseOptions();
  const zodRule = useZodRule();
  const idNumberRule = useIdNumberRule();
  const yuanRule = useYuanRule();
  const can = useCan();
  const user = useSessionUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS);
  const editing = target?.mode === 'edit' ? target.household : null;
  const canAssign = can('manage_users');
  const isCadre = user.role === 'cadre';
  const type = Form.useWatch('type', form);
  const riskEliminated = Form.useWatch('riskEliminated', form);
  const mainCause = Form.useWatch('mainCause', form);
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const versionedChange = editing ? changesVersioned(editing, watched ?? {}) : true;

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<THouseholdCard | null> => {
      if (editing) {
        const patch = patchOf(editing, values, canAssign);
        if (Object.keys(patch).length === 0) return null;
        return updateHousehold(editing.id, patch);
      }
      const body: TCreateHouseholdRequest = {
        ...fieldsOf(values),
        villageId: values.villageId ?? '',
        code: text(values.code),
        phone: text(values.phone),
        address: text(values.address),
        head: {
          name: values.head?.name?.trim() ?? '',
          idNumber: normalizeIdNumber(values.head?.idNumber ?? ''),
          gender: values.head?.gender ?? 'male',
        },
        // A village cadre sees only the households assigned to them: what they register is theirs.
        cadreUserId: isCadre ? user.id : undefined,
        effectiveOn: toBusinessDate(values.effectiveOn),
      };
      return createHousehold(body);
    },
    onSuccess: async (saved) => {
      if (!saved) {
        void message.info(t('org.edit.noChange'));
        onClose();
        return;
      }
      const name = saved.headName ?? saved.code ?? '';
      void message.success(
        editing ? t('registry.household.saved', { name }) : t('registry.household.created', { name }),
      );
      await queryClient.invalidateQueries({ queryKey: keys.households });
      await queryClient.invalidateQueries({ queryKey: keys.villages });
      onSaved(saved);
    },
    onError: refuse,
  });

  /** A valid ID number tells the gender (digit 17): fill it in unless the user chose one. */
  const takeGenderFromIdNumber = (raw: string) => {
    const value = normalizeIdNumber(raw);
    if (value.length !== 18 || checkIdNumber(value, { today: beijingToday() })) return;
    if (!form.isFieldTouched(['head', 'gender'])) form.setFieldValue(['head', 'gender'], genderOfIdNumber(value));
  };

  const shape = ZCreateHouseholdRequest.shape;
  const yesNo = [
    { value: true, label: t('registry.yes') },
    { value: false, label: t('registry.no') },
  ];
  const heading = (key: Parameters<typeof t>[0]) => <div className="tx-form-heading">{t(key)}</div>;
  const monitored = type === 'monitored';
  const exitedOrLater = type === 'exited' || type === 'monitored';

  return (
    <FormDrawer
      form={form}
      open={target !== null}
      title={
        editing
          ? t('registry.household.editTitle', { name: editing.headName ?? editing.code ?? '' })
          : t('registry.household.createTitle')
      }
      size={720}
      submitLabel={editing ? t('common.save') : t('registry.household.createSubmit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
    >
      {!editing && isCadre && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('registry.household.cadreSelf')} />
      )}
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
        {!editing && (
          <>
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item
                  name="villageId"
                  label={t('registry.household.village')}
                  rules={[{ required: true, message: t('registry.household.villageRequired') }]}
                >
                  <VillageSelect autoFocus={!target || target.mode !== 'create' || !target.villageId} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item
                  name="code"
                  label={t('registry.household.code')}
                  rules={[zodRule(shape.code)]}
                  extra={t('registry.household.codeHint')}
                >
                  <Input maxLength={40} placeholder={t('registry.household.codePlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
            {heading('registry.household.section.head')}
            <Row gutter={16}>
              <Col xs={24} md={7}>
                <Form.Item
                  name={['head', 'name']}
                  label={t('registry.person.name')}
                  required
                  rules={[zodRule(shape.head.shape.name, { required: true })]}
                >
                  <Input maxLength={40} autoFocus={target?.mode === 'create' && Boolean(target.villageId)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={11}>
                <Form.Item
                  name={['head', 'idNumber']}
                  label={t('registry.person.idNumber')}
                  required
                  dependencies={[['head', 'gender']]}
                  rules={[idNumberRule(['head', 'gender'], t('registry.person.idNumberRequired'))]}
                  normalize={(value: string | undefined) => value?.toUpperCase()}
                  validateDebounce={300}
                >
                  <Input
                    maxLength={24}
                    style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
                    placeholder={t('registry.person.idNumberPlaceholder')}
                    autoComplete="off"
                    onChange={(event) => takeGenderFromIdNumber(event.target.value)}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  name={['head', 'gender']}
                  label={t('registry.person.gender')}
                  rules={[{ required: true, message: t('registry.person.genderRequired') }]}
                >
                  <Radio.Group optionType="button" options={options(GENDER.labels, GENDER.values)} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        {editing && (
          <Form.Item
            name="code"
            label={t('registry.household.code')}
            rules={[zodRule(shape.code)]}
            extra={t('registry.household.codeHint')}
          >
            <Input maxLength={40} style={{ maxWidth: 320 }} />
          </Form.Item>
        )}

        {heading('registry.household.section.status')}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('registry.household.type')} rules={[{ required: true }]}>
              <Select options={options(HOUSEHOLD_TYPE.labels, HOUSEHOLD_TYPE.values)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="identifiedYear"
              label={t('registry.household.identifiedYear')}
              rules={[zodRule(shape.identifiedYear)]}
            >
              <InputNumber style={{ width: '100%' }} min={1980} max={2100} precision={0} controls={false} />
            </Form.Item>
          </Col>
          {exitedOrLater && (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="exitYear" label={t('registry.household.exitYear')} rules={[zodRule(shape.exitYear)]}>
                  <InputNumber style={{ width: '100%' }} min={1980} max={2100} precision={0} controls={false} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="exitWay" label={t('registry.household.exitWay')}>
                  <Select allowClear options={options(ASSISTANCE_WAY.labels, ASSISTANCE_WAY.values)} />
                </Form.Item>
              </Col>
            </>
          )}
          {monitored && (
            <>
              <Col xs={24} md={12}>
                <Form.Item
                  name="monitoringCategory"
                  label={t('registry.household.monitoringCategory')}
                  rules={[{ required: true, message: t('registry.household.categoryRequired') }]}
                >
                  <Select options={options(MONITORING_CATEGORY.labels, MONITORING_CATEGORY.values)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="risks" label={t('registry.household.risks')} rules={[zodRule(shape.risks)]}>
                  <Select
                    mode="multiple"
                    maxCount={5}
                    options={options(RISK_TYPE.labels, RISK_TYPE.values)}
                    placeholder={t('registry.household.risksPlaceholder')}
                  />
                </Form.Item>
              </Col>
              {editing && (
                <>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name="riskEliminated"
                      label={t('registry.household.riskEliminated')}
                      valuePropName="checked"
                    >
                      <Switch />
                    </Form.Item>
                  </Col>
                  {riskEliminated && (
                    <>
                      <Col xs={24} md={9}>
                        <Form.Item
                          name="riskEliminationWay"
                          label={t('registry.household.riskEliminationWay')}
                          rules={[{ required: true, message: t('registry.household.eliminationRequired') }]}
                        >
                          <Select options={options(ASSISTANCE_WAY.labels, ASSISTANCE_WAY.values)} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={9}>
                        <Form.Item
                          name="riskEliminatedOn"
                          label={t('registry.household.riskEliminatedOn')}
                          rules={[{ required: true, message: t('registry.household.eliminationRequired') }]}
                        >
                          <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} />
                        </Form.Item>
                      </Col>
                    </>
                  )}
                </>
              )}
            </>
          )}
        </Row>

        {heading('registry.household.section.causes')}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="mainCause" label={t('registry.household.mainCause')}>
              <Select allowClear options={causeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="otherCauses"
              label={t('registry.household.otherCauses')}
              rules={[zodRule(shape.otherCauses)]}
            >
              <Select
                mode="multiple"
                maxCount={2}
                placeholder={t('registry.household.otherCausesPlaceholder')}
                options={causeOptions.filter((option) => option.value !== mainCause)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="incomePerCapita" label={t('registry.household.incomePerCapita')} rules={[yuanRule()]}>
              <Input
                inputMode="decimal"
                suffix={t('registry.yuan')}
                placeholder={t('registry.household.incomePlaceholder')}
                style={{ fontVariantNumeric: 'tabular-nums' }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="housingSafe" label={t('registry.household.housingSafe')}>
              <Radio.Group optionType="button" options={yesNo} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="drinkingWaterSafe" label={t('registry.household.drinkingWaterSafe')}>
              <Radio.Group optionType="button" options={yesNo} />
            </Form.Item>
          </Col>
          {editing &&
            INCOMES.filter((field) => field !== 'incomePerCapita').map((field) => (
              <Col xs={12} md={6} key={field}>
                <Form.Item name={field} label={t(`registry.household.${field}`)} rules={[yuanRule()]}>
                  <Input
                    inputMode="decimal"
                    suffix={t('registry.yuan')}
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  />
                </Form.Item>
              </Col>
            ))}
        </Row>

        {heading('registry.household.section.contact')}
        <Row gutter={16}>
          <Col xs={24} md={9}>
            <Form.Item
              name="phone"
              label={t('registry.household.phone')}
              rules={[zodRule(shape.phone)]}
              extra={
                editing?.phoneMasked ? t('registry.household.keepHint', { value: editing.phoneMasked }) : undefined
              }
            >
              <Input maxLength={30} autoComplete="off" placeholder={t('registry.household.phonePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={15}>
            <Form.Item
              name="address"
              label={t('registry.household.address')}
              rules={[zodRule(shape.address)]}
              extra={
                editing?.addressMasked ? t('registry.household.keepHint', { value: editing.addressMasked }) : undefined
              }
            >
              <Input maxLength={200} autoComplete="off" placeholder={t('registry.household.addressPlaceholder')} />
            </Form.Item>
          </Col>
          {editing && canAssign && (
            <Col xs={24} md={12}>
              <Form.Item name="cadreUserId" label={t('registry.household.cadre')}>
                <CadreSelect valueLabel={editing.cadreName} />
              </Form.Item>
            </Col>
          )}
        </Row>

        <div className="tx-form-section">
          {editing && (
            <Alert
              type={versionedChange ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 12 }}
              title={t('registry.household.historyHint')}
            />
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="effectiveOn"
                label={t('registry.household.effectiveOn')}
                extra={editing ? t('registry.household.effectiveOnEditHint') : t('registry.household.effectiveOnHint')}
                rules={[{ required: versionedChange, message: t('registry.household.effectiveOnRequired') }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} />
              </Form.Item>
            </Col>
          </Row>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('registry.household.privacyHint')}
        </Typography.Paragraph>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
