// The API keys' server state: query keys, reads and writes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { versioned } from '../../api/api';
import type { CreateApiKeyRequest } from '../../api/client';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import { listApiKeys } from '../../api/operations';

const PAGE_SIZE = 50;

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  list: () => ['api-keys', 'list'] as const,
};

export function useApiKeyList() {
  return usePagedQuery(apiKeyKeys.list(), (clients, cursor) => listApiKeys(clients.apiKeys, { limit: PAGE_SIZE, cursor }));
}

/**
 * The answer carries the key's secret, shown once: the mutation is not kept once its form lets go of
 * it (gcTime 0, and the form resets it after handing the answer over).
 */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) => run((clients) => clients.apiKeys.createApiKey(body)),
    onSuccess: () => refreshAfterWrite(queryClient, apiKeyKeys.all),
    gcTime: 0,
  });
}

/** Revoking is a change like any other: it sends the ETag of the current version, read just now. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      run(async (clients) => {
        const current = versioned(await clients.apiKeys.getApiKey(id));
        await clients.apiKeys.revokeApiKey(id, current.etag);
      }),
    onSuccess: () => refreshAfterWrite(queryClient, apiKeyKeys.all),
  });
}
