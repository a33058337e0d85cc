import { useRegistryI18n } from './i18n';

/** "Someone else changed this record first": a 412 offers the latest version instead of an error. */
export function StaleNotice({ onReload }: { onReload?: () => void }) {
  const { t } = useRegistryI18n();
  return (
    <div className="problem" role="alert" data-testid="stale-notice">
      <p className="problem__message">{t.registry.stale}</p>
      {onReload && (
        <button type="button" className="button" onClick={onReload} data-testid="reload">
          {t.registry.reload}
        </button>
      )}
    </div>
  );
}
