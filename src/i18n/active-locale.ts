// The locale whose messages are on screen, for the Intl helpers. lit-localize announces each switch with a
// window event before components re-render, so formatting and messages change in the same frame. Without
// any setup (the player embedded on its own) it stays English, like the messages.
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import { isLocale, sourceLocale, type Locale } from './locales.js';

let active: Locale = sourceLocale;

if (typeof window !== 'undefined') {
  window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
    const detail = event.detail;
    if (detail.status === 'ready' && isLocale(detail.readyLocale)) active = detail.readyLocale;
  });
}

export function activeLocale(): Locale {
  return active;
}
