import { PlusOutlined } from '@ant-design/icons';
import { ZDonationItem } from '@tongxin/contracts';
import { AutoComplete, Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { RemoveRowButton } from '../../../forms/RemoveRowButton';
import { useZodRule } from '../../../forms/useZodRule';
import { useT } from '../../../i18n/useT';
import { useYuanRule, yuanTextToFen } from '../../../lib/money';
import { Money } from '../shared/Money';

export type ItemRow = {
  name?: string;
  quantity?: number | null;
  unit?: string;
  /** Yuan, as typed. */
  unitValue?: string;
  valuationBasis?: string;
};

export const ITEM_FIELDS = [
  'items',
  'items.*.name',
  'items.*.quantity',
  'items.*.unit',
  'items.*.unitValue',
  'items.*.valuationBasis',
];

/** The value of a row in fen, once its quantity and unit value read. */
export function itemValue(row: ItemRow | undefined): number {
  const unit = yuanTextToFen(row?.unitValue ?? null);
  return row?.quantity && unit ? row.quantity * unit : 0;
}

/** 物资明细: one row per kind of goods, with the total the gift is booked at. */
export function GoodsItems() {
  const t = useT();
  const zodRule = useZodRule();
  const yuanRule = useYuanRule();
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('items', form) as ItemRow[] | undefined) ?? [];
  const total = rows.reduce((sum, row) => sum + itemValue(row), 0);
  const shape = ZDonationItem.shape;
  const bases = ['invoice', 'market', 'appraisal', 'donorDeclared'] as const;
  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: (_rule, value: unknown[] | undefined) =>
            value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('funds.goods.itemsRequired'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="tx-form-section" style={{ paddingBottom: 12, marginBottom: 16 }}>
          <div className="tx-form-heading">{t('funds.goods.heading')}</div>
          {fields.map((field, index) => (
            <div key={field.key} data-testid="goods-row">
              <Row gutter={8} wrap>
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={index === 0 ? t('funds.goods.name') : undefined}
                    rules={[zodRule(shape.name, { required: true })]}
                  >
                    <Input aria-label={t('funds.goods.name')} placeholder={t('funds.goods.namePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={3}>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    label={index === 0 ? t('funds.goods.quantity') : undefined}
                    rules={[{ required: true, message: t('funds.goods.quantityRequired') }]}
                  >
                    <InputNumber
                      aria-label={t('funds.goods.quantity')}
                      min={1}
                      max={1e9}
                      precision={0}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={6} md={3}>
                  <Form.Item
                    name={[field.name, 'unit']}
                    label={index === 0 ? t('funds.goods.unit') : undefined}
                    rules={[zodRule(shape.unit)]}
                  >
                    <Input aria-label={t('funds.goods.unit')} placeholder={t('funds.goods.unitPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={4}>
                  <Form.Item
                    name={[field.name, 'unitValue']}
                    label={index === 0 ? t('funds.goods.unitValue') : undefined}
                    rules={[{ required: true, message: t('funds.goods.unitValueRequired') }, yuanRule()]}
                  >
                    <Input aria-label={t('funds.goods.unitValue')} prefix="¥" inputMode="decimal" />
                  </Form.Item>
                </Col>
                <Col xs={20} md={6}>
                  <Form.Item
                    name={[field.name, 'valuationBasis']}
                    label={index === 0 ? t('funds.goods.valuationBasis') : undefined}
                    rules={[zodRule(shape.valuationBasis, { required: true })]}
                  >
                    <AutoComplete
                      aria-label={t('funds.goods.valuationBasis')}
                      placeholder={t('funds.goods.valuationBasisPlaceholder')}
                      options={bases.map((basis) => ({ value: t(`funds.goods.basis.${basis}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                  <RemoveRowButton onClick={() => remove(field.name)} />
                </Col>
              </Row>
              {itemValue(rows[index]) > 0 && (
                <div className="tx-goods-subtotal">
                  {t('funds.goods.subtotal')}
                  <Money fen={itemValue(rows[index])} />
                </div>
              )}
            </div>
          ))}
          <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })}>
              {t('funds.goods.add')}
            </Button>
            <span data-testid="goods-total">
              <Typography.Text type="secondary">{t('funds.goods.total', { count: fields.length })}</Typography.Text>
              <Money fen={total} strong style={{ fontSize: 16, marginInlineStart: 8 }} />
            </span>
          </div>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
