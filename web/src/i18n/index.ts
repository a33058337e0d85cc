import { useSyncExternalStore } from 'react';
import { createLanguageStore, displayName, format, type Lang } from './language';
import { ko, type Dictionary } from './ko';
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

/**
 * The English dictionaries, once loaded. They are a chunk of their own, fetched only when someone reads English:
 * Korean readers (the default) never download them. The language switches only once they are here, so no view
 * ever shows English with a missing dictionary.
 */
let english: Dictionary | undefined;

/** Makes `lang`'s dictionaries available (English: loads its chunk once). Call before showing that language. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en' && !english) english = (await import('./en')).en;
}

/** Loads what the stored choice needs; falls back to Korean if English cannot be loaded (offline, say). */
export async function prepareLanguage(): Promise<void> {
  try {
    await loadLanguage(language.get());
  } catch {
    language.set('ko');
  }
}

function dictionary(lang: Lang): Dictionary {
  return lang === 'en' && english ? english : ko;
}

/** Switches to the other language once its dictionaries are loaded. */
async function toggleLanguage(): Promise<void> {
  const next: Lang = language.get() === 'ko' ? 'en' : 'ko';
  await loadLanguage(next);
  language.set(next);
}

export function useI18n() {
  const lang = useSyncExternalStore(language.subscribe, language.get, language.get);
  const locale = LOCALES[lang];
  return {
    lang,
    locale,
    t: dictionary(lang),
    toggle: () => void toggleLanguage().catch(() => undefined),
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
  const merged: Partial<Record<Lang, Dictionary & K>> = {};
  return function useFeatureI18n() {
    const i18n = useI18n();
    const t = (merged[i18n.lang] ??= { ...dictionary(i18n.lang), ...(i18n.lang === 'en' ? (en as K) : ko) });
    return { ...i18n, t };
  };
}
