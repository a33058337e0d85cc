// The home's server state: one read, shaped by the caller's role on the server.
import { useQuery } from '@tanstack/react-query';
import { getHome } from '../../api/operations';
import { run } from '../../lib/apiQuery';

/** How many items each home list shows. */
export const HOME_ITEMS = 5;

export const homeKeys = { all: ['home'] as const, of: (items: number) => ['home', items] as const };

export function useHome(items: number = HOME_ITEMS) {
  return useQuery({
    queryKey: homeKeys.of(items),
    queryFn: ({ signal }) => run((clients) => getHome(clients.home, { items }), signal),
  });
}
