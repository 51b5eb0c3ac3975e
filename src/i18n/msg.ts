// What components need to show translated text: msg() and str`` from @lit/localize, and the controller that
// re-renders a component when the locale changes. Every call passes an explicit, stable id
// (`msg('Library', { id: 'header.library' })`) so the catalogs read well and survive rewording;
// test/architecture/message-catalogs.test.ts checks every id is in every catalog. Importing this module configures nothing:
// the player embedded without the app shows English.
export { msg, str, updateWhenLocaleChanges } from '@lit/localize';
export { activeLocale } from './active-locale.js';
