import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { keys } from '../../api/keys';
import { fetchOrganizationTree } from '../../api/organizations';
import { buildForest, type OrgForest } from './buildTree';

/** The network in the user's scope, today (asOf null) or as it stood on a date. */
export function useOrganizationTree(asOf: string | null) {
  const query = useQuery({
    queryKey: keys.orgTree(asOf),
    queryFn: ({ signal }) => fetchOrganizationTree(asOf, signal),
    staleTime: asOf ? 5 * 60_000 : 30_000,
  });
  const forest: OrgForest | null = useMemo(() => (query.data ? buildForest(query.data.nodes) : null), [query.data]);
  return { ...query, forest };
}
