import type { ApiKeyStatus, ClusterStatus, RecordStatus, UserStatus } from '../api/client';
import { useI18n } from '../i18n';

export function ClusterStatusBadge({ status }: { status: ClusterStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${status}`}>{t.clusterStatuses[status] ?? status}</span>;
}

export function RecordStatusBadge({ status }: { status: RecordStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${status}`}>{t.recordStatuses[status] ?? status}</span>;
}

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${status}`}>{t.userStatuses[status] ?? status}</span>;
}

export function ApiKeyStatusBadge({ status }: { status: ApiKeyStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${status}`} data-testid="api-key-status" data-status={status}>
      {t.apiKeyStatuses[status] ?? status}
    </span>
  );
}
