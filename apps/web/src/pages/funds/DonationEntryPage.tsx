import { EnterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DONOR_DISPLAY,
  PAYMENT_METHOD,
  SALUTATION,
  type TCreateDonationRequest,
  type TDonation,
  type TDonationForm,
  type TDonor,
  type TDonorDisplay,
  type TPaymentMethod,
} from '@tongxin/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Segmented,
  Typography,
  type InputRef,
  type RefSelectProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { createDonor, fetchDonor, recordDonation } from '../../api/funds';
import { keys } from '../../api/keys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { useIdempotencyKey } from '../../forms/useIdempotencyKey';
import { useServerRefusal } from '../../forms/useServerRefusal';
import { useSingleFlight } from '../../forms/useSingleFlight';
import { useLabel, useLabelOptions } from '../../i18n/useLabel';
import { useT } from '../../i18n/useT';
import { beijingToday, fromBusinessDate, isAfterToday, toBusinessDate } from '../../lib/dates';
import { formatYuan, useYuanRule, yuanTextToFen } from '../../lib/money';
import { useSessionUser } from '../../session/SessionUserContext';
import {
  DESIGNATION_ALIASES,
  DESIGNATION_FIELDS,
  DesignationFields,
  designationOf,
  type DesignationValues,
} from './entry/DesignationFields';
import { DonorPicker, type DonorChoice } from './shared/DonorPicker';
import { PHONE_PATTERN } from './shared/labels';
import { PledgeField } from './entry/PledgeField';
import { GoodsItems, ITEM_FIELDS, itemValue, type ItemRow } from './entry/GoodsItems';
import { SessionGiftList } from './entry/SessionGiftList';
import { useSessionGifts } from './entry/useSessionGifts';

type Values = {
  donor?: DonorChoice | null;
  newDonor?: { salutation?: 'mr' | 'ms' | null; phone?: string };
  amount?: string;
  method: TPaymentMethod;
  items: ItemRow[];
  designation: DesignationValues;
  displayAs: TDonorDisplay;
  receivedOn: Dayjs | null;
  pledgeId?: string | null;
  note?: string;
};

const FIELDS = [
  'donor',
  'newDonor.salutation',
  'newDonor.phone',
  'amount',
  'method',
  ...ITEM_FIELDS,
  ...DESIGNATION_FIELDS,
  'displayAs',
  'receivedOn',
  'pledgeId',
  'note',
];
/** The donor's own fields, refused when the new donor is registered, stand at the new donor's fields. */
const ALIASES = {
  ...DESIGNATION_ALIASES,
  donorId: 'donor',
  name: 'donor',
  salutation: 'newDonor.salutation',
  phone: 'newDonor.phone',
};

/** What is cleared for the next gift; the date, method, designation and mode stay as they were. */
const PER_GIFT: (keyof Values)[] = ['donor', 'newDonor', 'amount', 'items', 'displayAs', 'pledgeId', 'note'];

/**
 * 捐赠登记: gift after gift at a donation drive, from the keyboard. Type the donor's name and pick them, or
 * register a new person on the spot; type the amount; Enter books it, and the form clears for the next gift,
 * keeping the date, the method and the designation. The gifts of this sitting run down the side with their
 * total. Goods are entered as rows of items and booked at their total value.
 */
