import { BENEFICIARY_GROUP, type TProject } from '@tongxin/contracts';
import { Typography } from 'antd';
import { useLabel } from '../../../i18n/useLabel';
import { useLang, useT } from '../../../i18n/useT';

type Props = { counts: TProject['beneficiaryCounts']; inline?: boolean };

/** Who benefits, counted by kind: “86 户、1 个合作社”, with the notes when shown in full. */
export function BeneficiaryList({ counts, inline = false }: Props) {
  const t = useT();
  const { lang } = useLang();
  const label = useLabel();
  const text = (count: TProject['beneficiaryCounts'][number]) =>
    t('projects.beneficiary.count', {
      count: count.count.toLocaleString(lang),
      unit: label(BENEFICIARY_GROUP.labels, count.group),
    });
  if (inline) {
    return <span style={{ whiteSpace: 'nowrap' }}>{counts.map(text).join(t('registry.listSeparator'))}</span>;
  }
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="beneficiaries">
      {counts.map((count, index) => (
        <div key={`${count.group}-${index}`}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{text(count)}</span>
          {count.note && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
              {count.note}
            </Typography.Text>
          )}
        </div>
      ))}
    </div>
  );
}
