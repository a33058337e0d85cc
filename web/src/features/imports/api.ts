// The imports' server state: the history of runs, and the upload that starts one.
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, type UploadRequest } from '../../api/api';
import { refreshAfterWrite, usePagedQuery } from '../../lib/apiQuery';
import { readImportAnswer, type ImportAnswer, type ImportableEntity } from './imports';
import { listImports } from '../../api/operations';

const PAGE_SIZE = 50;

export const importKeys = {
  all: ['imports'] as const,
  list: (entity: ImportableEntity | undefined) => ['imports', 'list', entity ?? null] as const,
};

/** What an import of each kind changes (besides its own history and the audit log). */
const CHANGES: Record<ImportableEntity, QueryKey> = {
  clusters: ['clusters'],
  agencies: ['agencies'],
  cluster_indicators: ['clusters'],
  council_seats: ['council'],
  council_memberships: ['council'],
  actors: ['actors'],
  site_projects: ['site-projects'],
  collaboration_projects: ['collaborations'],
  policy_recommendations: ['recommendations'],
};

export function useImportRuns(entity: ImportableEntity | undefined) {
  return usePagedQuery(importKeys.list(entity), (clients, cursor) => listImports(clients.imports, { entity, limit: PAGE_SIZE, cursor }));
}

export interface ImportUpload {
  entity: ImportableEntity;
  dryRun: boolean;
  request: UploadRequest;
  /** Choosing another file or kind stops a run still sending. */
  signal: AbortSignal;
}

/**
 * Sends a file (api.upload: XMLHttpRequest, for the progress bar). Any HTTP answer is the import's
 * answer (a 422 carries the report of the rejected rows); no answer at all is the Problem thrown.
 * A run with a report refreshes the history and, unless it was a dry run, what it imported.
 */
export function useImportUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ request, signal }: ImportUpload): Promise<ImportAnswer> => {
      const result = await api.upload(request, signal);
      if (result.kind === 'problem') throw result.problem;
      if (result.kind === 'aborted') throw new DOMException('The upload was aborted.', 'AbortError');
      return readImportAnswer(result.value);
    },
    onSuccess: (answer, { entity, dryRun }) => {
      if (answer.kind === 'report') refreshAfterWrite(queryClient, importKeys.all, ...(dryRun ? [] : [CHANGES[entity]]));
    },
  });
}
