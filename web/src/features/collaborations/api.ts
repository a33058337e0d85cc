// Collaboration projects' server state: the list (keyset pages), one project with its ETag, creating and editing one,
// its partners and its moves. The generated client is made here, so it lands in this feature's chunk.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CollaborationProjectsClient,
  type CollaborationPartnerRequest,
  type CollaborationProjectDto,
  type CollaborationTransitionRequest,
  type CreateCollaborationProjectRequest,
  type UpdateCollaborationProjectRequest,
} from '../../api/client';
import { getCollaborationProjectHistory, listCollaborationProjects, type ListCollaborationProjectsParameters } from '../../api/operations';
import { versioned, type Clients, type Versioned } from '../../api/api';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import type { CollaborationFilters } from './collaborations';

export const collaborationKeys = {
  all: ['collaborations'] as const,
  list: (filters: CollaborationFilters) => ['collaborations', 'list', filters] as const,
  of: (filter: ListCollaborationProjectsParameters) => ['collaborations', 'of', filter] as const,
  detail: (id: number) => ['collaborations', 'detail', id] as const,
  history: (id: number) => ['collaborations', 'history', id] as const,
};

export function useCollaborationList(filters: CollaborationFilters) {
  return usePagedQuery(collaborationKeys.list(filters), (clients, cursor) =>
    listCollaborationProjects(clients.make(CollaborationProjectsClient), {
      state: filters.state ? [filters.state] : undefined,
      clusterCode: filters.clusterCode,
      agencyCode: filters.agencyCode,
      q: filters.q,
      limit: 50,
      cursor,
    }),
  );
}

/** The projects of one cluster or one meeting (a page's section): the first 50, newest first. */
export function useCollaborationsOf(filter: Pick<ListCollaborationProjectsParameters, 'clusterId' | 'meetingId'>) {
  return useQuery({
    queryKey: collaborationKeys.of(filter),
    queryFn: ({ signal }) => run((clients) => listCollaborationProjects(clients.make(CollaborationProjectsClient), { ...filter, limit: 50 }), signal),
  });
}

export function useCollaboration(id: number) {
  return useQuery({
    queryKey: collaborationKeys.detail(id),
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.make(CollaborationProjectsClient).getCollaborationProject(id, signal)), signal),
  });
}

export function fetchCollaborationHistory(clients: Clients, id: number, limit: number, cursor: string | undefined) {
  return getCollaborationProjectHistory(clients.make(CollaborationProjectsClient), { id, limit, cursor });
}

export function useCreateCollaboration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCollaborationProjectRequest) => run((clients) => clients.make(CollaborationProjectsClient).createCollaborationProject(body)),
    onSuccess: () => refreshAfterWrite(queryClient, collaborationKeys.all),
  });
}

/** A change of one loaded project (edit, partner, move) with its ETag; the answer is the project's next version. */
function useProjectChange<Body>(
  project: Versioned<CollaborationProjectDto> | undefined,
  send: (client: CollaborationProjectsClient, id: number, etag: string, body: Body) => Promise<{ headers: Record<string, unknown>; result: CollaborationProjectDto }>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      run(async (clients) => {
        if (!project) throw new Error('The project is not loaded.');
        return versioned(await send(clients.make(CollaborationProjectsClient), project.value.id, project.etag, body));
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(collaborationKeys.detail(next.value.id), next);
      refreshAfterWrite(queryClient, collaborationKeys.all);
    },
  });
}

export function useReplaceCollaboration(project: Versioned<CollaborationProjectDto> | undefined) {
  return useProjectChange<UpdateCollaborationProjectRequest>(project, (c, id, etag, body) => c.replaceCollaborationProject(id, etag, body));
}

export function useAddPartner(project: Versioned<CollaborationProjectDto>) {
  return useProjectChange<CollaborationPartnerRequest>(project, (c, id, etag, body) => c.addCollaborationPartner(id, etag, body));
}

export function useRemovePartner(project: Versioned<CollaborationProjectDto>) {
  return useProjectChange<number>(project, (c, id, etag, partnerId) => c.removeCollaborationPartner(id, partnerId, etag));
}

export function useMoveCollaboration(project: Versioned<CollaborationProjectDto>) {
  return useProjectChange<CollaborationTransitionRequest>(project, (c, id, etag, body) => c.moveCollaborationProject(id, etag, body));
}
