// The chosen language, kept in localStorage and mirrored on <html lang>. No React here, so the rules
// are unit-tested without a DOM.
export type Lang = 'ko' | 'en';
export const DEFAULT_LANG: Lang = 'ko';
export const LANG_STORAGE_KEY = 'biocluster.lang';

/** The parts of localStorage and <html> the store touches. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
export interface LangTarget {
  lang: string;
}

export interface LanguageStore {
  get(): Lang;
  set(lang: Lang): void;
  toggle(): void;
  subscribe(listener: () => void): () => void;
}

export function isLang(value: unknown): value is Lang {
  return value === 'ko' || value === 'en';
}

export function createLanguageStore(storage?: StorageLike, root?: LangTarget): LanguageStore {
  const listeners = new Set<() => void>();
  let current = read();
  apply();

  function read(): Lang {
    try {
      const stored = storage?.getItem(LANG_STORAGE_KEY);
      return isLang(stored) ? stored : DEFAULT_LANG;
    } catch {
      // Storage can be disabled (privacy settings); the default language still works.
      return DEFAULT_LANG;
    }
  }

  function apply(): void {
    if (root) root.lang = current;
  }

  function set(lang: Lang): void {
    if (lang === current) return;
    current = lang;
    try {
      storage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Not persisted this time; the choice still holds for this page.
    }
    apply();
    listeners.forEach((listener) => listener());
  }

  return {
    get: () => current,
    set,
    toggle: () => set(current === 'ko' ? 'en' : 'ko'),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Fills `{name}` placeholders of a dictionary string. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Korean names in Korean; English names (else Korean) in English. */
export function displayName(lang: Lang, named: { nameKo: string; nameEn?: string | null }): string {
  return lang === 'en' ? named.nameEn?.trim() || named.nameKo : named.nameKo;
}

/** The other language's name, when it adds something (shown as a subtitle). */
export function secondaryName(lang: Lang, named: { nameKo: string; nameEn?: string | null }): string | undefined {
  const other = lang === 'en' ? named.nameKo : named.nameEn?.trim();
  return other && other !== displayName(lang, named) ? other : undefined;
}
