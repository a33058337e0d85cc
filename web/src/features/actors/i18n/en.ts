import type { actorsKo } from './ko';

/** Innovation actors and site projects, in English. */
export const actorsEn: typeof actorsKo = {
  actors: {
    clusterTitle: 'Innovation actors (industry, academia, research, hospitals)',
    none: 'No innovation actors yet.',
    total: 'Total',
    unclassified: 'No sector',
    partnersTitle: 'Find partners',
    partnersIntro: 'Find the companies, universities, institutes and hospitals in the clusters by sector, specialisation, cluster and region.',
    q: 'Search',
    specialization: 'Specialisation',
    cluster: 'Cluster code',
    sector: 'Sector',
    region: 'Region',
    any: 'Any',
    search: 'Search',
    columns: { name: 'Name', sector: 'Sector', specializations: 'Specialisations', region: 'Region', clusters: 'Clusters' },
    found: '{count} found',
    more: 'More',
  },
  siteProjects: {
    title: 'Site projects',
    none: 'No site projects yet.',
    address: 'Location',
    landArea: 'Land area',
    floorArea: 'Floor area',
    floors: 'Floors',
    floorsValue: 'B{below} / {above}F',
    developer: 'Developer',
    stages: 'Stages',
    planned: 'Planned',
    actual: 'Actual',
    states: { planned: 'Planned', design: 'Design', construction: 'Under construction', completed: 'Completed', on_hold: 'On hold' },
  },
};
