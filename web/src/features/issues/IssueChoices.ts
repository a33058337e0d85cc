import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { agencyChoicesQuery } from '../agencies/api';
import { clusterChoicesQuery } from '../clusters/api';

export interface Choice {
  code: string;
  label: string;
}

/** The member ministries (agencies of kind ministry), for lead-ministry filters and assignment. */
export function useMinistryChoices(): UseQueryResult<Choice[]> {
  const { name, locale } = useI18n();
  return useQuery({
    ...agencyChoicesQuery(),
    select: (page) =>
      page.items
        .filter((agency) => agency.kind === 'ministry')
        .map((agency) => ({ code: agency.code, label: name(agency) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
  });
}

/**
 * The clusters an issue may concern, sorted by name in the current language.
 * REVIEW: one page of 200 holds every cluster the council has (6); a search replaces this past that.
 */
export function useClusterChoices(): UseQueryResult<Choice[]> {
  const { name, locale } = useI18n();
  return useQuery({
    ...clusterChoicesQuery(),
    select: (page) => page.items.map((cluster) => ({ code: cluster.code, label: name(cluster) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
  });
}

/** The options of a select, keeping a current value that is not (or not yet) among them. */
export function withCurrent(options: Choice[], current: string | undefined): Choice[] {
  if (!current || options.some((o) => o.code === current)) return options;
  return [...options, { code: current, label: current }];
}
