import {
  AccountBookOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  ReadOutlined,
  ProjectOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { TCapability } from '@tongxin/contracts';
import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import type { MessageKey } from './i18n/zh-CN';
import { RequireCapability } from './session/RequireCapability';

/**
 * A page listed under its module's menu entry, at /<module>/<key>; it may ask more than the module does.
 * `listsItems`: the list whose items open at /<module>/<id> (a project under 项目列表), so that the menu and
 * the breadcrumb show where such an item belongs.
 */
export type ModulePage = { key: string; labelKey: MessageKey; capability?: TCapability; listsItems?: boolean };

/**
 * The modules of the app, in menu order. Adding a module is one entry here: its menu item (with sub-pages,
 * if it has several), the capability that shows it, and its routes (under /<key>; pages load on first visit).
 */
export type AppModule = {
  key: string;
  labelKey: MessageKey;
  icon: ReactNode;
  capability: TCapability;
  pages?: readonly ModulePage[];
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
    key: 'registry',
    labelKey: 'nav.registry',
    icon: <SolutionOutlined />,
    capability: 'read',
    pages: [
      { key: 'villages', labelKey: 'nav.registry.villages' },
      { key: 'households', labelKey: 'nav.registry.households' },
      { key: 'monitored', labelKey: 'nav.registry.monitored' },
      { key: 'import', labelKey: 'nav.registry.import', capability: 'write' },
    ],
    routes: [
      { path: 'registry', element: <Navigate to="/registry/households" replace /> },
      {
        path: 'registry/villages',
        lazy: async () => ({ Component: (await import('./pages/registry/villages/VillagesPage')).VillagesPage }),
      },
      {
        path: 'registry/villages/:villageId',
        lazy: async () => ({ Component: (await import('./pages/registry/villages/VillagePage')).VillagePage }),
      },
      {
        path: 'registry/households',
        lazy: async () => ({
          Component: (await import('./pages/registry/households/HouseholdsPage')).HouseholdsPage,
        }),
      },
      {
        path: 'registry/households/:householdId',
        lazy: async () => ({ Component: (await import('./pages/registry/card/HouseholdPage')).HouseholdPage }),
      },
      {
        path: 'registry/monitored',
        lazy: async () => ({ Component: (await import('./pages/registry/households/MonitoredPage')).MonitoredPage }),
      },
      {
        element: <RequireCapability capability="write" />,
        children: [
          {
            path: 'registry/import',
            lazy: async () => ({ Component: (await import('./pages/registry/import/ImportPage')).ImportPage }),
          },
        ],
      },
    ],
  },
  {
    key: 'projects',
    labelKey: 'nav.projects',
    icon: <ProjectOutlined />,
    capability: 'read',
    pages: [
      { key: 'list', labelKey: 'nav.projects.list', listsItems: true },
      { key: 'supervision', labelKey: 'nav.projects.supervision' },
    ],
    routes: [
      { path: 'projects', element: <Navigate to="/projects/list" replace /> },
      {
        path: 'projects/list',
        lazy: async () => ({ Component: (await import('./pages/projects/ProjectsPage')).ProjectsPage }),
      },
      {
        path: 'projects/supervision',
        lazy: async () => ({ Component: (await import('./pages/projects/SupervisionPage')).SupervisionPage }),
      },
      {
        path: 'projects/:projectId',
        lazy: async () => ({ Component: (await import('./pages/projects/ProjectPage')).ProjectPage }),
      },
    ],
  },
  {
    key: 'funds',
    labelKey: 'nav.funds',
    icon: <AccountBookOutlined />,
    capability: 'read',
    pages: [
      { key: 'entry', labelKey: 'nav.funds.entry', capability: 'write' },
      { key: 'donations', labelKey: 'nav.funds.donations' },
      { key: 'donors', labelKey: 'nav.funds.donors' },
      { key: 'pledges', labelKey: 'nav.funds.pledges' },
      { key: 'accounts', labelKey: 'nav.funds.accounts' },
      { key: 'journal', labelKey: 'nav.funds.journal' },
    ],
    routes: [
      { path: 'funds', element: <Navigate to="/funds/donations" replace /> },
      {
        element: <RequireCapability capability="write" />,
        children: [
          {
            path: 'funds/entry',
            lazy: async () => ({ Component: (await import('./pages/funds/DonationEntryPage')).DonationEntryPage }),
          },
        ],
      },
      {
        path: 'funds/donations',
        lazy: async () => ({ Component: (await import('./pages/funds/DonationsPage')).DonationsPage }),
      },
      {
        path: 'funds/donations/:donationId',
        lazy: async () => ({ Component: (await import('./pages/funds/DonationPage')).DonationPage }),
      },
      {
        path: 'funds/donors',
        lazy: async () => ({ Component: (await import('./pages/funds/DonorsPage')).DonorsPage }),
      },
      {
        path: 'funds/donors/:donorId',
        lazy: async () => ({ Component: (await import('./pages/funds/DonorPage')).DonorPage }),
      },
      {
        path: 'funds/pledges',
        lazy: async () => ({ Component: (await import('./pages/funds/PledgesPage')).PledgesPage }),
      },
      {
        path: 'funds/pledges/:pledgeId',
        lazy: async () => ({ Component: (await import('./pages/funds/PledgePage')).PledgePage }),
      },
      {
        path: 'funds/journal',
        lazy: async () => ({ Component: (await import('./pages/funds/JournalPage')).JournalPage }),
      },
      {
        path: 'funds/accounts',
        lazy: async () => ({ Component: (await import('./pages/funds/FundAccountsPage')).FundAccountsPage }),
      },
    ],
  },
  {
    key: 'statistics',
    labelKey: 'nav.stats',
    icon: <BarChartOutlined />,
    capability: 'read',
    pages: [
      { key: 'dashboard', labelKey: 'nav.stats.dashboard' },
      { key: 'annual', labelKey: 'nav.stats.annual' },
      { key: 'disclosures', labelKey: 'nav.stats.disclosures' },
    ],
    routes: [
      { path: 'statistics', element: <Navigate to="/statistics/dashboard" replace /> },
      {
        path: 'statistics/dashboard',
        lazy: async () => ({ Component: (await import('./pages/statistics/DashboardPage')).DashboardPage }),
      },
      {
        path: 'statistics/annual',
        lazy: async () => ({ Component: (await import('./pages/statistics/AnnualPackPage')).AnnualPackPage }),
      },
      {
        path: 'statistics/disclosures',
        lazy: async () => ({
          Component: (await import('./pages/statistics/DisclosureBoardPage')).DisclosureBoardPage,
        }),
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
  {
    key: 'publications',
    labelKey: 'nav.publications',
    icon: <ReadOutlined />,
    capability: 'read',
    routes: [
      {
        path: 'publications',
        lazy: async () => ({ Component: (await import('./pages/publications/PublicationsPage')).PublicationsPage }),
      },
    ],
  },
];

export function moduleOfPath(pathname: string): AppModule | undefined {
  const first = pathname.split('/')[1] ?? '';
  return MODULES.find((module) => module.key === first);
}

/**
 * The sub-page of a module the path is on (/registry/households/… → households; /projects/<id> → the project
 * list), if the module has pages.
 */
export function pageOfPath(pathname: string): ModulePage | undefined {
  const second = pathname.split('/')[2] ?? '';
  const pages = moduleOfPath(pathname)?.pages;
  return pages?.find((page) => page.key === second) ?? (second ? pages?.find((page) => page.listsItems) : undefined);
}
