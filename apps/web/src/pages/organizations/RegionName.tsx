import { useQuery } from '@tanstack/react-query';
import { keys } from '../../api/keys';
import { fetchRegion } from '../../api/regions';

/** The full name of a region code (cached), falling back to the code. */
export function RegionName({ code }: { code: string }) {
  const region = useQuery({
    queryKey: keys.region(code),
    queryFn: ({ signal }) => fetchRegion(code, signal),
    staleTime: Infinity,
    retry: false,
  });
  return <>{region.data?.fullName ?? code}</>;
}
