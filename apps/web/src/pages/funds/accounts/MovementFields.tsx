import { Button, DatePicker, Form, Input } from 'antd';
import { useT } from '../../../i18n/useT';
import { isAfterToday } from '../../../lib/dates';
import { fenToYuanText, formatYuan, useYuanRule } from '../../../lib/money';

/**
 * The amount and the date of moving money out of a fund, with what the fund holds beside the amount (and a
 * button to take all of it). Whether the fund holds enough is the server's to say.
 */
export function MovementFields({ balance }: { balance: number }) {
  const t = useT();
  const yuanRule = useYuanRule();
  const form = Form.useFormInstance();
  return (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
      <Form.Item
        name="amount"
        label={t('funds.field.amountYuan')}
        style={{ flex: '1 1 220px' }}
        extra={
          <span>
            {t('funds.move.available', { amount: formatYuan(balance) ?? '' })}
            <Button
              type="link"
              size="small"
              style={{ padding: '0 0 0 8px', height: 'auto' }}
              onClick={() => form.setFields([{ name: 'amount', value: fenToYuanText(balance), errors: [] }])}
            >
              {t('funds.move.all')}
            </Button>
          </span>
        }
        rules={[{ required: true, message: t('funds.entry.amountRequired') }, yuanRule({ positive: true })]}
      >
        <Input prefix="¥" inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="on"
        label={t('funds.move.on')}
        style={{ flex: '0 1 180px' }}
        rules={[{ required: true, message: t('funds.dateRequired') }]}
      >
        <DatePicker disabledDate={isAfterToday} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
    </div>
  );
}
