// The languages the app speaks: English is the source (the strings in the code), the others are catalogs in
// ./catalogs/. Names are endonyms so a learner finds their own language whatever the current one is.
export const sourceLocale = 'en';
export const targetLocales = ['de', 'fr', 'es'] as const;
export const allLocales = [sourceLocale, ...targetLocales] as const;

export type TargetLocale = (typeof targetLocales)[number];
export type Locale = (typeof allLocales)[number];

export const localeNames: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (allLocales as readonly string[]).includes(value);
}

/**
 * The first of the browser's languages (BCP 47 tags, most wanted first) that the app speaks, matched on the
 * primary subtag ('de-AT' → 'de'); English when none is.
 */
export function matchLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return sourceLocale;
}

/** An explicit choice (remembered) wins over the browser's languages. */
export function chooseLocale(stored: string | null | undefined, languages: readonly string[]): Locale {
  return isLocale(stored) ? stored : matchLocale(languages);
}
