import { useI18n } from '../i18n';

/** Prints the page as it is shown; the print styles (app/base.css) leave out the menus, filters and buttons. */
export function PrintButton({ testId }: { testId?: string }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button" onClick={() => window.print()} title={t.common.printHint} data-testid={testId}>
      {t.common.print}
    </button>
  );
}
