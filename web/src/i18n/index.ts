import { useSyncExternalStore } from 'react';
import { createLanguageStore, dictionaries, displayName, format, type Lang } from './language';
import type { Dictionary } from './ko';
import type { Widen } from './widen';

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

/**
 * A feature whose strings load with its pages (a lazy chunk) instead of with the first screen: its own Korean and
 * English dictionaries (the same keys; i18n.test.ts checks them like the shared ones) laid over the shared ones.
 * `useI18n` of that feature's views, with `t` holding both.
 */
export function featureI18n<K extends object>(ko: K, en: Widen<K>) {
  let merged: Record<Lang, Dictionary & K> | undefined;
  return function useFeatureI18n() {
    const i18n = useI18n();
    merged ??= { ko: { ...dictionaries.ko, ...ko }, en: { ...dictionaries.en, ...(en as K) } };
    return { ...i18n, t: merged[i18n.lang] };
  };
}
