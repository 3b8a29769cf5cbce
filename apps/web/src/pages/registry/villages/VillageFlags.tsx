import { VILLAGE_POVERTY_STATUS, type TVillage } from '@tongxin/contracts';
import { Tag } from 'antd';
import { useLabel } from '../../../i18n/useLabel';
import { useT } from '../../../i18n/useT';

const STATUS_COLORS = { not_poor: 'default', poor: 'volcano', exited: 'green' } as const;

/** 贫困村 · 老区村 · 易地搬迁安置点, as tags. */
export function VillageFlags({ village }: { village: TVillage }) {
  const t = useT();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {village.isPoorVillage && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('registry.village.poorVillage')}
        </Tag>
      )}
      {village.isOldBaseVillage && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('registry.village.oldBaseVillage')}
        </Tag>
      )}
      {village.isRelocationSite && (
        <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
          {t('registry.village.relocationSite')}
        </Tag>
      )}
    </span>
  );
}

/** 已出列（2018 年）, 贫困村, 非贫困村. */
export function PovertyStatusTag({ village }: { village: TVillage }) {
  const t = useT();
  const label = useLabel();
  const name = label(VILLAGE_POVERTY_STATUS.labels, village.povertyStatus);
  return (
    <Tag
      color={STATUS_COLORS[village.povertyStatus]}
      variant="filled"
      style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
    >
      {village.povertyStatus === 'exited' && village.exitYear
        ? t('registry.village.exitedIn', { status: name, year: village.exitYear })
        : name}
    </Tag>
  );
}
