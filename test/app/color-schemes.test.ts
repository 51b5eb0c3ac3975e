// Every app view and dialog in light and dark mode (prefers-color-scheme, emulated in Chromium): the colours
// follow the scheme, and axe finds no violations (colour contrast included) in either.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/app/app-shell.js';
import '../../src/app/dispatch-maker.js';
import '../../src/app/results-view.js';
import '../../src/app/learner-dialog.js';
import type { ScormApp } from '../../src/app/app-shell.js';
import type { DispatchMaker } from '../../src/app/dispatch-maker.js';
import type { LearnerDialog } from '../../src/app/learner-dialog.js';
import type { LibraryView } from '../../src/app/library-view.js';
import type { ResultsView } from '../../src/app/results-view.js';
import type { ImportPanel } from '../../src/app/import-panel.js';
import { expectAccessible } from '../player/audit.js';
import { readTemplates } from '../dispatch/host-lms.js';
import { attemptState, courseProgress, freshDb, storedPackage, until } from './helpers.js';

/** The relative luminance (WCAG 2.x) of a computed rgb()/rgba() colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`the app's views in ${scheme} mode`, () => {
    let env: Awaited<ReturnType<typeof freshDb>>;
    before(() => emulateMedia({ colorScheme: scheme }));
    after(() => emulateMedia({ colorScheme: 'light' }));
    beforeEach(async () => {
      env = await freshDb();
      await env.db.put(
        'packages',
        storedPackage({ id: 'p1', title: 'Tea course', manifestIdentifier: 'org.tea' }),
      );
      await env.db.put(
        'packages',
        storedPackage({ id: 'p2', title: 'Web course', source: 'https://cdn.example.com/web.zip' }),
      );
      await env.db.put(
        'courses',
        courseProgress({
          courseKey: 'pkg:org.tea',
          learnerId: 'u1',
          title: 'Tea course',
          completionStatus: 'completed',
          successStatus: 'failed',
          scoreScaled: 0.4,
          totalSeconds: 125,
          suspended: true,
        }),
      );
      await env.db.put('attempts', {
        courseKey: 'pkg:org.tea',
        learnerId: 'u1',
        itemId: 'org',
        updatedAt: '2026-01-02T00:00:00Z',
        state: attemptState({
          completionStatus: 'completed',
          totalSeconds: 60,
          data: {
            values: {
              'cmi.interactions.0.id': 'q1',
              'cmi.interactions.0.type': 'choice',
              'cmi.interactions.0.learner_response': 'a',
              'cmi.interactions.0.result': 'incorrect',
            },
            counts: { 'cmi.interactions': 1 },
          },
        }),
      });
    });
    afterEach(async () => {
      history.replaceState(null, '', '?');
      await env.dispose();
    });

    it('the header and the library, with its delete dialog open', async () => {
      history.replaceState(null, '', '?view=library');
      const app = await fixture<ScormApp>(html`<scorm-app db-name=${env.name}></scorm-app>`);
      const library = await until(
        () => app.shadowRoot!.querySelector<LibraryView>('scorm-library-view'),
        5000,
        'the library',
      );
      await until(() => library.shadowRoot!.querySelectorAll('li.course').length === 2, 5000, 'the courses');
      const background = luminance(getComputedStyle(app.shadowRoot!.querySelector('header')!).color);
      // Text is dark on light, light on dark: the scheme reaches the app.
      if (scheme === 'dark') expect(background).to.be.greaterThan(0.5);
      else expect(background).to.be.lessThan(0.1);
      await expectAccessible(app);
      library.shadowRoot!.querySelector<HTMLButtonElement>('li.course button.danger')!.click();
      await until(
        () => library.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm')?.open,
        5000,
        'dialog',
      );
      await expectAccessible(library);
      library.shadowRoot!.querySelector<HTMLButtonElement>('dialog.confirm button[value=cancel]')!.click();
      app.remove();
    });

    it('the import panel with an error', async () => {
      const panel = await fixture<ImportPanel>(html`<scorm-import-panel .db=${env.db}></scorm-import-panel>`);
      await panel.importFile(new File(['not a zip'], 'broken.zip', { type: 'application/zip' }));
      await until(() => panel.shadowRoot!.querySelector('p.error')?.textContent, 5000, 'the error');
      await expectAccessible(panel);
    });

    it('the results view with items and interactions open', async () => {
      const view = await fixture<ResultsView>(html`<scorm-results-view .db=${env.db}></scorm-results-view>`);
      await until(() => view.shadowRoot!.querySelector('article'), 5000, 'the results');
      view.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true));
      await expectAccessible(view);
    });

    it('the learner dialog, with its problem shown', async () => {
      const dialog = await fixture<LearnerDialog>(html`<scorm-learner-dialog></scorm-learner-dialog>`);
      void dialog.ask();
      await dialog.updateComplete;
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => dialog.shadowRoot!.querySelector('[role=alert]'), 5000, 'the problem');
      await expectAccessible(dialog);
      dialog.shadowRoot!.querySelector('dialog')!.close();
    });

    it('the dispatch maker with field errors, then with a package made', async () => {
      const maker = await fixture<DispatchMaker>(
        html`<scorm-dispatch-maker .db=${env.db} .templates=${await readTemplates()}></scorm-dispatch-maker>`,
      );
      await until(() => maker.shadowRoot!.querySelector('#library'), 5000, 'the library list');
      maker.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => maker.shadowRoot!.querySelector('.field-error'), 5000, 'the errors');
      await expectAccessible(maker);
      const select = maker.shadowRoot!.querySelector<HTMLSelectElement>('#library')!;
      select.value = 'p2';
      select.dispatchEvent(new Event('change'));
      await maker.updateComplete;
      maker.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => maker.shadowRoot!.querySelector('a[download]'), 5000, 'the package');
      await expectAccessible(maker);
    });
  });
}
