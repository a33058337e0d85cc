// The user accounts' server state: query keys, reads and writes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned, type Versioned } from '../../api/api';
import type { CreateUserRequest, Role, UpdateUserRequest, UserDto, UserStatus } from '../../api/client';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import { listUsers } from '../../api/operations';

const PAGE_SIZE = 50;

export type UserFilters = {
  role?: Role;
  status?: UserStatus;
  q?: string;
};

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
  history: (id: number) => ['users', 'history', id] as const,
};

export function useUserList(filters: UserFilters) {
  return usePagedQuery(userKeys.list(filters), (clients, cursor) =>
    listUsers(clients.users, {
      role: filters.role ? [filters.role] : undefined,
      status: filters.status ? [filters.status] : undefined,
      q: filters.q,
      limit: PAGE_SIZE,
      cursor,
    }),
  );
}

/**
 * The account with its ETag. Every change on its page moves the account's version, so the page
 * reads it afresh each time it opens and after each change (the invalidation refetches it).
 */
export function useUser(id: number) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.users.getUser(id)), signal),
    gcTime: 0,
  });
}

function useUserWrite<V, R>(write: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => refreshAfterWrite(queryClient, userKeys.all) });
}

export function useCreateUser() {
  return useUserWrite((body: CreateUserRequest) => run((clients) => clients.users.createUser(body)));
}

export function useReplaceUser() {
  return useUserWrite(({ loaded, body }: { loaded: Versioned<UserDto>; body: UpdateUserRequest }) =>
    run((clients) => clients.users.replaceUser(loaded.value.id, loaded.etag, body)),
  );
}

export function useUnlockUser() {
  return useUserWrite((id: number) => run((clients) => clients.users.unlockUser(id)));
}
