import type { QueryParams } from './client';

/** Query keys, so that a change can invalidate exactly what it touched. */
export const keys = {
  session: ['session'] as const,
  organizations: ['organizations'] as const,
  orgTree: (asOf: string | null) => ['organizations', 'tree', asOf ?? 'today'] as const,
  orgList: (query: QueryParams) => ['organizations', 'list', query] as const,
  org: (id: string) => ['organizations', 'one', id] as const,
  orgHistory: (id: string) => ['organizations', 'history', id] as const,
  orgMembers: (id: string) => ['organizations', 'members', id] as const,
  orgChildren: (id: string) => ['organizations', 'children', id] as const,
  audit: (query: QueryParams) => ['audit', query] as const,
  users: ['users'] as const,
  userList: (query: QueryParams) => ['users', 'list', query] as const,
  regions: (query: QueryParams) => ['regions', query] as const,
  region: (code: string) => ['regions', 'one', code] as const,
  regionRoots: (rootCode: string | null) => ['regions', 'roots', rootCode ?? 'provinces'] as const,
};
