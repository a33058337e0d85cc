import type { ClusterStatus, RecordStatus } from '../api/client';
import { useI18n } from '../i18n';

export function ClusterStatusBadge({ status }: { status: ClusterStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${status}`}>{t.clusterStatuses[status] ?? status}</span>;
}

export function RecordStatusBadge({ status }: { status: RecordStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge--${status}`}>{t.recordStatuses[status] ?? status}</span>;
}
