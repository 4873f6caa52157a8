// The seven languages of the plan, how the first one is chosen and how the choice is remembered.

export const LANGUAGES = ['en', 'ru', 'kk', 'ky', 'tg', 'tk', 'uz'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, as the picker shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  ru: 'Русский',
  kk: 'Қазақша',
  ky: 'Кыргызча',
  tg: 'Тоҷикӣ',
  tk: 'Türkmençe',
  uz: 'Oʻzbekcha',
};

export const DEFAULT_LANGUAGE: Language = 'en';
/** localStorage holds this one key, and only a language code under it. */
export const STORAGE_KEY = 'ctf.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** 'ky-KG' → 'ky', 'uz-Latn-UZ' → 'uz', 'de' → null */
export function matchLanguage(tag: string): Language | null {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : null;
}

/** The remembered choice if there is a valid one, else the first of the browser's languages we speak. */
export function initialLanguage(browserLanguages: readonly string[], remembered: string | null): Language {
  if (isLanguage(remembered)) return remembered;
  for (const tag of browserLanguages) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

/** Where a missing message is looked up next: the region's languages fall back to Russian, then English. */
export function fallbackChain(language: Language): readonly Language[] {
  if (language === 'en') return ['en'];
  if (language === 'ru') return ['ru', 'en'];
  return [language, 'ru', 'en'];
}

type ReadableStorage = Pick<Storage, 'getItem'>;
type WritableStorage = Pick<Storage, 'setItem'>;

export function rememberedLanguage(storage: ReadableStorage | undefined): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage disabled (private mode, policy): start from the browser's languages
  }
}

/** The cookie the identity service's sign-in and enrolment pages read (same host, so they speak the same language). */
export const LANGUAGE_COOKIE = 'civic-lang';

export function languageCookie(language: Language): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

export function rememberLanguage(storage: WritableStorage | undefined, language: Language,
  cookies: { cookie: string } | undefined = typeof document === 'undefined' ? undefined : document): void {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  if (cookies) cookies.cookie = languageCookie(language);
}
