// Saved views' server state: the caller's views of one list page, saving the current filters, deleting one (with the
// ETag read just before). The client class is made here, so it loads with the list pages, not the first screen.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned } from '../../api/api';
import { SavedViewsClient, type CreateSavedViewRequest, type SavedViewPage } from '../../api/client';
import { listSavedViews } from '../../api/operations';
import { refreshAfterWrite, run } from '../../lib/apiQuery';

export const savedViewKeys = {
  all: ['saved-views'] as const,
  page: (page: SavedViewPage) => ['saved-views', page] as const,
};

export function useSavedViews(page: SavedViewPage) {
  return useQuery({
    queryKey: savedViewKeys.page(page),
    queryFn: ({ signal }) => run((clients) => listSavedViews(clients.make(SavedViewsClient), { page }), signal),
  });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSavedViewRequest) => run((clients) => clients.make(SavedViewsClient).createSavedView(body)),
    onSuccess: () => refreshAfterWrite(queryClient, savedViewKeys.all),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      run(async (clients) => {
        const client = clients.make(SavedViewsClient);
        const current = versioned(await client.getSavedView(id));
        await client.deleteSavedView(id, current.etag);
      }),
    onSuccess: () => refreshAfterWrite(queryClient, savedViewKeys.all),
  });
}