export function DonationEntryPage() {
  const t = useT();
  const label = useLabel();
  const options = useLabelOptions();
  const yuanRule = useYuanRule();
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const send = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES);
  const session = useSessionGifts();
  const [mode, setMode] = useState<TDonationForm>('money');
  const [organizationId, setOrganizationId] = useState(user.organizationId);
  const [last, setLast] = useState<TDonation | null>(null);
  const donorRef = useRef<RefSelectProps>(null);
  const amountRef = useRef<InputRef>(null);
  const newDonorRef = useRef<HTMLDivElement>(null);
  const donor = Form.useWatch('donor', form);
  const items = (Form.useWatch('items', form) as ItemRow[] | undefined) ?? [];
  // Opened from a donor's page (?donor=…): the gift is theirs, booked with their organization.
  const [params] = useSearchParams();
  const givenId = params.get('donor');
  const givenPledge = params.get('pledge');
  const given = useQuery({
    queryKey: keys.donor(givenId ?? ''),
    queryFn: ({ signal }) => fetchDonor(givenId ?? '', signal),
    enabled: Boolean(givenId),
  });
  const givenDonor = given.data;
  const [appliedDonor, setAppliedDonor] = useState<string | null>(null);
  if (givenDonor && appliedDonor !== givenDonor.id) {
    setAppliedDonor(givenDonor.id);
    setOrganizationId(givenDonor.organizationId);
  }
  useEffect(() => {
    if (!givenDonor) return;
    form.setFieldValue('donor', { kind: 'existing', donor: givenDonor } satisfies DonorChoice);
    amountRef.current?.focus();
  }, [givenDonor, form]);
  const newDonorName = donor?.kind === 'new' ? donor.name : null;
  // A new donor's salutation comes next, once its fields are there.
  useEffect(() => {
    if (newDonorName !== null) newDonorRef.current?.querySelector('input')?.focus();
  }, [newDonorName]);

  /** Focuses a field once React has shown it. */
  const focusSoon = (target: () => { focus: () => void } | null | undefined) =>
    window.setTimeout(() => target()?.focus(), 0);

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<TDonation> => {
      let chosen: TDonor;
      if (values.donor?.kind === 'existing') {
        chosen = values.donor.donor;
      } else {
        chosen = await createDonor({
          organizationId,
          kind: 'person',
          name: values.donor?.name.trim() ?? '',
          salutation: values.newDonor?.salutation ?? null,
          phone: values.newDonor?.phone?.trim() || null,
        });
        // Registered now: a retry of this gift books it to this donor, and registers nobody again.
        form.setFieldValue('donor', { kind: 'existing', donor: chosen } satisfies DonorChoice);
      }
      const body: TCreateDonationRequest = {
        organizationId,
        donorId: chosen.id,
        form: mode,
        designation: designationOf(values.designation),
        displayAs: values.displayAs,
        receivedOn: toBusinessDate(values.receivedOn) ?? '',
        pledgeId: values.pledgeId ?? null,
        note: values.note?.trim() || null,
        ...(mode === 'money'
          ? { method: values.method, amount: yuanTextToFen(values.amount) ?? 0 }
          : {
              items: values.items.map((row) => ({
                name: row.name?.trim() ?? '',
                quantity: row.quantity ?? 0,
                unit: row.unit?.trim() || null,
                unitValue: yuanTextToFen(row.unitValue) ?? 0,
                valuationBasis: row.valuationBasis?.trim() ?? '',
              })),
            }),
      };
      return send((key) => recordDonation(key, body));
    },
    onSuccess: async (saved) => {
      session.add(saved);
      setLast(saved);
      form.resetFields(PER_GIFT);
      focusSoon(() => donorRef.current);
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
    onError: (error) => {
      setLast(null);
      refuse(error);
    },
  });

  const changeOrganization = (id: string | null) => {
    if (!id || id === organizationId) return;
    setOrganizationId(id);
    form.resetFields(['donor', 'newDonor', 'designation']);
  };

  const itemsTotal = items.reduce((sum, row) => sum + itemValue(row), 0);

  return (
    <>
      <div className="tx-page-title-row">
        <h1>{t('funds.entry.title')}</h1>
        <Segmented<TDonationForm>
          value={mode}
          onChange={(next) => {
            setMode(next);
            clearRefusal();
          }}
          options={[
            { value: 'money', label: t('funds.entry.modeMoney') },
            { value: 'goods', label: t('funds.entry.modeGoods') },
          ]}
          data-testid="entry-mode"
        />
      </div>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={15}>
          <Card
            title={t(mode === 'money' ? 'funds.entry.moneyCard' : 'funds.entry.goodsCard')}
            extra={
              <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {t('funds.entry.organization')}
                </Typography.Text>
                <OrganizationSelect
                  style={{ width: 240 }}
                  value={organizationId}
                  valueLabel={organizationId === user.organizationId ? user.organizationName : null}
                  onChange={changeOrganization}
                />
              </div>
            }
          >
            {last && (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="entry-booked"
                title={t('funds.entry.booked', {
                  name: last.donorName,
                  amount: formatYuan(last.amount) ?? '',
                  designation: last.designationText,
                })}
              />
            )}
            {refusal && <ErrorAlert error={refusal.error} extra={refusal.extra} />}
            <Form<Values>
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={{
                method: 'bank_transfer',
                items: [{ quantity: 1 }],
                designation: { kind: 'unrestricted' },
                displayAs: 'full_name',
                receivedOn: fromBusinessDate(beijingToday()),
              }}
              onFinish={(values) => {
                clearRefusal();
                once(() => mutation.mutateAsync(values));
              }}
              scrollToFirstError={{ block: 'center' }}
            >
              <Form.Item
                name="donor"
                label={t('funds.field.donor')}
                rules={[{ required: true, message: t('funds.entry.donorRequired') }]}
              >
                <DonorPicker
                  ref={donorRef}
                  organizationId={organizationId}
                  autoFocus
                  onChange={(choice) => {
                    form.setFieldValue('pledgeId', null);
                    // Form.Item keeps the choice; the focus goes on to what is to be typed next.
                    if (choice?.kind === 'existing') focusSoon(() => amountRef.current);
                  }}
                />
              </Form.Item>
              {donor?.kind === 'new' && (
                <div className="tx-form-section" style={{ marginBottom: 16 }} data-testid="new-donor" ref={newDonorRef}>
                  <Row gutter={12}>
                    <Col xs={24} sm={10}>
                      <Form.Item name={['newDonor', 'salutation']} label={t('funds.donor.salutation')}>
                        <Radio.Group optionType="button" options={options(SALUTATION.labels, SALUTATION.values)} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={14}>
                      <Form.Item
                        name={['newDonor', 'phone']}
                        label={t('funds.donor.phoneOptional')}
                        rules={[{ pattern: PHONE_PATTERN, message: t('funds.donor.phoneFormat') }]}
                      >
                        <Input inputMode="tel" maxLength={30} autoComplete="off" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: -8, fontSize: 12 }}>
                    {t('funds.entry.newDonorHint', { name: donor.name })}
                  </Typography.Text>
                </div>
              )}
              {mode === 'money' ? (
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name="amount"
                      label={t('funds.field.amountYuan')}
                      rules={[
                        { required: true, message: t('funds.entry.amountRequired') },
                        yuanRule({ positive: true }),
                      ]}
                    >
                      <Input
                        ref={amountRef}
                        prefix="¥"
                        inputMode="decimal"
                        placeholder="0.00"
                        autoComplete="off"
                        className="tx-amount-input"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={14}>
                    <Form.Item name="method" label={t('funds.field.method')}>
                      <Radio.Group
                        optionType="button"
                        options={options(PAYMENT_METHOD.labels, PAYMENT_METHOD.values)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ) : (
                <GoodsItems />
              )}
              <PledgeField
                organizationId={organizationId}
                donorId={donor?.kind === 'existing' ? donor.donor.id : null}
                preset={givenPledge}
              />
              <DesignationFields organizationId={organizationId} />
              <Row gutter={12}>
                <Col xs={24} md={14}>
                  <Form.Item name="displayAs" label={t('funds.field.displayAs')}>
                    <Radio.Group optionType="button" options={options(DONOR_DISPLAY.labels, DONOR_DISPLAY.values)} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item
                    name="receivedOn"
                    label={t('funds.field.receivedOn')}
                    rules={[{ required: true, message: t('funds.entry.receivedOnRequired') }]}
                  >
                    <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="note" label={t('funds.field.noteOptional')}>
                <Input maxLength={500} placeholder={t('funds.entry.notePlaceholder')} autoComplete="off" />
              </Form.Item>
              <div className="tx-entry-submit">
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  <EnterOutlined /> {t(mode === 'money' ? 'funds.entry.keyboardHint' : 'funds.entry.keyboardHintGoods')}
                </Typography.Text>
                <Button
                  type="primary"
                  htmlType="submit"
                  size="large"
                  loading={mutation.isPending}
                  data-testid="entry-submit"
                >
                  {mode === 'goods' && itemsTotal > 0
                    ? t('funds.entry.submitGoods', { amount: formatYuan(itemsTotal) ?? '' })
                    : t('funds.entry.submit')}
                </Button>
              </div>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <SessionGiftList gifts={session.gifts} onClear={session.clear} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 12 }}>
            {t('funds.entry.sideHint', { display: label(DONOR_DISPLAY.labels, 'surname') })}
          </Typography.Paragraph>
        </Col>
      </Row>
    </>
  );
}
