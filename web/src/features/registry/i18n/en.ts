import type { Widen } from '../../../i18n/widen';
import type { registryKo } from './ko';

/** The registry-editing strings in English: the same keys as ko.ts. */
export const registryEn: Widen<typeof registryKo> = {
  registry: {
    newAgency: 'Register an agency',
    newAgencyIntro: 'Register a ministry, cluster operator, public institution or innovation actor. The code cannot be changed later.',
    editAgency: 'Edit agency',
    editAgencyIntro: 'Edit {name}. The code cannot be changed.',
    newCluster: 'Register a cluster',
    newClusterIntro: 'Register a cluster. The code cannot be changed later.',
    cluster: 'Located in cluster',
    edit: 'Edit',
    archive: 'Archive',
    unarchive: 'Unarchive',
    archiving: 'Working…',
    archivedBanner: 'This record is archived. It is left out of lists and pickers and cannot be given new issues; its history and existing links are kept.',
    archiveAgencyTitle: 'Archive this agency?',
    archiveAgencyBody: 'Once archived it leaves the agency list and pickers and cannot be routed new regulatory issues. Issues already linked and its history stay, and it can be unarchived at any time.',
    archiveClusterTitle: 'Archive this cluster?',
    archiveClusterBody: 'Once archived it leaves the cluster list and cannot be named on new regulatory issues. Issues already linked and its history stay, and it can be unarchived at any time.',
    archived: 'Archived.',
    unarchived: 'Unarchived.',
    created: 'Registered.',
    saved: 'Saved.',
    stale: 'Someone else changed this record first. Reload the latest version and try again.',
    reload: 'Reload the latest version',
    codeHint: '2–40 characters starting with a lower-case letter (lower-case letters, digits, -). E.g. molit',
    parentHint: "The parent organisation's code. E.g. KDCA's parent is mohw",
    clusterHint: "The code of the cluster an innovation actor is located in (optional). E.g. osong",
    websiteHint: 'An address starting with https://',
    noSector: 'Not applicable',
    includeArchived: 'Show archived agencies',
    notAllowed: 'Only the secretariat and administrators register, edit and archive agencies and clusters.',
  },
};
