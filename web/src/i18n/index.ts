import { useSyncExternalStore } from 'react';
import { createLanguageStore, dictionaries, displayName, format, type Lang } from './language';

export { format } from './language';
export type { Lang } from './language';

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The app-wide language. Created on first import in the browser. */
export const language = createLanguageStore(browserStorage(), document.documentElement);

const LOCALES: Record<Lang, string> = { ko: 'ko-KR', en: 'en-GB' };

export function useI18n() {
  const lang = useSyncExternalStore(language.subscribe, language.get);
  const locale = LOCALES[lang];
  return {
    lang,
    locale,
    t: dictionaries[lang],
    toggle: () => language.toggle(),
    name: (named: { nameKo: string; nameEn?: string | null }) => displayName(lang, named),
    fmt: format,
  };
}
