// Innovation actors and site projects: server state. The generated clients are made here, so they load with these pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versioned, type Versioned } from '../../api/api';
import {
  ActorsClient,
  SiteProjectsClient,
  type ActorDto,
  type SiteProjectDto,
  type UpdateActorProfileRequest,
  type UpdateSiteProjectRequest,
} from '../../api/client';
import { countActorsBySector, listActors, listSiteProjects, type ListActorsParameters } from '../../api/operations';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';

export const actorKeys = {
  all: ['actors'] as const,
  counts: (clusterCode: string) => ['actors', 'counts', clusterCode] as const,
  list: (filter: ListActorsParameters) => ['actors', 'list', filter] as const,
  projects: (clusterCode: string) => ['site-projects', clusterCode] as const,
};

export function useSectorCounts(clusterCode: string) {
  return useQuery({
    queryKey: actorKeys.counts(clusterCode),
    queryFn: ({ signal }) => run((clients) => countActorsBySector(clients.make(ActorsClient), { clusterCode }), signal),
  });
}

export function useActors(filter: ListActorsParameters) {
  return usePagedQuery(actorKeys.list(filter), (clients, cursor) => listActors(clients.make(ActorsClient), { ...filter, limit: 50, cursor }));
}

export function useSiteProjects(clusterCode: string) {
  return useQuery({
    queryKey: actorKeys.projects(clusterCode),
    queryFn: ({ signal }) => run((clients) => listSiteProjects(clients.make(SiteProjectsClient), { clusterCode, limit: 50 }), signal),
  });
}

/** A site project with its ETag, for the edit form. */
export function useSiteProject(id: number | undefined) {
  return useQuery({
    queryKey: ['site-projects', 'one', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.make(SiteProjectsClient).getSiteProject(id!, signal)), signal),
  });
}

/** Registers (no project yet) or replaces a site project; the cluster's list is read again afterwards. */
export function useSaveSiteProject(clusterCode: string, project: Versioned<SiteProjectDto> | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSiteProjectRequest) =>
      run(async (clients) => {
        const client = clients.make(SiteProjectsClient);
        if (project) return (await client.replaceSiteProject(project.value.id, project.etag, body)).result;
        return client.createSiteProject({ ...body, clusterCode });
      }),
    onSuccess: () => refreshAfterWrite(queryClient, ['site-projects']),
  });
}

export function useDeleteSiteProject(project: Versioned<SiteProjectDto> | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => run((clients) => clients.make(SiteProjectsClient).deleteSiteProject(project!.value.id, project!.etag)),
    onSuccess: () => refreshAfterWrite(queryClient, ['site-projects']),
  });
}

/** An actor (an agency with its profile) with its ETag (the agency's version), for the profile form. */
export function useActor(id: number | undefined) {
  return useQuery({
    queryKey: ['actors', 'one', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.make(ActorsClient).getActor(id!, signal)), signal),
  });
}

export function useReplaceActorProfile(actor: Versioned<ActorDto> | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateActorProfileRequest) =>
      run(async (clients) => versioned(await clients.make(ActorsClient).replaceActorProfile(actor!.value.id, actor!.etag, body))),
    onSuccess: () => refreshAfterWrite(queryClient, actorKeys.all, ['agencies']),
  });
}

/** Places an agency in the cluster (again: no change) or takes it out. */
export function usePlaceActor(clusterId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ agencyId, place }: { agencyId: number; place: boolean }) =>
      run(async (clients) => {
        const client = clients.make(ActorsClient);
        if (place) await client.addClusterActor(clusterId, agencyId);
        else await client.removeClusterActor(clusterId, agencyId);
      }),
    onSuccess: () => refreshAfterWrite(queryClient, actorKeys.all, ['agencies']),
  });
}
