import { useI18n } from '../i18n';

/** Announced politely to screen readers; the spinner itself is decoration. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label ?? t.common.loading}</span>
    </div>
  );
}
