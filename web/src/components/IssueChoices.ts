import { useI18n } from '../i18n';
import { useRemote, type Remote } from '../lib/remote';
import { useAgencyChoices, type AgencyChoice } from './AgencyChoice';

export interface Choice {
  code: string;
  label: string;
}

/** The member ministries (agencies of kind ministry), for lead-ministry filters and assignment. */
export function useMinistryChoices(): Remote<Choice[]> {
  const agencies = useAgencyChoices();
  if (agencies.state !== 'ok') return agencies;
  return { state: 'ok', value: agencies.value.filter((a: AgencyChoice) => a.kind === 'ministry') };
}

/**
 * The clusters an issue may concern, sorted by name in the current language.
 * REVIEW: one page of 200 holds every cluster the council has (6); a search replaces this past that.
 */
export function useClusterChoices(): Remote<Choice[]> {
  const { name, locale } = useI18n();
  const [clusters] = useRemote('cluster-choices', (clients) =>
    clients.clusters.listClusters(undefined, undefined, undefined, undefined, undefined, 200),
  );
  if (clusters.state !== 'ok') return clusters;
  return {
    state: 'ok',
    value: clusters.value.items
      .map((cluster) => ({ code: cluster.code, label: name(cluster) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  };
}

/** The options of a select, keeping a current value that is not (or not yet) among them. */
export function withCurrent(options: Choice[], current: string | undefined): Choice[] {
  if (!current || options.some((o) => o.code === current)) return options;
  return [...options, { code: current, label: current }];
}
