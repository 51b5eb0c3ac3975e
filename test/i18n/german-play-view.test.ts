// The play view in German (Chromium): the demo course open in <scorm-play-view>, every text and accessible
// name of the app's and the player's UI is German. Content is untouched: the course's and items' titles
// come from its manifest, and the SCO's frame is not ours.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/app/play-view.js';
import type { PlayView } from '../../src/app/play-view.js';
import { templates as english } from '../../src/i18n/catalogs/en.js';
import { templates as german } from '../../src/i18n/catalogs/de.js';
import { chooseLanguage, localeStorageKey } from '../../src/i18n/setup.js';
import { freshDb, until } from '../app/helpers.js';

type Entry = string | { strings: readonly string[] };
const textOf = (entry: Entry) => (typeof entry === 'string' ? [entry] : entry.strings.map((s) => s.trim()));

/** English texts that must not be seen: every message's English whose German differs (the parts of str``
 * templates between their placeholders, when long enough to mean something). */
function englishTexts(): string[] {
  const out = new Set<string>();
  for (const [id, entry] of Object.entries(english) as [keyof typeof english, Entry][]) {
    const de = textOf(german[id] as Entry);
    for (const part of textOf(entry)) if (part.length > 3 && !de.includes(part)) out.add(part);
  }
  return [...out];
}

/** Every text node and accessible-name attribute under a node, shadow roots included, frames excluded. */
function uiTexts(root: Node, out: string[] = []): string[] {
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node.textContent!.replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
      return;
    }
    if (node instanceof Element) {
      if (node.tagName === 'IFRAME' || node.tagName === 'STYLE') return;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'])
        if (node.getAttribute(a)) out.push(node.getAttribute(a)!);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

describe('the play view in German', () => {
  let env: Awaited<ReturnType<typeof freshDb>>;
  before(() => chooseLanguage('de'));
  after(async () => {
    await chooseLanguage('en');
    localStorage.removeItem(localeStorageKey);
  });
  beforeEach(async () => (env = await freshDb()));
  afterEach(() => env.dispose());

  it('shows no English string of the app or the player, from the course open to its end page', async () => {
    const view = await fixture<PlayView>(
      html`<scorm-play-view
        .db=${env.db}
        .source=${{ kind: 'url', url: new URL('/public/demo/imsmanifest.xml', location.href).href }}
        .learner=${{ id: 'u1', name: 'Jana' }}
      ></scorm-play-view>`,
    );
    const player = await until(() => view.shadowRoot!.querySelector('scorm-player'), 10000, 'the player');
    const toolbar = await until(
      () => player.shadowRoot?.querySelector('scorm-toolbar')?.shadowRoot?.querySelector('button'),
      10000,
      'the toolbar',
    );
    await until(
      () => player.shadowRoot!.querySelector('scorm-stage')?.shadowRoot?.querySelector('iframe'),
      10000,
      'the SCO',
    );
    expect(toolbar).to.exist;
    const forbidden = englishTexts();
    const check = () => {
      const texts = uiTexts(view);
      const left = texts.filter((t) => forbidden.some((en) => t === en || t.includes(en)));
      expect(left, `English left: ${left.join(' | ')}`).to.deep.equal([]);
      return texts;
    };
    const texts = check();
    // German is there (so the check above looked at the right page).
    expect(texts).to.include.members(['Weiter', 'Zurück', 'Kursnavigation']);
    // The end page, in German too.
    const exitAll = player
      .shadowRoot!.querySelector('scorm-toolbar')!
      .shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=exitAll]');
    if (exitAll && !exitAll.disabled) {
      exitAll.click();
      await until(() => player.shadowRoot!.querySelector('#end-h'), 10000, 'the end page');
      expect(check()).to.include('Ihr Fortschritt ist gespeichert.');
    }
  });
});
