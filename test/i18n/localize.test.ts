// Locale choice, the header's language switch, and Intl formatting in Chromium.
import { expect, fixture, html } from '@open-wc/testing';
import { deleteDB } from 'idb';
import '../../src/app/app-shell.js';
import type { ScormApp } from '../../src/app/app-shell.js';
import { chooseLocale, matchLocale } from '../../src/i18n/locales.js';
import { chooseLanguage, currentLocale, initialLocale, localeStorageKey } from '../../src/i18n/setup.js';
import { formatBytes, formatDateTime, formatDuration, formatPercent } from '../../src/i18n/format.js';
import { until } from '../app/helpers.js';

describe('locale choice', () => {
  it('takes the first browser language the app speaks, by primary subtag, else English', () => {
    expect(matchLocale(['de-AT', 'en'])).to.equal('de');
    expect(matchLocale(['it', 'fr-CA', 'de'])).to.equal('fr');
    expect(matchLocale(['ES'])).to.equal('es');
    expect(matchLocale(['it', 'ja'])).to.equal('en');
    expect(matchLocale([])).to.equal('en');
  });

  it('lets an explicit, remembered choice win over the browser, ignoring unknown values', () => {
    expect(chooseLocale('es', ['de'])).to.equal('es');
    expect(chooseLocale('xx', ['de'])).to.equal('de');
    expect(chooseLocale(null, ['fr'])).to.equal('fr');
  });
});

describe('the language switch in the header', () => {
  const dbName = `test-i18n-${Date.now()}`;
  let app: ScormApp | undefined;
  afterEach(async () => {
    app?.remove();
    app = undefined;
    await chooseLanguage('en');
    localStorage.removeItem(localeStorageKey);
    await deleteDB(dbName);
  });

  it('shows the app in the chosen language without a reload, and remembers the choice', async () => {
    history.replaceState(null, '', '?view=library');
    app = await fixture<ScormApp>(html`<scorm-app db-name=${dbName}></scorm-app>`);
    await until(() => app!.db, 5000, 'the database');
    const root = app.shadowRoot!;
    const select = root.querySelector<HTMLSelectElement>('header select')!;
    expect(select.getAttribute('aria-label')).to.equal('Language');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'English',
      'Deutsch',
      'Français',
      'Español',
    ]);
    (window as unknown as { marker: number }).marker = 7;
    select.value = 'de';
    select.dispatchEvent(new Event('change'));
    await until(() => currentLocale() === 'de', 5000, 'the German catalog');
    await app.updateComplete;
    const links = [...root.querySelectorAll('nav a')].map((a) => a.textContent!.trim());
    expect(links).to.deep.equal(['Bibliothek', 'Ergebnisse', 'Dispatch erstellen']);
    expect(document.documentElement.lang).to.equal('de');
    expect(document.title).to.equal('Bibliothek · scorm-player');
    expect((window as unknown as { marker: number }).marker).to.equal(7); // no reload
    expect(localStorage.getItem(localeStorageKey)).to.equal('de');
    expect(initialLocale()).to.equal('de');
    expect(select.value).to.equal('de');
  });
});

describe('Intl formatting follows the language on screen', () => {
  after(() => chooseLanguage('en'));

  it('formats dates, durations, percentages and sizes for English and German', async () => {
    const moment = new Date(2026, 11, 6, 19, 5);
    await chooseLanguage('en');
    expect(formatDateTime(moment)).to.match(/Dec 6, 2026.*7:05\sPM/);
    expect(formatDuration(3725)).to.match(/^1 hr, 2 min$/);
    expect(formatDuration(65)).to.match(/^1 min, 5 sec$/);
    expect(formatDuration(0)).to.match(/^0 sec$/);
    expect(formatPercent(0.85)).to.equal('85%');
    expect(formatBytes(1536)).to.equal('1.5 kB');
    expect(formatBytes(12)).to.equal('12 bytes');
    await chooseLanguage('de');
    expect(formatDateTime(moment)).to.match(/06\.12\.2026.*19:05/);
    expect(formatDuration(3725)).to.match(/^1 Std\., 2 Min\.$/);
    expect(formatPercent(0.85)).to.match(/^85\s%$/);
    expect(formatBytes(1536)).to.equal('1,5 kB');
    expect(formatDateTime('not a date')).to.equal('not a date');
    expect(formatDateTime(undefined)).to.equal('');
  });
});
