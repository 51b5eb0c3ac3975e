import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import '../../src/app/app-shell.js';
import type { ScormApp } from '../../src/app/app-shell.js';
import { openPlayerDb } from '../../src/storage/db.js';
import { until } from './helpers.js';

describe('<scorm-app>', () => {
  const start = location.href;
  let dbName: string;
  let el: ScormApp | undefined;
  beforeEach(() => {
    dbName = `test-shell-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  });
  afterEach(async () => {
    el?.remove(); // closes its database
    el = undefined;
    history.replaceState(null, '', start);
    await deleteDB(dbName);
  });

  async function open(search: string) {
    history.replaceState(null, '', search);
    el = await fixture<ScormApp>(html`<scorm-app db-name=${dbName}></scorm-app>`);
    await until(() => el!.db && el!.learnerLoaded, 5000, 'the database');
    await el.updateComplete;
    return el;
  }
  const view = (app: ScormApp, tag: string) => app.shadowRoot!.querySelector(`main ${tag}`);

  it('shows the library by default, with a main navigation, and passes an axe audit', async () => {
    const app = await open('?');
    const library = await until(() => view(app, 'scorm-library-view'), 5000, 'the library');
    await until(() => (library as HTMLElement & { entries?: unknown }).entries, 5000, 'the list');
    expect(document.title).to.equal('Library · scorm-player');
    const nav = app.shadowRoot!.querySelector('nav[aria-label=Main]')!;
    expect(nav.querySelector('[aria-current=page]')!.textContent).to.equal('Library');
    await expect(app).to.be.accessible();
  });

  it('follows a link to results without a page load, moves focus to the heading, and goes back', async () => {
    const app = await open('?view=library');
    (window as unknown as { marker: number }).marker = 42;
    const link = [...app.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].find(
      (a) => a.textContent === 'Results',
    )!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    const results = await until(() => view(app, 'scorm-results-view'), 5000, 'the results view');
    expect(new URL(location.href).searchParams.get('view')).to.equal('results');
    expect((window as unknown as { marker: number }).marker).to.equal(42); // same document
    await until(() => results.shadowRoot?.activeElement?.tagName === 'H1', 5000, 'focus on the heading');
    expect(document.title).to.equal('Results · scorm-player');
    history.back();
    await until(() => view(app, 'scorm-library-view'), 5000, 'the library again');
  });

  it('names an unknown view and links back to the library', async () => {
    const app = await open('?view=nowhere');
    const main = app.shadowRoot!.querySelector('main')!;
    expect(main.querySelector('h1')!.textContent).to.equal('Page not found');
    expect(main.textContent).to.contain('nowhere');
    await expect(app).to.be.accessible();
  });

  it('asks the learner for a name once before a standalone launch and keeps it', async () => {
    const app = await open('?course=/public/demo/imsmanifest.xml');
    const dialog = await until(
      () => app.shadowRoot!.querySelector('scorm-learner-dialog')?.shadowRoot?.querySelector('dialog[open]'),
      5000,
      'the learner dialog',
    );
    expect(dialog.textContent).to.contain('Who is learning?');
    await sendKeys({ type: 'Ann Lee' });
    await sendKeys({ press: 'Enter' });
    const play = await until(() => view(app, 'scorm-play-view'), 5000, 'the play view');
    expect(app.shadowRoot!.querySelector('header')!.textContent).to.contain('Ann Lee');
    const db = await openPlayerDb(dbName);
    const stored = (await db.get('settings', 'learner')) as { id: string; name: string };
    db.close();
    expect(stored.name).to.equal('Ann Lee');
    expect((play as HTMLElement & { learner?: { id: string } }).learner?.id).to.equal(stored.id);
  });

  it('takes the learner from &learner= without asking', async () => {
    const app = await open('?course=/public/demo/imsmanifest.xml&learner=u-42');
    const play = await until(() => view(app, 'scorm-play-view'), 5000, 'the play view');
    expect((play as HTMLElement & { learner?: { id: string } }).learner).to.deep.equal({
      id: 'u-42',
      name: 'u-42',
    });
    expect(
      app.shadowRoot!.querySelector('scorm-learner-dialog')?.shadowRoot?.querySelector('dialog[open]'),
    ).to.equal(null);
  });
});
