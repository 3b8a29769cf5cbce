import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PAYEE_KIND, ZPaymentBatchRequest, type TPayeeKind, type TProject } from '@tongxin/contracts';
import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { createPaymentBatch, fetchFundAccounts } from '../../../api/funds';
import { keys } from '../../../api/keys';
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
import { Money } from '../shared/Money';

type PayeeRow = { payeeKind?: TPayeeKind; payeeName?: string; amount?: string };
type Values = { title?: string; on: Dayjs | null; items: PayeeRow[] };

const FIELDS = ['title', 'on', 'items', 'items.*.payeeKind', 'items.*.payeeName', 'items.*.amount'];
const ALIASES = { approvedOn: 'on' };
const CODE_FIELDS = { FUNDS_PERIOD_CLOSED: 'on' };

type Props = { project: TProject; open: boolean; onClose: () => void };

/**
 * 新建发放批次: sets the project's money aside for a list of payees — households, persons, suppliers —
 * each with an amount; every payee is then marked paid or failed. Mount anew (a new `key`) for each opening.
 */
export function PaymentBatchDrawer({ project, open, onClose }: Props) {
  const t = useT();
  const options = useLabelOptions();
  const zodRule = useZodRule();
  const yuanRule = useYuanRule();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const once = useSingleFlight();
  const send = useIdempotencyKey();
  const [form] = Form.useForm<Values>();
  const { refusal, refuse, clearRefusal } = useServerRefusal(form, FIELDS, ALIASES, CODE_FIELDS);
  const rows = (Form.useWatch('items', form) as PayeeRow[] | undefined) ?? [];
  const total = rows.reduce((sum, row) => sum + (yuanTextToFen(row.amount ?? null) ?? 0), 0);
  const accountQuery = { organizationId: project.ownerOrganizationId, kind: 'project_fund' as const };
  const accounts = useQuery({
    queryKey: keys.fundAccounts(accountQuery),
    queryFn: ({ signal }) => fetchFundAccounts(accountQuery, signal),
  });
  const available = accounts.data?.items
    .filter((account) => account.projectId === project.id && account.form === 'money')
    .reduce((sum, account) => sum + account.balance, 0);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      send((key) =>
        createPaymentBatch(key, {
          projectId: project.id,
          form: 'money',
          title: values.title?.trim() ?? '',
          approvedOn: toBusinessDate(values.on) ?? '',
          items: values.items.map((row) => ({
            payeeKind: row.payeeKind ?? 'person',
            payeeName: row.payeeName?.trim() ?? '',
            amount: yuanTextToFen(row.amount ?? null) ?? 0,
          })),
        }),
      ),
    onSuccess: async (saved) => {
      void message.success(
        t('funds.batch.created', {
          title: saved.title,
          count: saved.items.length,
          amount: formatYuan(saved.total) ?? '',
        }),
      );
      onClose();
      await queryClient.invalidateQueries({ queryKey: keys.funds });
    },
    onError: refuse,
  });

  const itemShape = ZPaymentBatchRequest.shape.items.element.shape;

  return (
    <FormDrawer
      form={form}
      open={open}
      title={t('funds.batch.newTitle', { name: project.name })}
      size={680}
      submitLabel={t('funds.batch.submit')}
      isSaving={mutation.isPending}
      refusal={refusal}
      onClose={onClose}
      preface={
        available !== undefined && (
          <Alert
            type={available > 0 ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={t('funds.batch.available', { amount: formatYuan(available) ?? '' })}
            description={available > 0 ? t('funds.batch.availableHint') : t('funds.batch.nothingHint')}
          />
        )
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ on: fromBusinessDate(beijingToday()), items: [{ payeeKind: 'household' }] }}
        onFinish={(values) => {
          clearRefusal();
          once(() => mutation.mutateAsync(values));
        }}
        scrollToFirstError={{ block: 'center' }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={15}>
            <Form.Item
              name="title"
              label={t('funds.batch.title')}
              required
              rules={[zodRule(ZPaymentBatchRequest.shape.title, { required: true })]}
            >
              <Input autoFocus maxLength={100} placeholder={t('funds.batch.titlePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={9}>
            <Form.Item
              name="on"
              label={t('funds.batch.approvedOn')}
              rules={[{ required: true, message: t('funds.dateRequired') }]}
            >
              <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List
          name="items"
          rules={[
            {
              validator: (_rule, value: unknown[] | undefined) =>
                value && value.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('funds.batch.payeesRequired'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div className="tx-form-section" style={{ paddingBottom: 12 }}>
              <div className="tx-form-heading">{t('funds.batch.payees')}</div>
              {fields.map((field, index) => (
                <div key={field.key} className="tx-form-row" data-testid="payee-row">
                  <Form.Item
                    name={[field.name, 'payeeKind']}
                    label={index === 0 ? t('funds.batch.payeeKind') : undefined}
                    style={{ width: 110, flex: 'none' }}
                  >
                    <Select
                      aria-label={t('funds.batch.payeeKind')}
                      options={options(PAYEE_KIND.labels, PAYEE_KIND.values)}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'payeeName']}
                    label={index === 0 ? t('funds.batch.payeeName') : undefined}
                    style={{ flex: 1, minWidth: 0 }}
                    rules={[zodRule(itemShape.payeeName, { required: true })]}
                  >
                    <Input aria-label={t('funds.batch.payeeName')} maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    label={index === 0 ? t('funds.field.amountYuan') : undefined}
                    style={{ width: 150, flex: 'none' }}
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
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ payeeKind: 'household' })}>
                  {t('funds.batch.addPayee')}
                </Button>
                <span data-testid="batch-total">
                  <Typography.Text type="secondary">{t('funds.batch.total', { count: fields.length })}</Typography.Text>
                  <Money
                    fen={total}
                    strong
                    style={{
                      fontSize: 16,
                      marginInlineStart: 8,
                      color: available !== undefined && total > available ? '#cf1322' : undefined,
                    }}
                  />
                </span>
              </div>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
        <HiddenSubmit />
      </Form>
    </FormDrawer>
  );
}
