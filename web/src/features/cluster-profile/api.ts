// The cluster profile's server state. The generated clients are made here, so they load with these views, not the first screen.
import { useQuery } from '@tanstack/react-query';
import { ClusterIndicatorsClient, ClusterProfileClient, type IndicatorKind } from '../../api/client';
import { compareClusterIndicator, getClusterTimeline, listClusterIndicators } from '../../api/operations';
import { run, usePagedQuery } from '../../lib/apiQuery';

const TIMELINE_PAGE = 20;

export const profileKeys = {
  timeline: (clusterId: number) => ['clusters', 'timeline', clusterId] as const,
  figures: (clusterCode: string) => ['cluster-indicators', 'cluster', clusterCode] as const,
  comparison: (indicator: IndicatorKind) => ['cluster-indicators', 'comparison', indicator] as const,
};

export function useClusterTimeline(clusterId: number) {
  return usePagedQuery(profileKeys.timeline(clusterId), (clients, cursor) =>
    getClusterTimeline(clients.make(ClusterProfileClient), { id: clusterId, limit: TIMELINE_PAGE, cursor }),
  );
}

/** Every recorded year of one cluster (a cluster has decades, not hundreds of years: one page of 200 holds them). */
export function useClusterFigures(clusterCode: string) {
  return useQuery({
    queryKey: profileKeys.figures(clusterCode),
    queryFn: ({ signal }) =>
      run((clients) => listClusterIndicators(clients.make(ClusterIndicatorsClient), { clusterCode, sort: 'year', limit: 200 }), signal),
  });
}

export function useComparison(indicator: IndicatorKind) {
  return useQuery({
    queryKey: profileKeys.comparison(indicator),
    queryFn: ({ signal }) => run((clients) => compareClusterIndicator(clients.make(ClusterProfileClient), { indicator }), signal),
  });
}
