import { useQuery } from '@tanstack/react-query';
import { keys } from '../../../api/keys';
import { fetchOrganization } from '../../../api/organizations';
import { useSessionUser } from '../../../session/SessionUserContext';

/**
 * The region of the signed-in user's organization, where region pickers start browsing (磴口县 for the
 * 磴口 association); null while loading, for national organizations, or when it cannot be read.
 */
export function useOwnRegion(): string | null {
  const user = useSessionUser();
  const organization = useQuery({
    queryKey: keys.org(user.organizationId),
    queryFn: ({ signal }) => fetchOrganization(user.organizationId, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const o = organization.data;
  return o && o.level !== 'national' ? o.regionCode : null;
}
