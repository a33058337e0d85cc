import type { Widen } from '../../../i18n/widen';
import type { auditKo } from './ko';

/** The audit strings in English: the same keys as ko.ts. */
export const auditEn: Widen<typeof auditKo> = {
  audit: {
    title: 'Audit log',
    intro: 'Every change to the registry and to accounts: who changed what, and when. Newest first.',
    caption: 'Audit entries',
    empty: 'No entry matches these filters.',
    filters: {
      legend: 'Search the audit log',
      entityType: 'Record type',
      entityId: 'Record number',
      actorType: 'Actor type',
      from: 'From',
      to: 'Until',
      reset: 'Clear filters',
    },
    columns: {
      occurredAt: 'When',
      actor: 'Who',
      action: 'Action',
      entity: 'Record',
      changes: 'Changes',
    },
    entity: '{type} #{id}',
    requestId: 'Request ID',
    transition: 'Moved: {status}',
    clientAddress: 'Address',
    export: 'Export CSV',
    exportHint: 'Downloads the entries matching the current filters as a CSV file, oldest first.',
  },
  history: {
    title: 'History',
    empty: 'No change has been recorded.',
    field: 'Field',
    before: 'Before',
    after: 'After',
    noFieldChanges: 'No field changed',
  },
  actorTypes: {
    user: 'user',
    api_key: 'API key',
    system: 'system',
  },
  entityTypes: {
    cluster: 'Cluster',
    agency: 'Agency',
    cluster_indicator: 'Cluster yearly figures',
    user: 'User',
    api_key: 'API key',
    regulatory_issue: 'Regulatory issue',
    import: 'Data import',
    calendar_feed: 'Calendar subscription',
  },
  auditActions: {
    create: 'Created',
    update: 'Updated',
    archive: 'Archived',
    revoke: 'Revoked',
    set_password: 'Password set',
    unlock: 'Unlocked',
    change_password: 'Password changed',
    comment: 'Commented',
    import: 'Imported',
    import_dry_run: 'Import checked (dry run)',
  },
};
