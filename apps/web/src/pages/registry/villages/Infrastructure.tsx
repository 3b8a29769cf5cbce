import Icon, { CarOutlined, ThunderboltOutlined, WifiOutlined } from '@ant-design/icons';
import type { TVillage } from '@tongxin/contracts';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';

function DropSvg() {
  return (
    <svg viewBox="0 0 1024 1024" width="1em" height="1em" fill="currentColor" aria-hidden="true">
      <path d="M512 85.3c-8.5 0-16.6 4-21.8 10.8C463.7 131 234.7 430.4 234.7 618.7 234.7 771.8 359 896 512 896s277.3-124.2 277.3-277.3c0-188.3-229-487.7-255.5-522.6A27.4 27.4 0 0 0 512 85.3zm0 746.7c-117.6 0-213.3-95.7-213.3-213.3 0-124.8 141.1-335.8 213.3-434.7 72.2 98.9 213.3 309.9 213.3 434.7C725.3 736.3 629.6 832 512 832z" />
    </svg>
  );
}

export const INFRASTRUCTURE = ['hasHardenedRoad', 'hasTapWater', 'hasElectricity', 'hasBroadband'] as const;
export type InfrastructureKey = (typeof INFRASTRUCTURE)[number];

export const INFRASTRUCTURE_LABELS: Readonly<Record<InfrastructureKey, MessageKey>> = {
  hasHardenedRoad: 'registry.village.hasHardenedRoad',
  hasTapWater: 'registry.village.hasTapWater',
  hasElectricity: 'registry.village.hasElectricity',
  hasBroadband: 'registry.village.hasBroadband',
};

const ICONS: Readonly<Record<InfrastructureKey, ReactNode>> = {
  hasHardenedRoad: <CarOutlined />,
  hasTapWater: <Icon component={DropSvg} />,
  hasElectricity: <ThunderboltOutlined />,
  hasBroadband: <WifiOutlined />,
};

/** Road, tap water, electricity and broadband: four small icons in a list, green when the village has it. */
export function InfrastructureIcons({ village }: { village: TVillage }) {
  const t = useT();
  return (
    <span style={{ display: 'inline-flex', gap: 8, fontSize: 15 }}>
      {INFRASTRUCTURE.map((key) => {
        const has = village[key];
        const text = t(has ? 'registry.village.has' : 'registry.village.lacks', {
          what: t(INFRASTRUCTURE_LABELS[key]),
        });
        return (
          <Tooltip key={key} title={text}>
            <span role="img" aria-label={text} style={{ color: has ? '#389e0d' : '#c9cdd4' }}>
              {ICONS[key]}
            </span>
          </Tooltip>
        );
      })}
    </span>
  );
}

/** The same four as tags with words, for the village's page. */
export function InfrastructureTags({ village }: { village: TVillage }) {
  const t = useT();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 6 }}>
      {INFRASTRUCTURE.map((key) => {
        const has = village[key];
        return (
          <Tag key={key} icon={ICONS[key]} color={has ? 'success' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t(has ? 'registry.village.has' : 'registry.village.lacks', { what: t(INFRASTRUCTURE_LABELS[key]) })}
          </Tag>
        );
      })}
    </span>
  );
}
