import { useEffect } from 'react';
import { useI18n } from '../i18n';

export function useDocumentTitle(title: string | undefined): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t.app.name}` : `${t.app.name} · ${t.app.brand}`;
  }, [title, t]);
}
