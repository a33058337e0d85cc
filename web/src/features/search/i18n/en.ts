import type { searchKo } from './ko';

/** The search page's strings in English. */
export const searchEn: typeof searchKo = {
  search: {
    title: 'Search',
    label: 'Search term',
    submit: 'Search',
    hint: 'Enter two characters or more. Searches clusters, agencies, meetings and agenda items, regulatory issues and comments.',
    total: '{count} results',
    totalMore: 'more than {count} results',
    empty: 'Nothing found.',
    results: 'Results',
    unindexed: '{count} records changed in bulk a moment ago are still being indexed and are not searched yet. Try again in a few minutes.',
    kinds: {
      cluster: 'Clusters',
      agency: 'Agencies',
      meeting: 'Meetings',
      agenda_item: 'Agenda items',
      regulatory_issue: 'Regulatory issues',
      issue_comment: 'Issue comments',
    },
  },
};
