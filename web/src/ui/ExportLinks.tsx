import { useI18n } from '../i18n';
import { exportUrl, type ExportFormat } from '../lib/exports';
import { api } from '../api/api';

interface ExportLinksProps {
  /** The export's path without its extension, e.g. /api/v1/meetings/export. */
  path: string;
  /** The list's filters as the API reads them (the file holds what the page shows). */
  query?: URLSearchParams;
  formats?: readonly ExportFormat[];
  /** What the file holds, for the links' titles. */
  hint: string;
  testId: string;
}

/** Download links (CSV, Excel) for a list, in the reader's language; the session cookie goes along with a plain link. */
export function ExportLinks({ path, query, formats = ['csv', 'xlsx'], hint, testId }: ExportLinksProps) {
  const { t, lang } = useI18n();
  return (
    <>
      {formats.map((format) => (
        <a
          key={format}
          className="button"
          href={exportUrl(api.baseUrl, `${path}.${format}`, new URLSearchParams(query), lang)}
          download
          title={hint}
          data-testid={`${testId}-${format}`}
        >
          {format === 'csv' ? t.common.exportCsv : t.common.exportXlsx}
        </a>
      ))}
    </>
  );
}
