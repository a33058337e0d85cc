import type { Widen } from '../../../i18n/widen';
import type { agenciesKo } from './ko';

/** The agencies strings in English: the same keys as ko.ts. */
export const agenciesEn: Widen<typeof agenciesKo> = {
  agencies: {
    title: 'Agencies',
    intro: 'Ministries, cluster operators, public institutions and innovation actors of the council.',
    caption: 'List of agencies',
    empty: 'No agency matches these filters.',
    filters: {
      legend: 'Search agencies',
      kind: 'Kind',
      q: 'Keywords',
      qPlaceholder: 'Agency name or code',
      reset: 'Clear filters',
    },
    export: 'Export CSV',
    exportHint: 'Downloads the agencies matching the current filters as a CSV file.',
    exportXlsx: 'Export Excel',
    exportXlsxHint: 'Downloads the agencies matching the current filters as an Excel report.',
    columns: {
      name: 'Agency',
      kind: 'Kind',
      sector: 'Sector',
      operatedClusters: 'Clusters operated',
    },
  },
  agencyDetail: {
    backToList: 'Agencies',
    summary: 'Overview',
    nameKo: 'Korean name',
    nameEn: 'English name',
    kind: 'Kind',
    sector: 'Sector',
    parent: 'Parent organisation',
    operatedClusters: 'Clusters operated',
    noClusters: 'Operates no cluster.',
    notFound: 'We could not find the agency you asked for (code: {code}). Its address may have changed, or it was removed.',
  },
  agencyKinds: {
    ministry: 'Ministry',
    cluster_operator: 'Cluster operator',
    public_institution: 'Public institution',
    local_government: 'Local government',
    company: 'Company',
    university: 'University',
    research_institute: 'Research institute',
    hospital: 'Hospital',
    association: 'Association',
    other: 'Other',
  },
};
