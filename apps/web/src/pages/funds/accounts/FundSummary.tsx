import type { TFundAccount } from '@tongxin/contracts';
import { Descriptions } from 'antd';
import { useT } from '../../../i18n/useT';
import { Money } from '../shared/Money';

/** The fund a movement draws on: its designation, its organization, what it holds. */
export function FundSummary({ fund }: { fund: TFundAccount }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      items={[
        { key: 'fund', label: t('funds.move.fund'), children: fund.designationText },
        { key: 'organization', label: t('funds.field.organization'), children: fund.organizationName },
        {
          key: 'balance',
          label: t('funds.accounts.balance'),
          children: <Money fen={fund.balance} strong testId="fund-balance" />,
        },
      ]}
    />
  );
}
