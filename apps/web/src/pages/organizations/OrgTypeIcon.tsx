import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  GiftOutlined,
  HeartOutlined,
  ReadOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TOrganizationType } from '@tongxin/contracts';
import type { ReactNode } from 'react';

const ICONS: Readonly<Record<TOrganizationType, ReactNode>> = {
  association: <ApartmentOutlined />,
  social_group: <TeamOutlined />,
  foundation: <GiftOutlined />,
  social_service: <HeartOutlined />,
  government: <AuditOutlined />,
  enterprise: <ShopOutlined />,
  bank: <BankOutlined />,
  school: <ReadOutlined />,
};

const COLORS: Readonly<Record<TOrganizationType, string>> = {
  association: '#c8102e',
  social_group: '#d46b08',
  foundation: '#c41d7f',
  social_service: '#08979c',
  government: '#1a5fb4',
  enterprise: '#7c5a1e',
  bank: '#389e0d',
  school: '#531dab',
};

export function OrgTypeIcon({ type }: { type: TOrganizationType }) {
  return <span style={{ color: COLORS[type], flex: 'none' }}>{ICONS[type]}</span>;
}
