// Innovation actors and site projects: server state. The generated clients are made here, so they load with these pages.
import { useQuery } from '@tanstack/react-query';
import { ActorsClient, SiteProjectsClient } from '../../api/client';
import { countActorsBySector, listActors, listSiteProjects, type ListActorsParameters } from '../../api/operations';
import { run, usePagedQuery } from '../../lib/apiQuery';

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
