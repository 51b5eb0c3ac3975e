import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/app/library-view.js';
import type { LibraryView } from '../../src/app/library-view.js';
import type { NavigateEvent } from '../../src/app/events.js';
import { courseProgress, freshDb, storedPackage, until } from './helpers.js';

describe('<scorm-library-view>', () => {
  let env: Awaited<ReturnType<typeof freshDb>>;
  beforeEach(async () => (env = await freshDb()));
  afterEach(() => env.dispose());

  async function render(learnerId = 'u1') {
    const el = await fixture<LibraryView>(
      html`<scorm-library-view .db=${env.db} .learnerId=${learnerId}></scorm-library-view>`,
    );
    await until(() => el.entries, 5000, 'the library to load');
    await el.updateComplete;
    return el;
  }

  it('says so when empty and offers the demo course', async () => {
    const el = await render();
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href*="course=demo"]');
    expect(link?.textContent).to.contain('demo course');
    await expect(el).to.be.accessible();
  });

  it('lists packages newest first with version, size, the learner status and the imported date', async () => {
    await env.db.put(
      'packages',
      storedPackage({ id: 'old', title: 'Old course', importedAt: '2025-01-01T00:00:00Z' }),
    );
    await env.db.put(
      'packages',
      storedPackage({
        id: 'new',
        title: 'New course',
        version: '1.2',
        size: 3 * 1024 * 1024,
        importedAt: '2026-03-01T00:00:00Z',
      }),
    );
    await env.db.put(
      'courses',
      courseProgress({ courseKey: 'pkg:org.example.new', learnerId: 'u1', successStatus: 'passed' }),
    );
    await env.db.put(
      'courses',
      courseProgress({
        courseKey: 'pkg:org.example.old',
        learnerId: 'someone-else',
        completionStatus: 'completed',
      }),
    );
    const el = await render('u1');
    const cards = [...el.shadowRoot!.querySelectorAll('li.course')];
    expect(cards.map((c) => c.querySelector('h3')!.textContent)).to.deep.equal(['New course', 'Old course']);
    const first = cards[0]!.textContent!.replace(/\s+/g, ' ');
    expect(first).to.contain('SCORM 1.2');
    expect(first).to.contain('3 MB');
    expect(cards[0]!.querySelector('.status')!.textContent!.trim()).to.equal('Passed');
    // Another learner's progress is not this learner's.
    expect(cards[1]!.querySelector('.status')!.textContent!.trim()).to.equal('Not started');
    expect(cards[0]!.querySelector<HTMLAnchorElement>('a.primary')!.getAttribute('href')).to.equal(
      '?package=new',
    );
    await expect(el).to.be.accessible();
  });

  it('deletes a package only after confirmation, by keyboard', async () => {
    await env.db.put('packages', storedPackage({ id: 'keep', title: 'Keep me' }));
    await env.db.put('files', {
      packageId: 'keep',
      path: 'index.html',
      blob: new Blob(['x']),
      type: 'text/html',
    });
    const el = await render();
    const del = () => el.shadowRoot!.querySelector<HTMLButtonElement>('li.course button.danger')!;
    const dialog = el.shadowRoot!.querySelector('dialog')!;

    del().focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog.open, 2000, 'the confirmation');
    expect(dialog.textContent).to.contain('Delete “Keep me”?');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 2000, 'the dialog to close');
    expect(await env.db.count('packages')).to.equal(1);

    del().focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog.open, 2000, 'the confirmation');
    // Cancel has the focus (the safe choice); Tab reaches Delete.
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Cancel');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => el.entries?.length === 0, 5000, 'the package to go');
    expect(await env.db.count('packages')).to.equal(0);
    expect(await env.db.count('files')).to.equal(0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Deleted Keep me');
  });

  it('opens a course by URL through a navigation request', async () => {
    const el = await render();
    const form = el.shadowRoot!.querySelector('scorm-open-url-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'https://courses.example.com/tea/' });
    const navigated = oneEvent(el, 'scorm-navigate') as Promise<NavigateEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await navigated;
    expect(event.route).to.deep.equal({
      view: 'play',
      source: { kind: 'url', url: 'https://courses.example.com/tea/' },
    });
  });

  it('refuses an empty URL with an alert', async () => {
    const el = await render();
    const form = el.shadowRoot!.querySelector('scorm-open-url-form')!;
    form.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Enter the address');
    await expect(form).to.be.accessible();
  });
});
