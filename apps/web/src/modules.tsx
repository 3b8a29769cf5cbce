import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import type { TCapability } from '@tongxin/contracts';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { MessageKey } from './i18n/zh-CN';

/**
 * The modules of the app, in menu order. Adding a module is one entry here: its menu item, the capability
 * that shows it, and its routes (under /<key>; pages load on first visit).
 */
export type AppModule = {
  key: string;
  labelKey: MessageKey;
  icon: ReactNode;
  capability: TCapability;
  routes: RouteObject[];
};

export const MODULES: readonly AppModule[] = [
  {
    key: 'organizations',
    labelKey: 'nav.organizations',
    icon: <ApartmentOutlined />,
    capability: 'read',
    routes: [
      {
        path: 'organizations/:orgId?',
        lazy: async () => ({ Component: (await import('./pages/organizations/OrganizationsPage')).OrganizationsPage }),
      },
    ],
  },
  {
    key: 'users',
    labelKey: 'nav.users',
    icon: <TeamOutlined />,
    capability: 'manage_users',
    routes: [
      {
        path: 'users',
        lazy: async () => ({ Component: (await import('./pages/users/UsersPage')).UsersPage }),
      },
    ],
  },
];

export function moduleOfPath(pathname: string): AppModule | undefined {
  const first = pathname.split('/')[1] ?? '';
  return MODULES.find((module) => module.key === first);
}
