import type { Widen } from '../../../i18n/widen';
import type { apiKeysKo } from './ko';

/** The api-keys strings in English: the same keys as ko.ts. */
export const apiKeysEn: Widen<typeof apiKeysKo> = {
  apiKeys: {
    title: 'API keys',
    introManage: 'Keys that agencies’ systems use to call the API. You can create and revoke them.',
    introOwn: 'Your agency’s API keys. Ask the council administrator to create or revoke one.',
    caption: 'List of API keys',
    empty: 'There are no API keys.',
    columns: {
      name: 'Name',
      agency: 'Agency',
      prefix: 'Key prefix',
      scopes: 'Scopes',
      status: 'Status',
      expiresAt: 'Expires',
      lastUsedAt: 'Last used',
      actions: 'Actions',
    },
    neverUsed: 'Never used',
    create: 'New API key',
    createTitle: 'Create an API key',
    agency: 'Agency',
    chooseAgency: 'Choose an agency',
    name: 'Name',
    nameHint: 'Say which system will use the key.',
    scopes: 'Scopes',
    scopesHint: 'Choose only what the system needs.',
    expiresAt: 'Expiry date',
    expiresHint: 'Left empty, the key expires in 90 days. At most two years.',
    createSubmit: 'Create key',
    secretTitle: 'Your new API key',
    secretWarning:
      'This secret is shown now and never again. Copy it and keep it somewhere safe before you close this window. If it is lost, revoke the key and create a new one.',
    secretLabel: 'Secret',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Could not copy. Select the key and copy it yourself.',
    secretDone: 'I have stored it — close',
    revoke: 'Revoke',
    revokeTitle: 'Revoke API key',
    revokeConfirm: 'Revoke the key “{name}” ({prefix}…)? Systems using it can no longer call the API, at once. This cannot be undone.',
    revokeSubmit: 'Revoke key',
    revoking: 'Revoking…',
    revoked: 'The key “{name}” has been revoked.',
  },
  apiKeyScopes: {
    read: 'Read',
    write: 'Write',
    import: 'Import',
  },
  apiKeyScopeHints: {
    read: 'Reads the registry and the audit log.',
    write: 'Changes the registry.',
    import: 'Imports data in bulk.',
  },
  apiKeyStatuses: {
    active: 'Active',
    expired: 'Expired',
    revoked: 'Revoked',
  },
};
