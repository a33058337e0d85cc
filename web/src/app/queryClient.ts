import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from '../lib/apiQuery';

/**
 * The dashboard's one cache. Reads are retried once after a network failure or a 5xx (a brief hiccup
 * of the API or the network), never after a 4xx; writes are never retried by TanStack (the wrapper
 * already repeats a change refused only for a stale antiforgery token). No refetch on window focus:
 * a page shows what it read until the user moves on, changes something, or asks again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: {
        retry: false,
      },
    },
  });
}

export const queryClient = createQueryClient();
