// Turns localisation on for the app (the composition root imports this; the player alone never does):
// lit-localize in runtime mode, so the language switches without a reload and each catalog is a lazy chunk
// fetched only by those who read it. The first locale is the learner's explicit choice, remembered in
// localStorage, else the first of navigator.languages the app speaks.
import { configureLocalization, type LocaleModule } from '@lit/localize';
import './active-locale.js';
import { chooseLocale, sourceLocale, targetLocales, type Locale, type TargetLocale } from './locales.js';

const catalogs: Record<TargetLocale, () => Promise<LocaleModule>> = {
  de: () => import('./catalogs/de.js'),
  fr: () => import('./catalogs/fr.js'),
  es: () => import('./catalogs/es.js'),
};

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => catalogs[locale as TargetLocale](),
});

/** The localStorage key of the learner's explicit choice. */
export const localeStorageKey = 'scorm-player.locale';

function storedChoice(): string | null {
  try {
    return localStorage.getItem(localeStorageKey);
  } catch {
    return null; // storage refused (privacy settings): fall back to the browser's languages
  }
}

/** The locale to start in. */
export function initialLocale(): Locale {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return chooseLocale(storedChoice(), languages);
}

/** The locale on screen. */
export function currentLocale(): Locale {
  return getLocale() as Locale;
}

/** Shows a locale: resolves once its catalog has loaded and components have been told to re-render. */
async function show(locale: Locale): Promise<void> {
  await setLocale(locale);
  // WCAG 3.1.1: the page's language is the one on screen (screen readers pick their voice from it).
  if (getLocale() === locale) document.documentElement.lang = locale;
}

/** Starts in the initial locale; call once, early. */
export function startLocalization(): Promise<void> {
  return show(initialLocale());
}

/** The learner chose a language: show it and remember the choice for next time. */
export async function chooseLanguage(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(localeStorageKey, locale);
  } catch {
    // not remembered, still shown
  }
  await show(locale);
}
